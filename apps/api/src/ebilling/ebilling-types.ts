import type { Charge, PaymentApplication } from '@kinpay/db';

export type ApplicationWithCharge = PaymentApplication & { charge: Charge };

export interface PaymentBeingPostedView {
  amountCents: number;
  receivedAt: Date;
}

/** A practice's eBilling preferences, or the defaults before it saved any. */
export type EbillingPreferencesView = Pick<
  import('@kinpay/db').EbillingPreferences,
  'practiceId' | 'agentEnabled' | 'agentIntervalMinutes' | 'notificationEmails' | 'payeeNpi' | 'instamedMerchantId' | 'waystarAccountName' | 'testMode'
>;
