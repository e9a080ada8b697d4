// Server-side sessions: the cookie carries a random token; the database keeps only its SHA-256,
// so a leaked database cannot be replayed as cookies. Sessions end after SESSION_IDLE_MINUTES
// without use and SESSION_MAX_HOURS after sign-in, whichever comes first.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@kinpay/db';
import type { Config } from '../config.ts';
import type { Viewer } from './viewer.ts';

export const SESSION_COOKIE = 'kinpay_session';

/** How often lastSeenAt is written: once a minute is enough to measure idleness. */
const TOUCH_EVERY_MS = 60_000;

function sessionId(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: PrismaClient, userId: string, config: Config) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + config.session.maxHours * 3_600_000);
  await db.session.create({ data: { id: sessionId(token), userId, expiresAt } });
  return { token, expiresAt };
}

export async function resolveSession(db: PrismaClient, token: string | undefined, config: Config): Promise<Viewer | null> {
  if (!token) return null;
  const id = sessionId(token);
  const session = await db.session.findUnique({ where: { id }, include: { user: true } });
  if (!session) return null;
  const now = Date.now();
  const idleUntil = session.lastSeenAt.getTime() + config.session.idleMinutes * 60_000;
  if (session.expiresAt.getTime() <= now || idleUntil <= now || session.user.disabledAt) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(now) } });
  }
  const { user } = session;
  return {
    userId: user.id,
    practiceId: user.practiceId,
    role: user.role,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    sessionId: id,
  };
}

export async function deleteSession(db: PrismaClient, token: string) {
  await db.session.deleteMany({ where: { id: sessionId(token) } });
}
