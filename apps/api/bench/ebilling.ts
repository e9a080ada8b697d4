// The eBilling throughput case: a 10,000-payment 835 file processed end to end (parse, match,
// post, apply) through the code path Fetch and Process Reports uses (storeReport + processReport),
// beside the floor: the same Payment and PaymentApplication rows inserted with raw multi-row
// INSERTs, plus the same charge and credit account updates, in one transaction on the same database.
//
// The sales go to distinct existing patients of the bench practice who owe something; afterwards
// every effect is undone (charges and credit accounts restored, payments, applications, emails,
// audit events and the report deleted) and checked, so the loaded database stays reusable.
import type { PrismaClient } from '@kinpay/db';
import type { ReportTransaction } from '@kinpay/remittance';
import { processReport, storeReport } from '../src/ebilling/reports.ts';
import { an835, saleOf } from '../src/test/reports.ts';
import { catalog, insertStatements, type Query, type Statement } from './data.ts';

/** Report file names of the bench, so leftovers of an interrupted run can be found and undone. */
const FILE_PREFIX = 'kinpay-bench-';

export interface EbillingRound {
  payments: number;
  fileBytes: number;
  applications: number;
  /** storeReport: detect the format, hash, insert the report row. */
  storeMs: number;
  /** processReport: parse, match, post, apply, in one transaction (committed). */
  processMs: number;
  /** Raw INSERTs of the same rows + the same UPDATEs, one transaction (committed). */
  floorMs: number;
  paymentsPerSecond: number;
  floorPaymentsPerSecond: number;
  /** processMs / floorMs. */
  ratio: number;
}

export interface EbillingResult {
  payments: number;
  requestedPayments: number;
  applications: number;
  rounds: EbillingRound[];
  /** The median round by processing time. */
  median: EbillingRound;
  floorContains: string;
  fileBytes: number;
  target?: { paymentsPerSecondAtLeast: number; pass: boolean };
}

export interface EbillingContext {
  prisma: PrismaClient;
  practiceId: string;
  /** Reads (and the undo's statements) outside any transaction. */
  query: Query;
  /** Runs statements in one transaction and commits. */
  transaction: (statements: Statement[]) => Promise<void>;
  log: (line: string) => void;
}

export const FLOOR_CONTAINS =
  'multi-row INSERTs of the Payment rows and their PaymentApplication rows (the rows processing wrote, same values), ' +
  'UPDATE of the same charges\' patientPaidCents and of the same credit accounts (unnest arrays), one transaction, committed';

interface Target {
  patientId: string;
  accountNumber: string;
  balanceDueCents: number;
  creditCents: number;
}

/** Patients who owe something and have no portal user (the signed-in bench family stays untouched), spread over the practice. */
async function pickPatients(query: Query, practiceId: string, count: number): Promise<Target[]> {
  const rows = await query(
    `SELECT p.id::text AS "patientId", p."accountNumber", ca."balanceDueCents", ca."creditCents"
     FROM "Patient" p JOIN "CreditAccount" ca ON ca."patientId" = p.id
     WHERE p."practiceId" = $1::uuid AND ca."balanceDueCents" > 0
       AND NOT EXISTS (SELECT 1 FROM "PatientGuardian" pg JOIN "Guardian" g ON g.id = pg."guardianId" WHERE pg."patientId" = p.id AND g."userId" IS NOT NULL)
     ORDER BY md5(p."accountNumber")
     LIMIT $2::int`,
    [practiceId, count],
  );
  return rows.map((r) => ({
    patientId: String(r.patientId),
    accountNumber: String(r.accountNumber),
    balanceDueCents: Number(r.balanceDueCents),
    creditCents: Number(r.creditCents),
  }));
}

/** Most families pay the balance, some part of it, some a little more (credit on the account). */
function amountFor(target: Target, i: number) {
  const slot = i % 10;
  if (slot < 6) return target.balanceDueCents;
  if (slot < 9) return Math.max(1, Math.floor(target.balanceDueCents / 2));
  return target.balanceDueCents + 2500;
}

