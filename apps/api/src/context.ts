// Everything a resolver may use, built once per request. Patient data is reachable only through
// `patients` (a repository scoped to the signed-in user) and `loaders` (the request's batched,
// scoped reads): see access/.
import type { Clearinghouses } from '@kinpay/clearinghouse';
import type { PrismaClient } from '@kinpay/db';
import { createLoaders, type Loaders } from './access/loaders.ts';
import { PatientRepository } from './access/patient-repository.ts';
import type { SignInLimiter } from './auth/sign-in-limiter.ts';
import type { Viewer } from './auth/viewer.ts';
import type { Config } from './config.ts';
import type { FetchOptions } from './ebilling/fetch.ts';
import type { Mailer } from './ebilling/notifications.ts';
import { loadPayNowPolicy, type PayNowPolicy } from './preferences/pay-now.ts';

/** What the HTTP layer lets resolvers do with the session cookie. */
export interface SessionCookie {
  token: string | undefined;
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface AppServices {
  db: PrismaClient;
  config: Config;
  clearinghouses: Clearinghouses;
  signInLimiter: SignInLimiter;
  /** fetchOptions carries the report reader (a worker thread) and the drop-folder and size settings. */
  ebilling: { fetchOptions: FetchOptions; mailer: Mailer };
}

export interface GraphQLContext extends AppServices {
  viewer: Viewer | null;
  cookie: SessionCookie;
  clientAddress: string;
  /** Patients this viewer may see. Throws UNAUTHENTICATED when signed out. */
  patients: PatientRepository;
  /** The request's scoped, batched reads; null when signed out (the auth rules refuse first). */
  loaders: Loaders | null;
  /** The practice's Pay Now policy, loaded at most once per request. */
  payNow(): Promise<PayNowPolicy>;
}

export function createContext(services: AppServices, request: { viewer: Viewer | null; cookie: SessionCookie; clientAddress: string }): GraphQLContext {
  let payNow: Promise<PayNowPolicy> | undefined;
  const loaders = request.viewer ? createLoaders(services.db, request.viewer) : null;
  return {
    ...services,
    ...request,
    loaders,
    patients: new PatientRepository(services.db, request.viewer, loaders),
    payNow() {
      if (!request.viewer) throw new Error('payNow() needs a signed-in viewer');
      payNow ??= loadPayNowPolicy(services.db, services.clearinghouses, request.viewer.practiceId);
      return payNow;
    },
  };
}

/** The signed-in viewer and their loaders, for fields the auth rules already guard. */
export function signedIn(ctx: GraphQLContext): { viewer: Viewer; loaders: Loaders } {
  if (!ctx.viewer || !ctx.loaders) throw new Error('signedIn() on a field without @requireAuth');
  return { viewer: ctx.viewer, loaders: ctx.loaders };
}
