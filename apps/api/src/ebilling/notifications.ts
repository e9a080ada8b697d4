// Emails about postings go through an outbox (EmailMessage) written in the same transaction as
// the posting: a receipt is queued exactly when its payment posts, once (dedupeKey), and sent
// afterwards by the mailer. Receipts say what was paid and for which visits, nothing clinical.
import type { Prisma, PrismaClient } from '@kinpay/db';
import { formatCents, toCents } from '@kinpay/money';
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
      `${practice.name} received your payment of ${formatCents(toCents(payment.amountCents))} for ${child} on ${dateFormat.format(payment.receivedAt)}.`,
      visits.length ? `It was applied to ${child}'s visits of ${visits.join(', ')}.` : '',
      payment.unappliedCents > 0 ? `${formatCents(toCents(payment.unappliedCents))} is kept as a credit on ${child}'s account.` : '',
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
    const net = posted.reduce((sum, p) => sum + toCents(p.amountCents), 0);
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

/** Tries before the mailer gives up on a message (about 4 hours of waiting in all). */
const MAX_EMAIL_ATTEMPTS = 8;
/** How long a claimed message is left alone while one sender tries it. */
const CLAIM_MS = 5 * 60_000;
/** The wait after the n-th failure: 1, 2, 4 … minutes. */
const retryDelayMs = (attempts: number) => 2 ** (attempts - 1) * 60_000;

// Timestamps go to the database as UTC text, as Prisma stores them (timestamp without zone).
const utc = (date: Date) => date.toISOString();

/**
 * Sends queued emails through SMTP_URL; without it, emails stay queued. Each API instance may
 * call this at any moment: a message is claimed (FOR UPDATE SKIP LOCKED) before it is sent, so it
 * goes out once; a failure is kept on the message and tried again later, a few times.
 */
export function createMailer(db: PrismaClient, smtpUrl: string | undefined, from: string): Mailer {
  const transport: Transporter | null = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  let running: Promise<number> | null = null;
  return {
    sendQueued() {
      if (!transport) return Promise.resolve(0);
      running ??= (async () => {
        let sent = 0;
        try {
          const now = new Date();
          const claimed = await db.$queryRaw<{ id: string; to: string; subject: string; text: string; attempts: number }[]>`
            UPDATE "EmailMessage" SET attempts = attempts + 1, "nextAttemptAt" = ${utc(new Date(now.getTime() + CLAIM_MS))}::timestamp(3)
            WHERE id IN (
              SELECT id FROM "EmailMessage"
              WHERE "sentAt" IS NULL AND attempts < ${MAX_EMAIL_ATTEMPTS}
                AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${utc(now)}::timestamp(3))
              ORDER BY "createdAt" LIMIT 200
              FOR UPDATE SKIP LOCKED)
            RETURNING id::text AS id, "to", subject, text, attempts`;
          for (const message of claimed) {
            try {
              await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
              await db.emailMessage.update({ where: { id: message.id }, data: { sentAt: new Date(), error: null } });
              sent++;
            } catch (error) {
              const attempts = Number(message.attempts);
              const givingUp = attempts >= MAX_EMAIL_ATTEMPTS;
              // The id only: addresses are personal data and stay out of logs.
              console.error(`[mail] could not send message ${message.id} (try ${attempts}${givingUp ? ', giving up' : ''}):`, (error as Error).message);
              await db.emailMessage.update({
                where: { id: message.id },
                data: { error: (error as Error).message.slice(0, 500), nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)) },
              });
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
