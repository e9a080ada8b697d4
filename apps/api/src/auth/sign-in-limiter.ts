// Slows down password guessing: 5 failures per email, or 30 per client address, in 15 minutes
// lock further attempts for the rest of the window. Successful sign-in clears the email's count.
// The counts live in the SignInLimit table, so every API process (the workers of a cluster,
// several instances) counts the same failures and a restart forgets none; a sign-in costs a few
// small queries beside the password hash.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '@kinpay/db';
import { RateLimiterPrisma, type RateLimiterRes } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;
/** Rows of windows over for this long are swept away once every SWEEP_EVERY failures. */
const SWEEP_AFTER_MS = 60 * 60_000;
const SWEEP_EVERY = 100;

/** Emails typed and client addresses are personal data: the table keeps only their hashes. */
const hashed = (value: string) => createHash('sha256').update(value).digest('base64url');

export class SignInLimiter {
  private readonly byEmail: RateLimiterPrisma;
  private readonly byAddress: RateLimiterPrisma;
  private readonly db: PrismaClient;
  private failures = 0;

  constructor({ db }: { db: PrismaClient }) {
    this.db = db;
    // The library's own sweep is a timer per limiter that outlives a closed database; failed() sweeps instead.
    const limiter = (points: number, keyPrefix: string) =>
      new RateLimiterPrisma({ storeClient: db, tableName: 'signInLimit', points, duration: WINDOW_SECONDS, keyPrefix, clearExpiredByTimeout: false });
    this.byEmail = limiter(5, 'email');
    this.byAddress = limiter(30, 'ip');
  }

  /** Seconds until the next attempt is allowed, or 0 when allowed now. */
  async retryAfter(email: string, address: string): Promise<number> {
    const [e, a] = await Promise.all([this.byEmail.get(hashed(email)), this.byAddress.get(hashed(address))]);
    const blocked = [e, a].filter((r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0);
    return blocked.length ? Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000) : 0;
  }

  async failed(email: string, address: string) {
    await Promise.all([this.byEmail.penalty(hashed(email), 1), this.byAddress.penalty(hashed(address), 1)]);
    if (++this.failures % SWEEP_EVERY === 0) {
      await this.db.signInLimit.deleteMany({ where: { expire: { lt: new Date(Date.now() - SWEEP_AFTER_MS) } } });
    }
  }

  async succeeded(email: string) {
    await this.byEmail.delete(hashed(email));
  }
}
