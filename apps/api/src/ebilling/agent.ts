// The Agent: fetches and processes reports on a schedule for every practice that turned it on,
// inside the API process. With several API instances, a lease row in the database lets one
// instance at a time run it; a crashed holder's lease simply runs out.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@kinpay/db';
import { fetchAndProcessReports, type FetchOptions } from './fetch.ts';
import type { Mailer } from './notifications.ts';

const LEASE = 'ebilling-agent';

/** Takes (or renews) the named lease for `ttlMs`; true when this holder has it. */
export async function acquireLease(db: PrismaClient, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const until = new Date(Date.now() + ttlMs);
  const rows = await db.$queryRaw<{ holder: string }[]>`
    INSERT INTO "JobLease" (name, holder, "leaseUntil") VALUES (${name}, ${holder}, ${until})
    ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, "leaseUntil" = EXCLUDED."leaseUntil"
    WHERE "JobLease"."leaseUntil" < now() OR "JobLease".holder = EXCLUDED.holder
    RETURNING holder`;
  return rows.length === 1;
}

export async function releaseLease(db: PrismaClient, name: string, holder: string) {
  await db.jobLease.deleteMany({ where: { name, holder } });
}

export interface Agent {
  /** One pass: runs every practice that is due. Returns the practices it ran, or null without the lease. */
  runOnce(now?: Date): Promise<string[] | null>;
  stop(): Promise<void>;
}

export function startAgent(db: PrismaClient, options: FetchOptions & { mailer: Mailer; tickMs: number; leaseMs?: number; autoStart?: boolean }): Agent {
  const holder = `agent-${randomUUID()}`;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  let running: Promise<unknown> | null = null;

  async function runOnce(now = new Date()) {
    if (!(await acquireLease(db, LEASE, holder, leaseMs))) return null;
    const ran: string[] = [];
    try {
      const due = await db.ebillingPreferences.findMany({ where: { agentEnabled: true } });
      for (const prefs of due) {
        const next = (prefs.agentLastRunAt?.getTime() ?? 0) + prefs.agentIntervalMinutes * 60_000;
        if (next > now.getTime()) continue;
        // Claim this run: only the run that still sees the last-run time it read may start.
        const claimed = await db.ebillingPreferences.updateMany({
          where: { practiceId: prefs.practiceId, agentLastRunAt: prefs.agentLastRunAt },
          data: { agentLastRunAt: now },
        });
        if (claimed.count !== 1) continue;
        try {
          const summary = await fetchAndProcessReports(db, prefs.practiceId, options);
          console.log(
            `[agent] practice ${prefs.practiceId}: ${summary.reportsFetched} fetched, ${summary.paymentsPosted} posted, ${summary.paymentsUnmatched} unmatched, ${summary.reportsFailed} failed`,
          );
        } catch (error) {
          console.error(`[agent] practice ${prefs.practiceId} failed:`, (error as Error).message);
        }
        ran.push(prefs.practiceId);
      }
      await options.mailer.sendQueued();
    } finally {
      await releaseLease(db, LEASE, holder);
    }
    return ran;
  }

  const timer =
    options.autoStart === false
      ? null
      : setInterval(() => {
          if (running) return;
          running = runOnce()
            .catch((error) => console.error('[agent] run failed:', (error as Error).message))
            .finally(() => (running = null));
        }, options.tickMs);
  timer?.unref();

  return {
    runOnce,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