async function checksum(query: Query, patientIds: string[]) {
  const [row] = await query(
    `SELECT coalesce(sum(c."patientPaidCents"), 0)::bigint AS paid, count(*)::int AS n FROM "Charge" c WHERE c."patientId" = ANY($1::uuid[])`,
    [patientIds],
  );
  const accounts = await query(`SELECT "patientId"::text AS "patientId", "balanceDueCents", "creditCents" FROM "CreditAccount" WHERE "patientId" = ANY($1::uuid[])`, [patientIds]);
  return {
    chargesPaid: String(row!.paid),
    charges: Number(row!.n),
    accounts: new Map(accounts.map((a) => [String(a.patientId), { due: Number(a.balanceDueCents), credit: Number(a.creditCents) }])),
  };
}

/**
 * Undoes everything the payments of a report did: charges and credit accounts back by the sums of
 * the report's applications and unapplied credit, then its emails, applications and payments
 * deleted; with `deleteReport`, the report and its audit events too. One transaction.
 */
function undoStatements(reportId: string, deleteReport: boolean): Statement[] {
  const p = [reportId];
  const statements: Statement[] = [
    // Deleting a payment makes PostgreSQL look for payments that reverse it, and Payment has no
    // index on reversesPaymentId: 10,000 sequential scans (minutes). The bench's payments reverse
    // nothing and are reversed by nothing, and their applications are deleted first: skip the
    // foreign-key triggers for this transaction (the bench connects as a superuser).
    { text: `SET LOCAL session_replication_role = replica`, params: [] },
    {
      text: `UPDATE "Charge" c SET "patientPaidCents" = c."patientPaidCents" - s.amount
             FROM (SELECT a."chargeId", sum(a."amountCents")::int AS amount FROM "PaymentApplication" a JOIN "Payment" p ON p.id = a."paymentId"
                   WHERE p."reportId" = $1::uuid GROUP BY a."chargeId") s
             WHERE c.id = s."chargeId"`,
      params: p,
    },
    {
      text: `UPDATE "CreditAccount" ca SET "balanceDueCents" = ca."balanceDueCents" + s.applied, "creditCents" = ca."creditCents" - s.unapplied
             FROM (SELECT "patientId", sum("amountCents" - "unappliedCents")::int AS applied, sum("unappliedCents")::int AS unapplied FROM "Payment"
                   WHERE "reportId" = $1::uuid AND kind = 'SALE' AND status = 'POSTED' GROUP BY "patientId") s
             WHERE ca."patientId" = s."patientId"`,
      params: p,
    },
    {
      text: `DELETE FROM "EmailMessage" e USING "Payment" p
             WHERE p."reportId" = $1::uuid AND e."dedupeKey" LIKE 'payment%' AND split_part(e."dedupeKey", ':', 2) = p.id::text`,
      params: p,
    },
    { text: `DELETE FROM "PaymentApplication" a USING "Payment" p WHERE a."paymentId" = p.id AND p."reportId" = $1::uuid`, params: p },
    { text: `DELETE FROM "Payment" WHERE "reportId" = $1::uuid`, params: p },
  ];
  if (deleteReport) {
    statements.push(
      { text: `DELETE FROM "AuditEvent" WHERE "entityType" = 'RemittanceReport' AND "entityId" = $1`, params: p },
      { text: `DELETE FROM "RemittanceReport" WHERE id = $1::uuid`, params: p },
    );
  }
  return statements;
}

/** Undoes the reports an interrupted earlier run left behind. */
async function undoLeftovers(ctx: EbillingContext) {
  const leftovers = await ctx.query(`SELECT id::text AS id FROM "RemittanceReport" WHERE "practiceId" = $1::uuid AND "fileName" LIKE $2`, [ctx.practiceId, `${FILE_PREFIX}%`]);
  for (const { id } of leftovers) await ctx.transaction(undoStatements(String(id), true));
  if (leftovers.length) ctx.log(`  undid ${leftovers.length} report(s) left by an interrupted earlier run`);
}

/** The rows processing wrote, and the final charge and account values, as the floor writes them. */
async function capture(ctx: EbillingContext, reportId: string) {
  const payments = await ctx.query(`SELECT * FROM "Payment" WHERE "reportId" = $1::uuid ORDER BY "transactionId"`, [reportId]);
  const applications = await ctx.query(
    `SELECT a.* FROM "PaymentApplication" a JOIN "Payment" p ON p.id = a."paymentId" WHERE p."reportId" = $1::uuid ORDER BY a."paymentId", a."createdAt"`,
    [reportId],
  );
  const charges = await ctx.query(
    `SELECT c.id::text AS id, c."patientPaidCents" FROM "Charge" c WHERE c.id IN (SELECT a."chargeId" FROM "PaymentApplication" a JOIN "Payment" p ON p.id = a."paymentId" WHERE p."reportId" = $1::uuid)`,
    [reportId],
  );
  const accounts = await ctx.query(
    `SELECT ca."patientId"::text AS "patientId", ca."balanceDueCents", ca."creditCents" FROM "CreditAccount" ca WHERE ca."patientId" IN (SELECT "patientId" FROM "Payment" WHERE "reportId" = $1::uuid)`,
    [reportId],
  );
  return { payments, applications, charges, accounts };
}

