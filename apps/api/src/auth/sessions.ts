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

/** The session and its user, as the one statement below returns them. */
interface SessionRow {
  lastSeenAt: Date;
  expiresAt: Date;
  userId: string;
  practiceId: string;
  role: Viewer['role'];
  email: string;
  firstName: string;
  lastName: string;
  disabledAt: Date | null;
}

export async function resolveSession(db: PrismaClient, token: string | undefined, config: Config): Promise<Viewer | null> {
  if (!token) return null;
  const id = sessionId(token);
  // Every request asks this, so it is one statement (a join), not Prisma's include (two).
  const [session] = await db.$queryRaw<SessionRow[]>`
    SELECT s."lastSeenAt", s."expiresAt", u.id AS "userId", u."practiceId", u.role::text AS role, u.email,
           u."firstName", u."lastName", u."disabledAt"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${id}`;
  if (!session) return null;
  const now = Date.now();
  const idleUntil = session.lastSeenAt.getTime() + config.session.idleMinutes * 60_000;
  if (session.expiresAt.getTime() <= now || idleUntil <= now || session.disabledAt) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(now) } });
  }
  return {
    userId: session.userId,
    practiceId: session.practiceId,
    role: session.role,
    email: session.email,
    firstName: session.firstName,
    lastName: session.lastName,
    sessionId: id,
  };
}

export async function deleteSession(db: PrismaClient, token: string) {
  await db.session.deleteMany({ where: { id: sessionId(token) } });
}
