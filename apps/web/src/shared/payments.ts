// Payment words shared by the staff and family views.
import type { PaymentKind, PaymentMethod } from '../gql/graphql.ts';

const KIND: Record<PaymentKind, string> = {
  SALE: 'Payment',
  REFUND: 'Refund',
  REVERSAL: 'Reversal',
  VOID: 'Void',
  RETURN: 'Returned eCheck',
  CHARGEBACK: 'Chargeback',
};

const METHOD: Record<PaymentMethod, string> = {
  CARD: 'Card',
  ACH: 'Bank transfer (ACH)',
  CASH: 'Cash',
  CHECK: 'Check',
  OTHER: 'Other',
};

export const paymentKindLabel = (kind: PaymentKind): string => KIND[kind] ?? kind;

/** "Card (VISA)", "Check", … */
export function paymentMethodLabel(method: PaymentMethod, cardType?: string | null): string {
  const name = METHOD[method] ?? method;
  return cardType ? `${name} (${cardType})` : name;
}