async function floorStatements(ctx: EbillingContext, rows: Awaited<ReturnType<typeof capture>>): Promise<Statement[]> {
  return [
    ...insertStatements(await catalog(ctx.query, 'Payment'), 'Payment', rows.payments),
    ...insertStatements(await catalog(ctx.query, 'PaymentApplication'), 'PaymentApplication', rows.applications),
    {
      text: `UPDATE "Charge" c SET "patientPaidCents" = v.paid
             FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::int[]) AS paid) v WHERE c.id = v.id`,
      params: [rows.charges.map((c) => String(c.id)), rows.charges.map((c) => Number(c.patientPaidCents))],
    },
    {
      text: `UPDATE "CreditAccount" ca SET "balanceDueCents" = v.due, "creditCents" = v.credit, "updatedAt" = now()
             FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::int[]) AS due, unnest($3::int[]) AS credit) v WHERE ca."patientId" = v.id`,
      params: [rows.accounts.map((a) => String(a.patientId)), rows.accounts.map((a) => Number(a.balanceDueCents)), rows.accounts.map((a) => Number(a.creditCents))],
    },
  ];
}

/** One round: store + process a fresh 835 for the targets, check it, capture, undo; then the floor, undo. */
async function round(ctx: EbillingContext, targets: Target[], before: Awaited<ReturnType<typeof checksum>>, label: string, withFloor: boolean) {
  const transactions: ReportTransaction[] = targets.map((t, i) => saleOf(t.accountNumber, amountFor(t, i), { payerName: 'BENCH, PAYER' }));
  const content = an835(transactions);
  const fileName = `${FILE_PREFIX}${Date.now()}-${label}.835`;

  let t = performance.now();
  const { report } = await storeReport(ctx.prisma, { practiceId: ctx.practiceId, clearinghouse: 'INSTAMED', source: 'CLEARINGHOUSE', fileName, content });
  const storeMs = performance.now() - t;
  if (report.format !== 'X12_835') throw new Error(`eBilling: the bench 835 was stored as ${report.format}`);
  let floorMs = Number.NaN;
  let applications = 0;
  try {
    t = performance.now();
    const outcome = await processReport(ctx.prisma, report.id);
    const processMs = performance.now() - t;
    if (outcome.status !== 'PROCESSED' || outcome.paymentsPosted !== targets.length || outcome.paymentsUnmatched || outcome.duplicates) {
      throw new Error(`eBilling: expected ${targets.length} payments posted, got ${JSON.stringify(outcome)}`);
    }

    // Check what was posted: every sale applied to its patient's open charges up to the balance,
    // the rest credit; nothing else changed.
    const after = await checksum(ctx.query, targets.map((x) => x.patientId));
    let applied = 0;
    targets.forEach((target, i) => {
      const amount = amountFor(target, i);
      const toCharges = Math.min(amount, target.balanceDueCents);
      applied += toCharges;
      const account = after.accounts.get(target.patientId);
      const expected = { due: target.balanceDueCents - toCharges, credit: target.creditCents + amount - toCharges };
      if (!account || account.due !== expected.due || account.credit !== expected.credit) {
        throw new Error(`eBilling: account ${target.accountNumber} is ${JSON.stringify(account)} after posting, expected ${JSON.stringify(expected)}`);
      }
    });
    if (BigInt(after.chargesPaid) - BigInt(before.chargesPaid) !== BigInt(applied)) {
      throw new Error(`eBilling: charges gained ${BigInt(after.chargesPaid) - BigInt(before.chargesPaid)} cents of patient payments, expected ${applied}`);
    }

    const rows = await capture(ctx, report.id);
    applications = rows.applications.length;
    if (rows.payments.length !== targets.length) throw new Error(`eBilling: ${rows.payments.length} payments stored, expected ${targets.length}`);
    await ctx.transaction(undoStatements(report.id, false));
    await expectRestored(ctx, targets, before);

    if (withFloor) {
      const statements = await floorStatements(ctx, rows);
      t = performance.now();
      await ctx.transaction(statements);
      floorMs = performance.now() - t;
      const [n] = await ctx.query(`SELECT count(*)::int AS n FROM "Payment" WHERE "reportId" = $1::uuid`, [report.id]);
      if (Number(n!.n) !== targets.length) throw new Error(`eBilling floor: ${String(n!.n)} payments inserted, expected ${targets.length}`);
      const floorAfter = await checksum(ctx.query, targets.map((x) => x.patientId));
      if (floorAfter.chargesPaid !== after.chargesPaid) throw new Error('eBilling floor: the charges differ from what processing left');
    }
    return { payments: targets.length, applications, storeMs, processMs, floorMs, fileBytes: content.length };
  } finally {
    await ctx.transaction(undoStatements(report.id, true));
    await expectRestored(ctx, targets, before);
  }
}

