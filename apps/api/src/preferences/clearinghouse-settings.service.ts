// A practice's online payment settings: which clearinghouse, the practice's ID there, and whether
// parents get Pay Now. Append-only: every change is a new version with who made it.
import type { Clearinghouses } from '@kinpay/clearinghouse';
import { Prisma, type Clearinghouse, type PrismaClient } from '@kinpay/db';
import { recordAudit } from '../audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ClearinghouseIdTaken, claimClearinghouseId, releaseUnusedIds } from '../ebilling/accounts.ts';
import { invalidInput } from '../errors.ts';
import type { SettingsView } from '../models.ts';
import { currentSettings } from './pay-now.ts';

export interface SettingsInput {
  clearinghouse: Clearinghouse;
  clearinghouseId?: string | null;
  onlinePaymentsEnabled: boolean;
}

export async function settingsView(db: PrismaClient, practiceId: string): Promise<SettingsView> {
  return { practiceId, current: await currentSettings(db, practiceId) };
}

/** Checks the input against the chosen clearinghouse; returns the normalized ID. */
function validate(clearinghouses: Clearinghouses, input: SettingsInput): string | null {
  const adapter = clearinghouses[input.clearinghouse];
  if (!adapter.available) {
    throw invalidInput(
      `${adapter.name} payments are not set up on this server yet. Ask your Kinpay administrator to configure its payment page.`,
      'clearinghouse',
    );
  }
  const typed = input.clearinghouseId?.trim() ?? '';
  if (!typed) {
    if (input.onlinePaymentsEnabled) {
      throw invalidInput(`Enter the practice’s ${adapter.name} ${adapter.idLabel} to turn on online payments.`, 'clearinghouseId');
    }
    return null;
  }
  const parsed = adapter.parseId(typed);
  if (!parsed.ok) throw invalidInput(parsed.message, 'clearinghouseId');
  return parsed.id;
}

/** Saves a new version of the settings (admins only; the auth rule checks that). */
export async function updateSettings(db: PrismaClient, clearinghouses: Clearinghouses, viewer: Viewer, input: SettingsInput): Promise<SettingsView> {
  const clearinghouseId = validate(clearinghouses, input);
  const practiceId = viewer.practiceId;
  try {
    await db.$transaction(async (tx) => {
      const previous = await currentSettings(tx, practiceId);
      const unchanged =
        previous &&
        previous.clearinghouse === input.clearinghouse &&
        previous.clearinghouseId === clearinghouseId &&
        previous.onlinePaymentsEnabled === input.onlinePaymentsEnabled;
      if (unchanged) return;
      // The ID must be this practice's alone: reports, drop-folder files and notices addressed to
      // it are this practice's.
      if (clearinghouseId) await claimClearinghouseId(tx, practiceId, input.clearinghouse, clearinghouseId);
      else await releaseUnusedIds(tx, practiceId);
      // Versions are unique per practice: two admins saving at once cannot both write version n+1.
      const saved = await tx.clearinghouseSettings.create({
        data: {
          practiceId,
          version: (previous?.version ?? 0) + 1,
          clearinghouse: input.clearinghouse,
          clearinghouseId,
          onlinePaymentsEnabled: input.onlinePaymentsEnabled,
          changedById: viewer.userId,
        },
      });
      await recordAudit(tx, {
        practiceId,
        actorUserId: viewer.userId,
        action: 'clearinghouse_settings.updated',
        entityType: 'ClearinghouseSettings',
        entityId: saved.id,
        detail: {
          version: saved.version,
          from: previous
            ? { clearinghouse: previous.clearinghouse, clearinghouseId: previous.clearinghouseId, onlinePaymentsEnabled: previous.onlinePaymentsEnabled }
            : null,
          to: { clearinghouse: saved.clearinghouse, clearinghouseId: saved.clearinghouseId, onlinePaymentsEnabled: saved.onlinePaymentsEnabled },
        },
      });
    });
  } catch (error) {
    if (error instanceof ClearinghouseIdTaken) {
      const adapter = clearinghouses[input.clearinghouse];
      throw invalidInput(
        `Another practice on this server already uses the ${adapter.name} ${adapter.idLabel} ${clearinghouseId}, so its payments cannot be ` +
          `sent here too. Check the ${adapter.idLabel} with ${adapter.name}; if it is really this practice's, contact Kinpay support.`,
        'clearinghouseId',
      );
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw invalidInput('Someone else changed these settings at the same moment. Reload the page and try again.');
    }
    throw error;
  }
  return settingsView(db, practiceId);
}
