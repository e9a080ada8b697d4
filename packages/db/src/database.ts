// Opens the practice database: embedded PGlite (default, persisted under DATA_DIR) or a
// PostgreSQL server when DATABASE_URL is set. Both speak PostgreSQL, through Prisma adapters.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';
import { applyMigrations } from './schema-engine.ts';

export type DatabaseOptions =
  /** A PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/kinpay */
  | { databaseUrl: string }
  /** Embedded PGlite persisted in this folder; `memory` keeps it in memory (tests). */
  | { dataDir: string }
  | { memory: true };

export interface Database {
  prisma: PrismaClient;
  kind: 'postgres' | 'pglite';
  /** The adapter factory, for the migration engine. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions, { migrate = true } = {}): Promise<Database> {
  const db = 'databaseUrl' in options ? openServer(options.databaseUrl) : await openEmbedded(options);
  if (migrate) {
    try {
      await applyMigrations(db.adapterFactory);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}

function openServer(connectionString: string): Database {
  const adapterFactory = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return { prisma, kind: 'postgres', adapterFactory, close: () => prisma.$disconnect() };
}

async function openEmbedded(options: { dataDir: string } | { memory: true }): Promise<Database> {
  let pglite: PGlite;
  if ('memory' in options) {
    pglite = new PGlite();
  } else {
    const dir = path.resolve(options.dataDir, 'pglite');
    await mkdir(dir, { recursive: true });
    pglite = new PGlite(dir);
  }
  await pglite.waitReady;
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    kind: 'pglite',
    adapterFactory,
    // PGlite keeps the process alive after $disconnect(): close the instance too.
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** DATABASE_URL wins; otherwise PGlite under DATA_DIR (default ./data). */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: env.DATA_DIR ?? 'data' };
}
