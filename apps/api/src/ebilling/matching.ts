// The Unmatched payments work queue: staff post a payment whose account matched no patient to the
// patient it is for, and tie a refund the report did not tie to a sale to the payment it undoes.
import type { Payment, PrismaClient } from '@kinpay/db';
import { toCents } from '@kinpay/money';
import type { PatientRepository } from '../access/patient-repository.ts';
import { recordAudit } from '../audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import { invalidInput } from '../errors.ts';
import { LedgerError, postMatchedRefund, postMatchedSale } from './ledger.ts';
import { queuePaymentEmails } from './notifications.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Posts an unmatched sale to a patient of the viewer's practice. */
export async function matchPayment(db: PrismaClient, patients: PatientRepository, viewer: Viewer, paymentId: string, patientId: string): Promise<Payment> {
  const patient = await patients.get(patientId);
  if (!patient) throw invalidInput('Choose a patient of this practice.', 'patientId');
  if (!UUID.test(paymentId)) throw invalidInput('That payment is not waiting to be matched (it may have been matched already).', 'paymentId');
  try {
    await db.$transaction(async (tx) => {
      const [payment] = await tx.$queryRaw<Payment[]>`
        SELECT * FROM "Payment" WHERE id = ${paymentId}::uuid AND "practiceId" = ${viewer.practiceId}::uuid FOR UPDATE`;
      if (!payment || payment.status !== 'UNMATCHED') {
        throw invalidInput('That payment is not waiting to be matched (it may have been matched already).', 'paymentId');
      }
      if (payment.kind !== 'SALE') {
        throw invalidInput(
          payment.reversesPaymentId
            ? 'A refund or reversal posts together with the payment it undoes: match that payment (in this list) to the patient, and this one posts with it.'
            : 'A refund or reversal is matched to the payment it undoes, not to a patient: use Match to a payment.',
          'paymentId',
        );
      }
      await postMatchedSale(tx, { id: payment.id, amountCents: toCents(payment.amountCents) }, patient.id);
      await tx.payment.update({ where: { id: payment.id }, data: { matchedById: viewer.userId } });
      await recordAudit(tx, {
        practiceId: viewer.practiceId,
        actorUserId: viewer.userId,
        action: 'payment.matched',
        entityType: 'Payment',
        entityId: payment.id,
        detail: { patientId: patient.id, accountNumberSent: payment.accountNumber, amountCents: toCents(payment.amountCents) },
      });
      await queuePaymentEmails(tx, viewer.practiceId, [payment.id]);
    });
  } catch (error) {
    if (error instanceof LedgerError) throw invalidInput(error.message);
    throw error;
  }
  return db.payment.findUniqueOrThrow({ where: { id: paymentId } });
}

/** Ties a waiting refund (or void, return, chargeback) to the posted payment it undoes, and posts it. */
export async function matchRefund(db: PrismaClient, viewer: Viewer, paymentId: string, saleId: string): Promise<Payment> {
  if (!UUID.test(paymentId)) throw invalidInput('That payment is not waiting to be matched.', 'paymentId');
  if (!UUID.test(saleId)) throw invalidInput('Choose a posted payment of this practice.', 'saleId');
  try {
    await db.$transaction(async (tx) => {
      // Both rows locked at once, in id order, as the ledger locks payments: a report posting
      // against the same sale meanwhile waits instead of deadlocking.
      await tx.$queryRaw`
        SELECT id FROM "Payment" WHERE id = ANY(${[paymentId, saleId]}::uuid[]) AND "practiceId" = ${viewer.practiceId}::uuid ORDER BY id FOR UPDATE`;
      const [refund] = await tx.$queryRaw<Payment[]>`
        SELECT * FROM "Payment" WHERE id = ${paymentId}::uuid AND "practiceId" = ${viewer.practiceId}::uuid`;
      if (!refund || refund.status !== 'UNMATCHED' || refund.kind === 'SALE') {
        throw invalidInput('That refund is not waiting to be matched (it may have been matched already).', 'paymentId');
      }
      if (refund.reversesPaymentId) {
        throw invalidInput(
          'This one already belongs to a payment that waits in this list: match that payment to a patient, and this one posts with it.',
          'paymentId',
        );
      }
      const sale = await tx.payment.findFirst({ where: { id: saleId, practiceId: viewer.practiceId }, select: { id: true, clearinghouse: true } });
      if (!sale) throw invalidInput('Choose a posted payment of this practice.', 'saleId');
      if (sale.clearinghouse !== refund.clearinghouse) throw invalidInput('That payment came through another clearinghouse than this refund.', 'saleId');
      await postMatchedRefund(tx, { id: refund.id, kind: refund.kind, transactionId: refund.transactionId, amountCents: toCents(refund.amountCents) }, sale.id);
      await tx.payment.update({ where: { id: refund.id }, data: { matchedById: viewer.userId } });
      await recordAudit(tx, {
        practiceId: viewer.practiceId,
        actorUserId: viewer.userId,
        action: 'payment.refund_matched',
        entityType: 'Payment',
        entityId: refund.id,
        detail: { saleId: sale.id, amountCents: toCents(refund.amountCents) },
      });
    });
  } catch (error) {
    if (error instanceof LedgerError) throw invalidInput(error.message, 'saleId');
    throw error;
  }
  return db.payment.findUniqueOrThrow({ where: { id: paymentId } });
}
