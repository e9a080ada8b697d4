// Emails about postings go through an outbox (EmailMessage) written in the same transaction as
// the posting: a receipt is queued exactly when its payment posts, once (dedupeKey), and sent
// afterwards by the mailer. Receipts say what was paid and for which visits, nothing clinical.
import type { Prisma, PrismaClient } from '@kinpay/db';
import { formatCents } from '@kinpay/money';
import nodemailer, { type Transporter } from 'nodemailer';

type Tx = Prisma.TransactionClient;

const dateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

export async function queuePaymentEmails(tx: Tx, practiceId: string, paymentIds: string[], reportLabel?: string) {
  if (!paymentIds.length) return;
  // One query at a time (a transaction is one connection), each reading only what the emails say.
  const practice = await tx.practice.findUniqueOrThrow({ where: { id: practiceId }, select: { name: true } });
  const preferences = await tx.ebillingPreferences.findUnique({ where: { practiceId }, select: { notificationEmails: true } });
  const payments = await tx.payment.findMany({
    where: { id: { in: paymentIds } },
    select: {
      id: true,
      kind: true,
      status: true,
      amountCents: true,
      unappliedCents: true,
      receivedAt: true,
      patient: { select: { firstName: true, guardians: { select: { guardian: { select: { email: true, user: { select: { email: true } } } } } } } },
      applications: { select: { charge: { select: { serviceDate: true } } } },
    },
  });
  const messages: Prisma.EmailMessageCreateManyInput[] = [];
  for (const payment of payments) {
    if (payment.kind !== 'SALE' || payment.status !== 'POSTED' || !payment.patient) continue;
    const child = payment.patient.firstName;
    const visits = [...new Set(payment.applications.map((a) => dateFormat.format(a.charge.serviceDate)))];
    const lines = [
      `${practice.name} received your payment of ${formatCents(payment.amountCents)} for ${child} on ${dateFormat.format(payment.receivedAt)}.`,
      visits.length ? `It was applied to ${child}'s visits of ${visits.join(', ')}.` : '',
      payment.unappliedCents > 0 ? `${formatCents(payment.unappliedCents)} is kept as a credit on ${child}'s account.` : '',
      '',
      'You can see the updated balance in the patient portal.',
      'This is an automatic message; please do not reply.',
    ].filter((l, i, all) => l !== '' || all[i - 1] !== '');
    const recipients = new Set(
      payment.patient.guardians.map(({ guardian }) => (guardian.user?.email ?? guardian.email)?.toLowerCase()).filter((e): e is string => !!e),
    );
    for (const to of recipients) {
      messages.push({ practiceId, to, subject: `Payment received - ${practice.name}`, text: lines.join('\n'), dedupeKey: `payment:${payment.id}:receipt:${to}` });
    }
  }
  const posted = payments.filter((p) => p.status === 'POSTED');
  const unmatched = payments.filter((p) => p.status === 'UNMATCHED');
  if (preferences?.notificationEmails.length && payments.length) {
    const net = posted.reduce((sum, p) => sum + p.amountCents, 0);
    const text = [
      `${posted.length} payment(s) posted, net ${formatCents(net)}.`,
      unmatched.length ? `${unmatched.length} payment(s) match no patient and wait in the eBilling Center under Unmatched payments.` : '',
      reportLabel ? `Report: ${reportLabel}` : '',
    ].filter(Boolean).join('\n');
    for (const to of preferences.notificationEmails) {
      messages.push({ practiceId, to, subject: `Payments posted - ${practice.name}`, text, dedupeKey: `payments:${paymentIds[0]}:${paymentIds.length}:staff:${to}` });
    }
  }
  if (messages.length) await tx.emailMessage.createMany({ data: messages, skipDuplicates: true });
}

export interface Mailer {
  sendQueued(): Promise<number>;
}

/** Sends queued emails through SMTP_URL; without it, emails stay queued (and are counted). */
export function createMailer(db: PrismaClient, smtpUrl: string | undefined, from: string): Mailer {
  const transport: Transporter | null = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  let running: Promise<number> | null = null;
  return {
    sendQueued() {
      if (!transport) return Promise.resolve(0);
      running ??= (async () => {
        let sent = 0;
        try {
          const queued = await db.emailMessage.findMany({ where: { sentAt: null, error: null }, orderBy: { createdAt: 'asc' }, take: 200 });
          for (const message of queued) {
            try {
              await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
              await db.emailMessage.update({ where: { id: message.id }, data: { sentAt: new Date() } });
              sent++;
            } catch (error) {
              console.error('[mail] could not send message', message.id, (error as Error).message);
              await db.emailMessage.update({ where: { id: message.id }, data: { error: (error as Error).message.slice(0, 500) } });
            }
          }
        } finally {
          running = null;
        }
        return sent;
      })();
      return running;
    },
  };
}
