// Slows down password guessing: 5 failures per email, or 30 per client address, in 15 minutes
// lock further attempts for the rest of the window. Successful sign-in clears the email's count.
// In memory: each API instance counts on its own, which bounds guessing per instance.
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;

export class SignInLimiter {
  private byEmail = new RateLimiterMemory({ points: 5, duration: WINDOW_SECONDS, keyPrefix: 'email' });
  private byAddress = new RateLimiterMemory({ points: 30, duration: WINDOW_SECONDS, keyPrefix: 'ip' });

  /** Seconds until the next attempt is allowed, or 0 when allowed now. */
  async retryAfter(email: string, address: string): Promise<number> {
    const [e, a] = await Promise.all([this.byEmail.get(email), this.byAddress.get(address)]);
    const blocked = [e, a].filter((r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0);
    return blocked.length ? Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000) : 0;
  }

  async failed(email: string, address: string) {
    await Promise.all([this.byEmail.penalty(email, 1), this.byAddress.penalty(address, 1)]);
  }

  async succeeded(email: string) {
    await this.byEmail.delete(email);
  }
}
