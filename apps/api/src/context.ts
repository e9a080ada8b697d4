// Everything a resolver may use, built once per request. Patient data is reachable only through
// `patients`, a repository scoped to the signed-in user (see access/patient-repository.ts).
import type { Clearinghouses } from '@kinpay/clearinghouse';
import type { PrismaClient, Role } from '@kinpay/db';
import { PatientRepository } from './access/patient-repository.ts';
import type { SignInLimiter } from './auth/sign-in-limiter.ts';
import type { Config } from './config.ts';
import type { FetchOptions } from './ebilling/fetch.ts';
import type { Mailer } from './ebilling/notifications.ts';
import { loadPayNowPolicy, type PayNowPolicy } from './preferences/pay-now.ts';

export interface Viewer {
  userId: string;
  practiceId: string;
  role: Role;
  email: string;
  firstName: string;
  lastName: string;
  sessionId: string;
}

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
  /** The practice's Pay Now policy, loaded at most once per request. */
  payNow(): Promise<PayNowPolicy>;
}

export function createContext(services: AppServices, request: { viewer: Viewer | null; cookie: SessionCookie; clientAddress: string }): GraphQLContext {
  let payNow: Promise<PayNowPolicy> | undefined;
  return {
    ...services,
    ...request,
    patients: new PatientRepository(services.db, request.viewer),
    payNow() {
      if (!request.viewer) throw new Error('payNow() needs a signed-in viewer');
      payNow ??= loadPayNowPolicy(services.db, services.clearinghouses, request.viewer.practiceId);
      return payNow;
    },
  };
}
