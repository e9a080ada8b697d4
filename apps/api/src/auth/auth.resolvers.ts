import type { Resolvers } from '../graphql/resolvers-types.ts';
import { signIn, signOut } from './auth.service.ts';

export const authResolvers: Resolvers = {
  Query: {
    me: (_root, _args, ctx) => (ctx.viewer ? ctx.db.user.findUnique({ where: { id: ctx.viewer.userId } }) : null),
  },
  Mutation: {
    signIn: async (_root, { email, password }, ctx) => {
      const { user, session } = await signIn(ctx, email, password, ctx.cookie.token);
      ctx.cookie.set(session.token, session.expiresAt);
      return user;
    },
    signOut: async (_root, _args, ctx) => {
      await signOut(ctx.db, ctx.viewer, ctx.cookie.token);
      ctx.cookie.clear();
      return true;
    },
  },
  User: {
    // Only ever the viewer's own practice: `me` is the only way to a User.
    practice: (user, _args, ctx) => ctx.db.practice.findUniqueOrThrow({ where: { id: user.practiceId } }),
  },
};
