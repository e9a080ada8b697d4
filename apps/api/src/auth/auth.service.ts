// Signing in and out: password checks, the sign-in rate limit, sessions and their audit trail.
import type { PrismaClient, User } from '@kinpay/db';
import { recordAudit } from '../audit.ts';
import type { Config } from '../config.ts';
import { invalidInput, rateLimited } from '../errors.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';
import { createSession, deleteSession } from './sessions.ts';
import type { SignInLimiter } from './sign-in-limiter.ts';
import type { Viewer } from './viewer.ts';

// One message for an unknown email and a wrong password: never tell which emails have accounts.
export const WRONG_CREDENTIALS = 'Wrong email or password.';

export interface SignInDeps {
  db: PrismaClient;
  config: Config;
  signInLimiter: SignInLimiter;
  clientAddress: string;
}

/** Checks the password and starts a session; returns the user and the new session's token. */
export async function signIn(deps: SignInDeps, emailTyped: string, password: string, previousToken: string | undefined) {
  const { db, signInLimiter, clientAddress } = deps;
  const email = emailTyped.trim().toLowerCase();
  const wait = await signInLimiter.retryAfter(email, clientAddress);
  if (wait > 0) {
    throw rateLimited(`Too many sign-in attempts. Please wait ${Math.ceil(wait / 60)} minute(s) and try again, or reset your password with the practice.`);
  }
  const user: User | null = email ? await db.user.findUnique({ where: { email } }) : null;
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !ok || user.disabledAt) {
    await signInLimiter.failed(email, clientAddress);
    await recordAudit(db, { practiceId: user?.practiceId ?? null, actorUserId: user?.id ?? null, action: 'auth.sign_in_failed' });
    throw invalidInput(WRONG_CREDENTIALS);
  }
  await signInLimiter.succeeded(email);
  // A new session on every sign-in; an old cookie in this browser is ended first.
  if (previousToken) await deleteSession(db, previousToken);
  const session = await createSession(db, user.id, deps.config);
  await recordAudit(db, { practiceId: user.practiceId, actorUserId: user.id, action: 'auth.signed_in' });
  return { user, session };
}

export async function signOut(db: PrismaClient, viewer: Viewer | null, token: string | undefined) {
  if (token) await deleteSession(db, token);
  if (viewer) await recordAudit(db, { practiceId: viewer.practiceId, actorUserId: viewer.userId, action: 'auth.signed_out' });
}
