import { recordAudit } from '../audit.ts';
import type { GraphQLContext } from '../context.ts';
import { badUserInput, tooManyRequests } from '../graphql/errors.ts';
import type { Resolvers } from '../graphql/resolvers-types.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';
import { createSession, deleteSession } from './sessions.ts';

// One message for an unknown email and a wrong password: never tell which emails have accounts.
const WRONG_CREDENTIALS = 'Wrong email or password.';

async function signIn(ctx: GraphQLContext, emailTyped: string, password: string) {
  const email = emailTyped.trim().toLowerCase();
  const wait = await ctx.signInLimiter.retryAfter(email, ctx.clientAddress);
  if (wait > 0) {
    throw tooManyRequests(`Too many sign-in attempts. Please wait ${Math.ceil(wait / 60)} minute(s) and try again, or reset your password with the practice.`);
  }
  const user = email ? await ctx.db.user.findUnique({ where: { email } }) : null;
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !ok || user.disabledAt) {
    await ctx.signInLimiter.failed(email, ctx.clientAddress);
    await recordAudit(ctx.db, {
      practiceId: user?.practiceId ?? null,
      actorUserId: user?.id ?? null,
      action: 'auth.sign_in_failed',
    });
    throw badUserInput(WRONG_CREDENTIALS);
  }
  await ctx.signInLimiter.succeeded(email);
  // A new session on every sign-in; an old cookie in this browser is ended first.
  if (ctx.cookie.token) await deleteSession(ctx.db, ctx.cookie.token);
  const session = await createSession(ctx.db, user.id, ctx.config);
  ctx.cookie.set(session.token, session.expiresAt);
  await recordAudit(ctx.db, { practiceId: user.practiceId, actorUserId: user.id, action: 'auth.signed_in' });
  return user;
}

export const authResolvers: Resolvers = {
  Query: {
    me: (_root, _args, ctx) => (ctx.viewer ? ctx.db.user.findUnique({ where: { id: ctx.viewer.userId } }) : null),
  },
  Mutation: {
    signIn: (_root, { email, password }, ctx) => signIn(ctx, email, password),
    signOut: async (_root, _args, ctx) => {
      if (ctx.cookie.token) await deleteSession(ctx.db, ctx.cookie.token);
      if (ctx.viewer) {
        await recordAudit(ctx.db, { practiceId: ctx.viewer.practiceId, actorUserId: ctx.viewer.userId, action: 'auth.signed_out' });
      }
      ctx.cookie.clear();
      return true;
    },
  },
  User: {
    practice: (user, _args, ctx) => ctx.db.practice.findUniqueOrThrow({ where: { id: user.practiceId } }),
  },
};
