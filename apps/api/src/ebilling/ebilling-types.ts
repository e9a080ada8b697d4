import type { Charge, PaymentApplication } from '@kinpay/db';

export type ApplicationWithCharge = PaymentApplication & { charge: Charge };

export interface PaymentBeingPostedView {
  amountCents: number;
  receivedAt: Date;
}
