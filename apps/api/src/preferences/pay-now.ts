// Whether a patient gets a Pay Now link, and where it goes. The link is built by the
// clearinghouse adapter from the practice's stored, validated ID: never from client input.
import type { Clearinghouses } from '@kinpay/clearinghouse';
import type { ClearinghouseSettings, PrismaClient } from '@kinpay/db';
import type { PayNowUnavailableReason } from '../graphql/enums.ts';

export type PayNowDecision = { url: string; reason: null } | { url: null; reason: PayNowUnavailableReason };

export interface PayNowPolicy {
  /** The practice's Pay Now link, or null when online payments are off or unusable. */
  url: string | null;
  sandbox: boolean;
  /** beingPostedCents: sales the clearinghouse reported that are not posted yet. */
  decide(balanceCents: number, beingPostedCents?: number): PayNowDecision;
}

export function currentSettings(db: Pick<PrismaClient, 'clearinghouseSettings'>, practiceId: string) {
  return db.clearinghouseSettings.findFirst({ where: { practiceId }, orderBy: { version: 'desc' } });
}

/** The link parents would get under these settings, or null. */
export function payNowUrlFor(clearinghouses: Clearinghouses, settings: ClearinghouseSettings | null): string | null {
  if (!settings?.onlinePaymentsEnabled || !settings.clearinghouse || !settings.clearinghouseId) return null;
  const adapter = clearinghouses[settings.clearinghouse];
  if (!adapter.available) return null;
  const parsed = adapter.parseId(settings.clearinghouseId);
  return parsed.ok ? adapter.payNowUrl(parsed.id) : null;
}

export async function loadPayNowPolicy(db: PrismaClient, clearinghouses: Clearinghouses, practiceId: string): Promise<PayNowPolicy> {
  const settings = await currentSettings(db, practiceId);
  const url = payNowUrlFor(clearinghouses, settings);
  return {
    url,
    sandbox: Boolean(url && settings?.clearinghouse && clearinghouses[settings.clearinghouse].sandbox),
    decide(balanceCents, beingPostedCents = 0) {
      if (balanceCents < 0) return { url: null, reason: 'CREDIT_ON_ACCOUNT' };
      if (balanceCents === 0) return { url: null, reason: 'NO_BALANCE_DUE' };
      if (!url) return { url: null, reason: 'ONLINE_PAYMENTS_OFF' };
      if (beingPostedCents >= balanceCents) return { url: null, reason: 'PAYMENT_BEING_POSTED' };
      return { url, reason: null };
    },
  };
}
