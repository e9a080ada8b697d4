// Emails about postings go through an outbox (EmailMessage) written in the same transaction as
// the posting: a receipt is queued exactly when its payment posts, once (dedupeKey), and sent
// afterwards by the mailer. Receipts say what was paid and for which visits, nothing clinical.
import type { Prisma, PrismaClient } from '@kinpay/db';
import { formatCents, toCents } from '@kinpay/money';
import nodemailer, { type Transporter } from 'nodemailer';

type Tx = Prisma.TransactionClient;

const dateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

interface ReceiptRow {
  id: string;
  kind: string;
  status: string;
  amountCents: bigint;
  unappliedCents: bigint;
  receivedAt: Date;
  child: string | null;
  /** Where each guardian reads email: the portal login, else the address on file. */
  emails: string[] | null;
  /** Service dates (YYYY-MM-DD) of the visits the payment was applied to. */
  visits: string[] | null;
}

/**
 * Queues the parent's receipt for each posted sale, and the practice's notice. One query reads what
 * the receipts say (a large report posts thousands of payments at once), one statement writes them.
 */
export async function queuePaymentEmails(tx: Tx, practiceId: string, paymentIds: string[], reportLabel?: string) {
  if (!paymentIds.length) return;
  // One query at a time (a transaction is one connection), each reading only what the emails say.
  const practice = await tx.practice.findUniqueOrThrow({ where: { id: practiceId }, select: { name: true } });
  const preferences = await tx.ebillingPreferences.findUnique({ where: { practiceId }, select: { notificationEmails: true } });
  const payments = await tx.$queryRaw<ReceiptRow[]>`
    SELECT p.id::text AS id, p.kind::text AS kind, p.status::text AS status, p."amountCents", p."unappliedCents", p."receivedAt",
           pt."firstName" AS child,
           (SELECT array_agg(DISTINCT lower(coalesce(u.email, g.email))) FROM "PatientGuardian" pg
              JOIN "Guardian" g ON g.id = pg."guardianId" LEFT JOIN "User" u ON u.id = g."userId"
            WHERE pg."patientId" = p."patientId" AND coalesce(u.email, g.email) IS NOT NULL) AS emails,
           (SELECT array_agg(DISTINCT to_char(c."serviceDate", 'YYYY-MM-DD')) FROM "PaymentApplication" a
              JOIN "Charge" c ON c.id = a."chargeId"
            WHERE a."paymentId" = p.id) AS visits
    FROM "Payment" p LEFT JOIN "Patient" pt ON pt.id = p."patientId"
    WHERE p.id = ANY(${paymentIds}::uuid[]) AND p."practiceId" = ${practiceId}::uuid`;
  const messages: Prisma.EmailMessageCreateManyInput[] = [];
  for (const payment of payments) {
    if (payment.kind !== 'SALE' || payment.status !== 'POSTED' || !payment.child) continue;
    const child = payment.child;
    const visits = [...(payment.visits ?? [])].sort().map((day) => dateFormat.format(new Date(`${day}T00:00:00Z`)));
    const unapplied = toCents(payment.unappliedCents);
    const lines = [
      `${practice.name} received your payment of ${formatCents(toCents(payment.amountCents))} for ${child} on ${dateFormat.format(payment.receivedAt)}.`,
      visits.length ? `It was applied to ${child}'s visits of ${visits.join(', ')}.` : '',
      unapplied > 0 ? `${formatCents(unapplied)} is kept as a credit on ${child}'s account.` : '',
      '',
      'You can see the updated balance in the patient portal.',
      'This is an automatic message; please do not reply.',
    ].filter((l, i, all) => l !== '' || all[i - 1] !== '');
    for (const to of payment.emails ?? []) {
      messages.push({
        practiceId,
        to,
        subject: `Payment received - ${practice.name}`,
        text: lines.join('\n'),
        dedupeKey: `payment:${payment.id}:receipt:${to}`,
      });
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
    ]
      .filter(Boolean)
      .join('\n');
    for (const to of preferences.notificationEmails) {
      messages.push({
        practiceId,
        to,
        subject: `Payments posted - ${practice.name}`,
        text,
        dedupeKey: `payments:${paymentIds[0]}:${paymentIds.length}:staff:${to}`,
      });
    }
  }
  await insertMessages(tx, messages);
}

/** One INSERT ... SELECT FROM unnest for all the messages; a message already queued (same dedupeKey) is left as it is. */
async function insertMessages(tx: Tx, messages: Prisma.EmailMessageCreateManyInput[]) {
  if (!messages.length) return;
  const column = (pick: (m: Prisma.EmailMessageCreateManyInput) => string) => messages.map(pick);
  await tx.$executeRaw`
    INSERT INTO "EmailMessage" (id, "practiceId", "to", subject, text, "dedupeKey", "createdAt")
    SELECT gen_random_uuid(), v.*, ${new Date().toISOString()}::timestamp(3) FROM unnest(
      ${column((m) => m.practiceId)}::uuid[], ${column((m) => m.to)}::text[], ${column((m) => m.subject)}::text[],
      ${column((m) => m.text)}::text[], ${column((m) => m.dedupeKey)}::text[]
    ) AS v
    ON CONFLICT ("dedupeKey") DO NOTHING`;
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
