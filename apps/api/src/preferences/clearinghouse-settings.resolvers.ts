import { CLEARINGHOUSE_CODES } from '@kinpay/clearinghouse';
import { signedIn } from '../context.ts';
import type { Resolvers } from '../graphql/resolvers-types.ts';
import { settingsView, updateSettings } from './clearinghouse-settings.service.ts';
import { payNowUrlFor } from './pay-now.ts';

export const clearinghouseSettingsResolvers: Resolvers = {
  Query: {
    clearinghouseSettings: (_root, _args, ctx) => settingsView(ctx.db, signedIn(ctx).viewer.practiceId),
    clearinghouseOptions: (_root, _args, ctx) =>
      CLEARINGHOUSE_CODES.map((code) => {
        const a = ctx.clearinghouses[code];
        return { clearinghouse: code, name: a.name, idLabel: a.idLabel, idHelp: a.idHelp, idExample: a.idExample, available: a.available };
      }),
    portalStatus: async (_root, _args, ctx) => {
      const [practice, payNow] = await Promise.all([ctx.db.practice.findUniqueOrThrow({ where: { id: signedIn(ctx).viewer.practiceId } }), ctx.payNow()]);
      return { practiceName: practice.name, sandbox: payNow.sandbox, onlinePaymentsEnabled: payNow.url !== null };
    },
  },
  Mutation: {
    updateClearinghouseSettings: (_root, { input }, ctx) => updateSettings(ctx.db, ctx.clearinghouses, signedIn(ctx).viewer, input),
  },
  ClearinghouseSettings: {
    clearinghouse: (view) => view.current?.clearinghouse ?? null,
    clearinghouseId: (view) => view.current?.clearinghouseId ?? null,
    onlinePaymentsEnabled: (view) => view.current?.onlinePaymentsEnabled ?? false,
    payNowUrlPreview: (view, _args, ctx) => payNowUrlFor(ctx.clearinghouses, view.current),
    sandbox: (view, _args, ctx) => Boolean(view.current?.clearinghouse && ctx.clearinghouses[view.current.clearinghouse].sandbox),
    updatedAt: (view) => view.current?.changedAt ?? null,
    updatedBy: (view, _args, ctx) => (view.current ? signedIn(ctx).loaders.staffName.load(view.current.changedById) : null),
    history: (view, { first }, ctx) =>
      ctx.db.clearinghouseSettings.findMany({
        where: { practiceId: view.practiceId },
        orderBy: { version: 'desc' },
        take: Math.min(Math.max(first ?? 10, 1), 100),
      }),
  },
  ClearinghouseSettingsChange: {
    changedBy: async (row, _args, ctx) => {
      const name = await signedIn(ctx).loaders.staffName.load(row.changedById);
      if (!name) throw new Error(`ClearinghouseSettings ${row.id}: its author is not a user of the practice`);
      return name;
    },
  },
};
