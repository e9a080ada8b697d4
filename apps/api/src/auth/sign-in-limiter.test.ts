// The sign-in limit on its own, on a fake clock: 5 failures per email or 30 per client address in
// 15 minutes lock further attempts until the window is over; a success clears the email's count.
// The counts are in the database (the test run's: PGlite, or the PostgreSQL server under
// `pnpm test:postgres`), where every API process counts the same failures.
import type { Database } from '@kinpay/db';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../test/database.ts';
import { SignInLimiter } from './sign-in-limiter.ts';

const WINDOW_MS = 15 * 60_000;

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

beforeEach(() => {
  // Only Date: the database driver's own timers keep running.
  vi.useFakeTimers({ now: new Date('2026-11-25T15:00:00Z'), toFake: ['Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await database.prisma.signInLimit.deleteMany();
});

async function fail(limiter: SignInLimiter, times: number, email: (i: number) => string, address: string) {
  for (let i = 0; i < times; i++) await limiter.failed(email(i), address);
}

describe('the sign-in limiter', () => {
  const newLimiter = () => new SignInLimiter({ db: database.prisma });
  it('locks an email after 5 failures, from any address, until 15 minutes after the first', async () => {
    const limiter = newLimiter();
    await fail(limiter, 4, () => 'ann@family.test', '198.51.100.1');
    expect(await limiter.retryAfter('ann@family.test', '198.51.100.1')).toBe(0);
    await limiter.failed('ann@family.test', '198.51.100.2');
    expect(await limiter.retryAfter('ann@family.test', '198.51.100.3')).toBe(WINDOW_MS / 1000);
    expect(await limiter.retryAfter('bob@family.test', '198.51.100.1')).toBe(0);
    vi.advanceTimersByTime(WINDOW_MS - 1000);
    expect(await limiter.retryAfter('ann@family.test', '198.51.100.1')).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(await limiter.retryAfter('ann@family.test', '198.51.100.1')).toBe(0);
  });

  it('locks a client address after 30 failures across emails, for every email, until the window is over', async () => {
    const limiter = newLimiter();
    await fail(limiter, 29, (i) => `guess${i}@nowhere.test`, '198.51.100.9');
    expect(await limiter.retryAfter('ann@family.test', '198.51.100.9')).toBe(0);
    await limiter.failed('guess29@nowhere.test', '198.51.100.9');
    expect(await limiter.retryAfter('ann@family.test', '198.51.100.9')).toBe(WINDOW_MS / 1000);
    // Another address is not locked, and no single email reached its own limit.
    expect(await limiter.retryAfter('ann@family.test', '198.51.100.10')).toBe(0);
    vi.advanceTimersByTime(WINDOW_MS);
    expect(await limiter.retryAfter('ann@family.test', '198.51.100.9')).toBe(0);
  });

  it('a success clears the email’s failures, but not the address’s', async () => {
    const limiter = newLimiter();
    await fail(limiter, 4, () => 'ann@family.test', '198.51.100.20');
    await limiter.succeeded('ann@family.test');
    await fail(limiter, 4, () => 'ann@family.test', '198.51.100.20');
    expect(await limiter.retryAfter('ann@family.test', '198.51.100.20')).toBe(0);
    await limiter.failed('ann@family.test', '198.51.100.20');
    expect(await limiter.retryAfter('ann@family.test', '198.51.100.20')).toBeGreaterThan(0);

    // The address keeps counting across sign-ins: 9 failures so far, 21 more lock it.
    await fail(limiter, 21, (i) => `guess${i}@nowhere.test`, '198.51.100.20');
    expect(await limiter.retryAfter('bob@family.test', '198.51.100.20')).toBeGreaterThan(0);
  });
});

describe('the sign-in limiter in the database', () => {
  it('counts the failures of every process: two limiters on one database, failures at the same moment', async () => {
    const [one, two] = [new SignInLimiter({ db: database.prisma }), new SignInLimiter({ db: database.prisma })];
    // Four failures at once, two through each: none may be lost, or the fifth would not lock.
    await Promise.all([fail(one, 2, () => 'ann@family.test', '198.51.100.30'), fail(two, 2, () => 'ann@family.test', '198.51.100.31')]);
    expect(await two.retryAfter('ann@family.test', '198.51.100.32')).toBe(0);
    await one.failed('ann@family.test', '198.51.100.30');
    expect(await one.retryAfter('ann@family.test', '198.51.100.32')).toBe(WINDOW_MS / 1000);
    expect(await two.retryAfter('ann@family.test', '198.51.100.32')).toBe(WINDOW_MS / 1000);
  });

  it('keeps neither the email typed nor the client address, only their hashes', async () => {
    await new SignInLimiter({ db: database.prisma }).failed('ann@family.test', '198.51.100.40');
    const keys = (await database.prisma.signInLimit.findMany()).map((row) => row.key);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(key).not.toMatch(/ann|family|198\.51/);
  });
});
