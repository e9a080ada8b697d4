import { CLEARINGHOUSE_CODES } from '@kinpay/clearinghouse';
import { Prisma, type ClearinghouseSettings, type PrismaClient } from '@kinpay/db';
import { recordAudit } from '../audit.ts';
import type { GraphQLContext } from '../context.ts';
import { badUserInput } from '../graphql/errors.ts';
import type { Resolvers, UpdateClearinghouseSettingsInput } from '../graphql/resolvers-types.ts';
import { ClearinghouseIdTaken, claimClearinghouseId, releaseUnusedIds } from '../ebilling/accounts.ts';
import { currentSettings, payNowUrlFor } from './pay-now.ts';

/** The settings in force for a practice (null before the first save). */
export interface SettingsView {
  practiceId: string;
  current: ClearinghouseSettings | null;
}

async function settingsView(db: PrismaClient, practiceId: string): Promise<SettingsView> {
  return { practiceId, current: await currentSettings(db, practiceId) };
}

/** Checks the input against the chosen clearinghouse; returns the normalized ID. */
function validate(ctx: GraphQLContext, input: UpdateClearinghouseSettingsInput): string | null {
  const adapter = ctx.clearinghouses[input.clearinghouse];
  if (!adapter.available) {
    throw badUserInput(
      `${adapter.name} payments are not set up on this server yet. Ask your Kinpay administrator to configure its payment page.`,
      'clearinghouse',
    );
  }
  const typed = input.clearinghouseId?.trim() ?? '';
  if (!typed) {
    if (input.onlinePaymentsEnabled) {
      throw badUserInput(`Enter the practice’s ${adapter.name} ${adapter.idLabel} to turn on online payments.`, 'clearinghouseId');
    }
    return null;
  }
  const parsed = adapter.parseId(typed);
  if (!parsed.ok) throw badUserInput(parsed.message, 'clearinghouseId');
  return parsed.id;
}

async function updateSettings(ctx: GraphQLContext, input: UpdateClearinghouseSettingsInput): Promise<SettingsView> {
  const viewer = ctx.viewer!;
  const clearinghouseId = validate(ctx, input);
  const practiceId = viewer.practiceId;
  try {
    await ctx.db.$transaction(async (tx) => {
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
      const adapter = ctx.clearinghouses[input.clearinghouse];
      throw badUserInput(
        `Another practice on this server already uses the ${adapter.name} ${adapter.idLabel} ${clearinghouseId}, so its payments cannot be ` +
          `sent here too. Check the ${adapter.idLabel} with ${adapter.name}; if it is really this practice's, contact Kinpay support.`,
        'clearinghouseId',
      );
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw badUserInput('Someone else changed these settings at the same moment. Reload the page and try again.');
    }
    throw error;
  }
  return settingsView(ctx.db, practiceId);
}

const staffName = (user: { firstName: string; lastName: string }) => ({ firstName: user.firstName, lastName: user.lastName });

export const clearinghouseSettingsResolvers: Resolvers = {
  Query: {
    clearinghouseSettings: (_root, _args, ctx) => settingsView(ctx.db, ctx.viewer!.practiceId),
    clearinghouseOptions: (_root, _args, ctx) =>
      CLEARINGHOUSE_CODES.map((code) => {
        const a = ctx.clearinghouses[code];
        return { clearinghouse: code, name: a.name, idLabel: a.idLabel, idHelp: a.idHelp, idExample: a.idExample, available: a.available };
      }),
    portalStatus: async (_root, _args, ctx) => {
      const [practice, payNow] = await Promise.all([ctx.db.practice.findUniqueOrThrow({ where: { id: ctx.viewer!.practiceId } }), ctx.payNow()]);
      return { practiceName: practice.name, sandbox: payNow.sandbox, onlinePaymentsEnabled: payNow.url !== null };
    },
  },
  Mutation: {
    updateClearinghouseSettings: (_root, { input }, ctx) => updateSettings(ctx, input),
  },
  ClearinghouseSettings: {
    clearinghouse: (view) => view.current?.clearinghouse ?? null,
    clearinghouseId: (view) => view.current?.clearinghouseId ?? null,
    onlinePaymentsEnabled: (view) => view.current?.onlinePaymentsEnabled ?? false,
    payNowUrlPreview: (view, _args, ctx) => payNowUrlFor(ctx.clearinghouses, view.current),
    sandbox: (view, _args, ctx) => Boolean(view.current?.clearinghouse && ctx.clearinghouses[view.current.clearinghouse].sandbox),
    updatedAt: (view) => view.current?.changedAt ?? null,
    updatedBy: async (view, _args, ctx) => {
      if (!view.current) return null;
      return staffName(await ctx.db.user.findUniqueOrThrow({ where: { id: view.current.changedById } }));
    },
    history: (view, { first }, ctx) =>
      ctx.db.clearinghouseSettings.findMany({
        where: { practiceId: view.practiceId },
        orderBy: { version: 'desc' },
        take: Math.min(Math.max(first ?? 10, 1), 100),
      }),
  },
  ClearinghouseSettingsChange: {
    changedBy: async (row, _args, ctx) => staffName(await ctx.db.user.findUniqueOrThrow({ where: { id: row.changedById } })),
  },
};
