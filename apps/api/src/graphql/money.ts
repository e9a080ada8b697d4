import { CURRENCY, formatCents } from '@kinpay/money';
import type { Resolvers } from './resolvers-types.ts';

/** Money fields resolve to integer cents; this turns them into the Money type. */
export const moneyResolvers: Resolvers = {
  Money: {
    amountCents: (cents) => cents,
    currency: () => CURRENCY,
    formatted: (cents) => formatCents(cents),
  },
};