async function expectRestored(ctx: EbillingContext, targets: Target[], before: Awaited<ReturnType<typeof checksum>>) {
  const now = await checksum(ctx.query, targets.map((x) => x.patientId));
  const changed = targets.find((x) => JSON.stringify(now.accounts.get(x.patientId)) !== JSON.stringify(before.accounts.get(x.patientId)));
  if (now.chargesPaid !== before.chargesPaid || now.charges !== before.charges || changed) {
    throw new Error(`eBilling: undo did not restore the bench data (charges paid ${now.chargesPaid} vs ${before.chargesPaid}${changed ? `, account ${changed.accountNumber}` : ''})`);
  }
}

const perSecond = (payments: number, ms: number) => Math.round(payments / (ms / 1000));

export async function benchEbilling(
  ctx: EbillingContext,
  { payments, rounds, warmupPayments, targetPerSecond }: { payments: number; rounds: number; warmupPayments: number; targetPerSecond?: number },
): Promise<EbillingResult> {
  await undoLeftovers(ctx);
  const targets = await pickPatients(ctx.query, ctx.practiceId, payments);
  if (targets.length < payments) {
    ctx.log(`  only ${targets.length.toLocaleString('en-US')} patients owe something: the 835 has ${targets.length.toLocaleString('en-US')} payments, not ${payments.toLocaleString('en-US')}`);
  }
  if (!targets.length) throw new Error('eBilling: no patient of the bench practice owes anything');
  const before = await checksum(ctx.query, targets.map((x) => x.patientId));

  // A small unmeasured file first, so the first measured round does not pay for cold caches and code.
  if (warmupPayments > 0) await round(ctx, targets.slice(0, warmupPayments), await checksum(ctx.query, targets.slice(0, warmupPayments).map((x) => x.patientId)), 'warmup', true);

  const results: EbillingRound[] = [];
  for (let i = 0; i < rounds; i++) {
    const r = await round(ctx, targets, before, `r${i + 1}`, true);
    const result: EbillingRound = {
      payments: r.payments,
      fileBytes: r.fileBytes,
      applications: r.applications,
      storeMs: Math.round(r.storeMs),
      processMs: Math.round(r.processMs),
      floorMs: Math.round(r.floorMs),
      paymentsPerSecond: perSecond(r.payments, r.processMs),
      floorPaymentsPerSecond: perSecond(r.payments, r.floorMs),
      ratio: Math.round((r.processMs / r.floorMs) * 10) / 10,
    };
    results.push(result);
    ctx.log(
      `  round ${i + 1}: ${result.payments.toLocaleString('en-US')} payments, ${result.applications.toLocaleString('en-US')} applications: ` +
        `store ${result.storeMs} ms, process ${result.processMs} ms (${result.paymentsPerSecond.toLocaleString('en-US')}/s), ` +
        `floor ${result.floorMs} ms (${result.floorPaymentsPerSecond.toLocaleString('en-US')}/s), ratio ${result.ratio.toFixed(1)}x`,
    );
  }
  const median = [...results].sort((a, b) => a.processMs - b.processMs)[Math.floor((results.length - 1) / 2)]!;
  return {
    payments: targets.length,
    requestedPayments: payments,
    applications: median.applications,
    rounds: results,
    median,
    floorContains: FLOOR_CONTAINS,
    fileBytes: median.fileBytes,
    ...(targetPerSecond !== undefined ? { target: { paymentsPerSecondAtLeast: targetPerSecond, pass: median.paymentsPerSecond >= targetPerSecond } } : {}),
  };
}
