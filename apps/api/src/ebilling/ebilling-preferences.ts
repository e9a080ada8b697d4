// A practice's eBilling preferences: the Agent's schedule, who is told when payments post, the
// payee identifiers reports must name, and test mode.
import type { PrismaClient } from '@kinpay/db';
import { recordAudit } from '../audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import { invalidInput } from '../errors.ts';
import type { EbillingPreferencesView } from '../models.ts';

export interface EbillingPreferencesInput {
  agentEnabled: boolean;
  agentIntervalMinutes: number;
  notificationEmails: string[];
  /** Left out: unchanged. Empty or null: not checked. */
  payeeNpi?: string | null;
  instamedMerchantId?: string | null;
  waystarAccountName?: string | null;
  /** Left out: unchanged. */
  testMode?: boolean | null;
}

export async function ebillingPreferences(db: PrismaClient, practiceId: string): Promise<EbillingPreferencesView> {
  return (
    (await db.ebillingPreferences.findUnique({ where: { practiceId } })) ?? {
      practiceId,
      agentEnabled: false,
      agentIntervalMinutes: 60,
      notificationEmails: [],
      payeeNpi: null,
      instamedMerchantId: null,
      waystarAccountName: null,
      testMode: false,
    }
  );
}

/** Saves the practice's preferences (admins only; the auth rule checks that). */
export async function updateEbillingPreferences(db: PrismaClient, viewer: Viewer, input: EbillingPreferencesInput) {
  const checked = checkPreferences(input);
  const data = { agentEnabled: input.agentEnabled, agentIntervalMinutes: input.agentIntervalMinutes, ...checked, updatedById: viewer.userId };
  const saved = await db.ebillingPreferences.upsert({
    where: { practiceId: viewer.practiceId },
    create: { practiceId: viewer.practiceId, ...data },
    update: data,
  });
  await recordAudit(db, { practiceId: viewer.practiceId, actorUserId: viewer.userId, action: 'ebilling_preferences.updated', detail: data });
  return saved;
}

/** NPI: 10 digits whose last is the Luhn check digit over "80840" + the first nine (CMS's rule). */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`.split('').map(Number);
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits[i]!;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Checks an optional identifier: undefined = unchanged, empty = not checked. */
function identifier(value: string | null | undefined, field: string, check: (v: string) => string | null): string | null | undefined {
  if (value === undefined) return undefined;
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  const problem = check(trimmed);
  if (problem) throw invalidInput(problem, field);
  return trimmed;
}

function checkPreferences(input: EbillingPreferencesInput) {
  if (!Number.isInteger(input.agentIntervalMinutes) || input.agentIntervalMinutes < 5 || input.agentIntervalMinutes > 1440) {
    throw invalidInput('The Agent runs every 5 to 1,440 minutes (24 hours).', 'agentIntervalMinutes');
  }
  const emails = [...new Set(input.notificationEmails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const bad = emails.find((e) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e));
  if (bad) throw invalidInput(`"${bad}" is not an email address.`, 'notificationEmails');
  if (emails.length > 20) throw invalidInput('At most 20 addresses.', 'notificationEmails');
  const payeeNpi = identifier(input.payeeNpi, 'payeeNpi', (v) =>
    isValidNpi(v) ? null : `"${v}" is not an NPI: an NPI is 10 digits, the last a check digit. Copy it from NPPES or the practice's 835s (N1*PE).`,
  );
  const instamedMerchantId = identifier(input.instamedMerchantId, 'instamedMerchantId', (v) =>
    /^[A-Za-z0-9._-]{1,50}$/.test(v) ? null : 'An InstaMed merchant ID is 1 to 50 letters, digits, dots, dashes or underscores, as in the posting file.',
  );
  const waystarAccountName = identifier(input.waystarAccountName, 'waystarAccountName', (v) =>
    v.length <= 100 && !/\p{Cc}/u.test(v) ? null : 'A Waystar account name is up to 100 characters on one line, as in the report.',
  );
  return {
    notificationEmails: emails,
    ...(payeeNpi !== undefined ? { payeeNpi } : {}),
    ...(instamedMerchantId !== undefined ? { instamedMerchantId } : {}),
    ...(waystarAccountName !== undefined ? { waystarAccountName } : {}),
    ...(input.testMode != null ? { testMode: input.testMode } : {}),
  };
}
