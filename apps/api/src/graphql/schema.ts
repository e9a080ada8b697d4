// Builds the executable schema from the SDL files that sit next to their services.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { authResolvers } from '../auth/auth.resolvers.ts';
import { patientResolvers } from '../patients/patients.resolvers.ts';
import { clearinghouseSettingsResolvers } from '../preferences/clearinghouse-settings.resolvers.ts';
import { ebillingResolvers } from '../ebilling/ebilling.resolvers.ts';
import { applyAuthDirectives } from './auth-directives.ts';
import { moneyResolvers } from './money.ts';
import type { Resolvers } from './resolvers-types.ts';
import { DateScalar, DateTimeScalar } from './scalars.ts';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function loadTypeDefs(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.graphql')) files.push(full);
    }
  };
  walk(srcDir);
  return files.sort().map((file) => readFileSync(file, 'utf8'));
}

const resolvers: Resolvers[] = [
  { Date: DateScalar, DateTime: DateTimeScalar },
  moneyResolvers,
  authResolvers,
  patientResolvers,
  clearinghouseSettingsResolvers,
  ebillingResolvers,
];

export function buildSchema() {
  return applyAuthDirectives(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never }));
}
