// The eBilling throughput cases: a 10,000-payment file processed end to end (store, read, parse,
// match, post, apply) through the code path Fetch and Process Reports uses (storeReport +
// processReport with the report reader), beside the floor: the same Payment and PaymentApplication
// rows inserted with raw multi-row INSERTs, plus the same charge and credit account updates, in one
// transaction on the same database. One file layout per case: InstaMed's X12 835 (the target),
// InstaMed's IMDPA14 posting file, and Waystar's Daily Transaction Report (CSV, no transaction IDs:
// the reader derives one per row).
//
// The sales go to distinct existing patients of the bench practice who owe something; afterwards
// every effect is undone (charges and credit accounts restored, payments, applications, conflicts,
// emails, audit events, the report and its stored chunks deleted) and checked, so the loaded
// database stays reusable.
import type { Clearinghouse, PrismaClient, ReportFormat } from '@kinpay/db';
import type { ReportTransaction } from '@kinpay/remittance';
import type { ReportReader } from '../src/ebilling/reading/report-reader.ts';
import { processReport, storeReport } from '../src/ebilling/reports.ts';
import { an835, anImdpa, aWaystarReport, saleOf } from '../src/test/reports.ts';
import { catalog, insertStatements, type Query, type Statement } from './data.ts';

/** Report file names of the bench, so leftovers of an interrupted run can be found and undone. */
export const FILE_PREFIX = 'kinpay-bench-';

/** A file layout the bench writes, and how it comes in. */
export interface FileKind {
  /** The case's name on the lines it prints: "835", "IMDPA14", "Waystar". */
  name: string;
  format: ReportFormat;
  formatVersion: RegExp;
  clearinghouse: Clearinghouse;
  /** The practice's ID at that clearinghouse the file comes through. */
  clearinghouseId: string;
  extension: string;
  payerName: string;
  write(transactions: ReportTransaction[]): string;
}

export const FILE_KINDS = {
  '835': {
    name: '835',
    format: 'X12_835',
    formatVersion: /835/,
    clearinghouse: 'INSTAMED',
    clearinghouseId: 'benchpeds.demo',
    extension: '.835',
    payerName: 'BENCH, PAYER',
    write: (transactions) => an835(transactions),
  },
  imdpa: {
    name: 'IMDPA14',
    format: 'IMDPA',
    formatVersion: /^IMDPA14$/,
    clearinghouse: 'INSTAMED',
    clearinghouseId: 'benchpeds.demo',
    extension: '.txt',
    payerName: 'Pat Bench',
    write: (transactions) => anImdpa(transactions),
  },
  waystar: {
    name: 'Waystar',
    format: 'WAYSTAR_CSV',
    formatVersion: /./,
    clearinghouse: 'WAYSTAR',
    clearinghouseId: 'BENCHPEDS',
    extension: '.csv',
    payerName: 'Pat Bench',
    write: (transactions) => aWaystarReport(transactions),
  },
} satisfies Record<string, FileKind>;
export type FileKindName = keyof typeof FILE_KINDS;

export interface EbillingRound {
  payments: number;
  fileBytes: number;
  applications: number;
  /** storeReport: insert the report row, the bytes in 128 KiB chunks, hash, mark it RECEIVED. */
  storeMs: number;
  /** processReport: read the chunks, decode and parse in the reader thread, match, post, apply, in one transaction (committed). */
  processMs: number;
  /** Raw INSERTs of the same rows + the same UPDATEs, one transaction (committed). */
  floorMs: number;
  /** payments / processMs (the target's measure). */
  paymentsPerSecond: number;
  /** payments / (storeMs + processMs): the whole of Fetch and Process for this file, but the drop-folder read. */
  endToEndPerSecond: number;
  floorPaymentsPerSecond: number;
  /** processMs / floorMs. */
  ratio: number;
}

export interface EbillingResult {
  /** The file layout: 835, IMDPA14, Waystar. */
  file: string;
  format: string;
  formatVersion: string | null;
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
  /** The report reader (worker thread) processReport reads with, as the API server's. */
  reader: ReportReader;
  practiceId: string;
  /** Reads (and the undo's statements) outside any transaction. */
  query: Query;
  /** Runs statements in one transaction and commits. */
  transaction: (statements: Statement[]) => Promise<void>;
  log: (line: string) => void;
}

export const FLOOR_CONTAINS =
  'multi-row INSERTs of the Payment rows and their PaymentApplication rows (the rows processing wrote, same values), ' +
  "UPDATE of the same charges' patientPaidCents and of the same credit accounts (unnest arrays), one transaction, committed";

export interface Target {
  patientId: string;
  accountNumber: string;
  balanceDueCents: number;
  creditCents: number;
}

/** Patients who owe something and have no portal user (the signed-in bench family stays untouched), spread over the practice. */
export async function pickPatients(query: Query, practiceId: string, count: number): Promise<Target[]> {
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

export async function checksum(query: Query, patientIds: string[]) {
  const [row] = await query(
    `SELECT coalesce(sum(c."patientPaidCents"), 0)::bigint AS paid, count(*)::int AS n FROM "Charge" c WHERE c."patientId" = ANY($1::uuid[])`,
    [patientIds],
  );
  const accounts = await query(
    `SELECT "patientId"::text AS "patientId", "balanceDueCents", "creditCents" FROM "CreditAccount" WHERE "patientId" = ANY($1::uuid[])`,
    [patientIds],
  );
  return {
    chargesPaid: String(row!.paid),
    charges: Number(row!.n),
    accounts: new Map(accounts.map((a) => [String(a.patientId), { due: Number(a.balanceDueCents), credit: Number(a.creditCents) }])),
  };
}

/**
 * Undoes everything the payments of a report did: charges and credit accounts back by the sums of
 * the report's applications and unapplied credit, then its emails, conflicts, applications and
 * payments deleted; with `deleteReport`, its notice, stored chunks, audit events and the report
 * too. One transaction. Every foreign key on the way has an index (Payment.reversesPaymentId
 * included), so the deletes check them without scanning.
 */
export function undoStatements(reportId: string, deleteReport: boolean): Statement[] {
  const p = [reportId];
  const statements: Statement[] = [
    {
      text: `UPDATE "Charge" c SET "patientPaidCents" = c."patientPaidCents" - s.amount
             FROM (SELECT a."chargeId", sum(a."amountCents")::bigint AS amount FROM "PaymentApplication" a JOIN "Payment" p ON p.id = a."paymentId"
                   WHERE p."reportId" = $1::uuid GROUP BY a."chargeId") s
             WHERE c.id = s."chargeId"`,
      params: p,
    },
    {
      text: `UPDATE "CreditAccount" ca SET "balanceDueCents" = ca."balanceDueCents" + s.applied, "creditCents" = ca."creditCents" - s.unapplied
             FROM (SELECT "patientId", sum("amountCents" - "unappliedCents")::bigint AS applied, sum("unappliedCents")::bigint AS unapplied FROM "Payment"
                   WHERE "reportId" = $1::uuid AND kind = 'SALE' AND status = 'POSTED' GROUP BY "patientId") s
             WHERE ca."patientId" = s."patientId"`,
      params: p,
    },
    {
      text: `DELETE FROM "EmailMessage" e USING "Payment" p
             WHERE p."reportId" = $1::uuid AND e."dedupeKey" LIKE 'payment%' AND split_part(e."dedupeKey", ':', 2) = p.id::text`,
      params: p,
    },
    { text: `DELETE FROM "PaymentConflict" WHERE "reportId" = $1::uuid OR "paymentId" IN (SELECT id FROM "Payment" WHERE "reportId" = $1::uuid)`, params: p },
    { text: `DELETE FROM "PaymentApplication" a USING "Payment" p WHERE a."paymentId" = p.id AND p."reportId" = $1::uuid`, params: p },
    { text: `DELETE FROM "Payment" WHERE "reportId" = $1::uuid`, params: p },
  ];
  if (deleteReport) {
    statements.push(
      { text: `DELETE FROM "PaymentNotice" WHERE "reportId" = $1::uuid`, params: p },
      { text: `DELETE FROM "RemittanceReportChunk" WHERE "reportId" = $1::uuid`, params: p },
      { text: `DELETE FROM "AuditEvent" WHERE "entityType" = 'RemittanceReport' AND "entityId" = $1`, params: p },
      { text: `DELETE FROM "RemittanceReport" WHERE id = $1::uuid`, params: p },
    );
  }
  return statements;
}

/**
 * Row counts of every table the eBilling cases write and the practice's money totals. Equal before
 * and after the cases, or an undo missed something. (Sign-ins leave their sessions and
 * auth.* audit events, as in the latency cases: not counted.)
 */
export async function footprint(query: Query, practiceId: string): Promise<Record<string, string>> {
  const [row] = await query(
    `SELECT (SELECT count(*) FROM "Payment") AS "Payment", (SELECT count(*) FROM "PaymentApplication") AS "PaymentApplication",
            (SELECT count(*) FROM "PaymentConflict") AS "PaymentConflict", (SELECT count(*) FROM "PaymentNotice") AS "PaymentNotice",
            (SELECT count(*) FROM "EmailMessage") AS "EmailMessage", (SELECT count(*) FROM "AuditEvent" WHERE action NOT LIKE 'auth.%') AS "AuditEvent",
            (SELECT count(*) FROM "RemittanceReport") AS "RemittanceReport", (SELECT count(*) FROM "RemittanceReportChunk") AS "RemittanceReportChunk",
            (SELECT count(*) FROM "ClearinghouseAccount") AS "ClearinghouseAccount",
            (SELECT coalesce(sum("patientPaidCents"), 0) FROM "Charge" WHERE "practiceId" = $1::uuid) AS "Charge.patientPaidCents",
            (SELECT coalesce(sum("balanceDueCents"), 0) FROM "CreditAccount" WHERE "practiceId" = $1::uuid) AS "CreditAccount.balanceDueCents",
            (SELECT coalesce(sum("creditCents"), 0) FROM "CreditAccount" WHERE "practiceId" = $1::uuid) AS "CreditAccount.creditCents"`,
    [practiceId],
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, String(v)]));
}

/** Undoes the reports an interrupted earlier run left behind (any case's: the names share the prefix). */
export async function undoLeftovers(ctx: Pick<EbillingContext, 'query' | 'transaction' | 'log' | 'practiceId'>) {
  const leftovers = await ctx.query(`SELECT id::text AS id FROM "RemittanceReport" WHERE "practiceId" = $1::uuid AND "fileName" LIKE $2`, [
    ctx.practiceId,
    `${FILE_PREFIX}%`,
  ]);
  for (const { id } of leftovers) await ctx.transaction(undoStatements(String(id), true));
  if (leftovers.length) ctx.log(`  undid ${leftovers.length} report(s) left by an interrupted earlier run`);
}

/** The run summaries fetchAndProcessReports records as audit events (the healthz case's; the bench practice has no others). */
export async function deleteRunEvents(ctx: Pick<EbillingContext, 'transaction' | 'practiceId'>) {
  await ctx.transaction([
    { text: `DELETE FROM "AuditEvent" WHERE "practiceId" = $1::uuid AND action = 'ebilling.fetch_and_process'`, params: [ctx.practiceId] },
  ]);
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
             FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::bigint[]) AS paid) v WHERE c.id = v.id`,
      params: [rows.charges.map((c) => String(c.id)), rows.charges.map((c) => Number(c.patientPaidCents))],
    },
    {
      text: `UPDATE "CreditAccount" ca SET "balanceDueCents" = v.due, "creditCents" = v.credit, "updatedAt" = now()
             FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::bigint[]) AS due, unnest($3::bigint[]) AS credit) v WHERE ca."patientId" = v.id`,
      params: [
        rows.accounts.map((a) => String(a.patientId)),
        rows.accounts.map((a) => Number(a.balanceDueCents)),
        rows.accounts.map((a) => Number(a.creditCents)),
      ],
    },
  ];
}

/** One round: store + process a fresh file for the targets, check it, capture, undo; then the floor, undo. */
async function round(ctx: EbillingContext, kind: FileKind, targets: Target[], before: Awaited<ReturnType<typeof checksum>>, label: string, withFloor: boolean) {
  const transactions: ReportTransaction[] = targets.map((t, i) => saleOf(t.accountNumber, amountFor(t, i), { payerName: kind.payerName }));
  const content = Buffer.from(kind.write(transactions), 'utf8');
  const fileName = `${FILE_PREFIX}${Date.now()}-${label}${kind.extension}`;

  let t = performance.now();
  const { report, created } = await storeReport(ctx.prisma, {
    practiceId: ctx.practiceId,
    clearinghouse: kind.clearinghouse,
    clearinghouseId: kind.clearinghouseId,
    source: 'CLEARINGHOUSE',
    fileName,
    content,
    sizeBytes: content.byteLength,
  });
  const storeMs = performance.now() - t;

  /** Everything of the report undone and deleted, and checked so. */
  const undo = async () => {
    await ctx.transaction(undoStatements(report.id, true));
    await expectRestored(ctx, targets, before);
    const [left] = await ctx.query(
      `SELECT (SELECT count(*) FROM "RemittanceReport" WHERE id = $1::uuid) + (SELECT count(*) FROM "RemittanceReportChunk" WHERE "reportId" = $1::uuid)
            + (SELECT count(*) FROM "Payment" WHERE "reportId" = $1::uuid) + (SELECT count(*) FROM "PaymentConflict" WHERE "reportId" = $1::uuid) AS n`,
      [report.id],
    );
    if (Number(left!.n) !== 0) throw new Error(`eBilling ${kind.name}: the undo left ${String(left!.n)} row(s) of report ${report.id}`);
  };

  const measure = async () => {
    let floorMs = Number.NaN;
    if (!created || report.status !== 'RECEIVED')
      throw new Error(`eBilling ${kind.name}: the bench file was not stored anew (created ${created}, status ${report.status})`);
    t = performance.now();
    const outcome = await processReport(ctx.prisma, ctx.reader, report.id);
    const processMs = performance.now() - t;
    const processed = await ctx.prisma.remittanceReport.findUniqueOrThrow({ where: { id: report.id } });
    if (outcome.status !== 'PROCESSED' || outcome.paymentsPosted !== targets.length || outcome.paymentsUnmatched || outcome.duplicates || outcome.conflicts) {
      throw new Error(`eBilling ${kind.name}: expected ${targets.length} payments posted, got ${JSON.stringify(outcome)} (${processed.error ?? 'no error'})`);
    }
    if (processed.format !== kind.format || !kind.formatVersion.test(processed.formatVersion ?? '')) {
      throw new Error(`eBilling ${kind.name}: the file was read as ${processed.format} ${processed.formatVersion}, expected ${kind.format}`);
    }

    // Check what was posted: every sale applied to its patient's open charges up to the balance,
    // the rest credit; nothing else changed.
    const after = await checksum(
      ctx.query,
      targets.map((x) => x.patientId),
    );
    let applied = 0;
    targets.forEach((target, i) => {
      const amount = amountFor(target, i);
      const toCharges = Math.min(amount, target.balanceDueCents);
      applied += toCharges;
      const account = after.accounts.get(target.patientId);
      const expected = { due: target.balanceDueCents - toCharges, credit: target.creditCents + amount - toCharges };
      if (!account || account.due !== expected.due || account.credit !== expected.credit) {
        throw new Error(
          `eBilling ${kind.name}: account ${target.accountNumber} is ${JSON.stringify(account)} after posting, expected ${JSON.stringify(expected)}`,
        );
      }
    });
    if (BigInt(after.chargesPaid) - BigInt(before.chargesPaid) !== BigInt(applied)) {
      throw new Error(
        `eBilling ${kind.name}: charges gained ${BigInt(after.chargesPaid) - BigInt(before.chargesPaid)} cents of patient payments, expected ${applied}`,
      );
    }

    const rows = await capture(ctx, report.id);
    const applications = rows.applications.length;
    if (rows.payments.length !== targets.length) throw new Error(`eBilling ${kind.name}: ${rows.payments.length} payments stored, expected ${targets.length}`);
    await ctx.transaction(undoStatements(report.id, false));
    await expectRestored(ctx, targets, before);

    if (withFloor) {
      const statements = await floorStatements(ctx, rows);
      t = performance.now();
      await ctx.transaction(statements);
      floorMs = performance.now() - t;
      const [n] = await ctx.query(`SELECT count(*)::int AS n FROM "Payment" WHERE "reportId" = $1::uuid`, [report.id]);
      if (Number(n!.n) !== targets.length) throw new Error(`eBilling ${kind.name} floor: ${String(n!.n)} payments inserted, expected ${targets.length}`);
      const floorAfter = await checksum(
        ctx.query,
        targets.map((x) => x.patientId),
      );
      if (floorAfter.chargesPaid !== after.chargesPaid) throw new Error(`eBilling ${kind.name} floor: the charges differ from what processing left`);
    }
    return {
      payments: targets.length,
      applications,
      storeMs,
      processMs,
      floorMs,
      fileBytes: content.byteLength,
      format: processed.format,
      formatVersion: processed.formatVersion,
    };
  };

  let measured: Awaited<ReturnType<typeof measure>>;
  try {
    measured = await measure();
  } catch (error) {
    // The first error is the one to see; the undo is still attempted (and retried at the next start).
    await undo().catch((undoError: unknown) => ctx.log(`  the undo after that error failed too: ${(undoError as Error).message}`));
    throw error;
  }
  await undo();
  return measured;
}

export async function expectRestored(ctx: Pick<EbillingContext, 'query'>, targets: Target[], before: Awaited<ReturnType<typeof checksum>>) {
  const now = await checksum(
    ctx.query,
    targets.map((x) => x.patientId),
  );
  const changed = targets.find((x) => JSON.stringify(now.accounts.get(x.patientId)) !== JSON.stringify(before.accounts.get(x.patientId)));
  if (now.chargesPaid !== before.chargesPaid || now.charges !== before.charges || changed) {
    throw new Error(
      `eBilling: undo did not restore the bench data (charges paid ${now.chargesPaid} vs ${before.chargesPaid}${changed ? `, account ${changed.accountNumber}` : ''})`,
    );
  }
}

const perSecond = (payments: number, ms: number) => Math.round(payments / (ms / 1000));

export async function benchEbilling(
  ctx: EbillingContext,
  kind: FileKind,
  { payments, rounds, warmupPayments, targetPerSecond }: { payments: number; rounds: number; warmupPayments: number; targetPerSecond?: number },
): Promise<EbillingResult> {
  await undoLeftovers(ctx);
  const targets = await pickPatients(ctx.query, ctx.practiceId, payments);
  if (targets.length < payments) {
    ctx.log(
      `  only ${targets.length.toLocaleString('en-US')} patients owe something: the ${kind.name} file has ${targets.length.toLocaleString('en-US')} payments, not ${payments.toLocaleString('en-US')}`,
    );
  }
  if (!targets.length) throw new Error('eBilling: no patient of the bench practice owes anything');
  const before = await checksum(
    ctx.query,
    targets.map((x) => x.patientId),
  );

  // A small unmeasured file first, so the first measured round does not pay for cold caches and code.
  if (warmupPayments > 0) {
    const few = targets.slice(0, warmupPayments);
    await round(
      ctx,
      kind,
      few,
      await checksum(
        ctx.query,
        few.map((x) => x.patientId),
      ),
      'warmup',
      true,
    );
  }

  const results: EbillingRound[] = [];
  let format = '';
  let formatVersion: string | null = null;
  for (let i = 0; i < rounds; i++) {
    const r = await round(ctx, kind, targets, before, `r${i + 1}`, true);
    format = r.format ?? '';
    formatVersion = r.formatVersion;
    const result: EbillingRound = {
      payments: r.payments,
      fileBytes: r.fileBytes,
      applications: r.applications,
      storeMs: Math.round(r.storeMs),
      processMs: Math.round(r.processMs),
      floorMs: Math.round(r.floorMs),
      paymentsPerSecond: perSecond(r.payments, r.processMs),
      endToEndPerSecond: perSecond(r.payments, r.storeMs + r.processMs),
      floorPaymentsPerSecond: perSecond(r.payments, r.floorMs),
      ratio: Math.round((r.processMs / r.floorMs) * 10) / 10,
    };
    results.push(result);
    ctx.log(
      `  ${kind.name} round ${i + 1}: ${result.payments.toLocaleString('en-US')} payments, ${result.applications.toLocaleString('en-US')} applications, ` +
        `${(result.fileBytes / 1e6).toFixed(1)} MB: store ${result.storeMs} ms, process ${result.processMs} ms (${result.paymentsPerSecond.toLocaleString('en-US')}/s), ` +
        `floor ${result.floorMs} ms (${result.floorPaymentsPerSecond.toLocaleString('en-US')}/s), ratio ${result.ratio.toFixed(1)}x`,
    );
  }
  const median = [...results].sort((a, b) => a.processMs - b.processMs)[Math.floor((results.length - 1) / 2)]!;
  return {
    file: kind.name,
    format,
    formatVersion,
    payments: targets.length,
    requestedPayments: payments,
    applications: median.applications,
    rounds: results,
    median,
    floorContains: FLOOR_CONTAINS,
    fileBytes: median.fileBytes,
    // The target is for a file of the size asked for; a smaller practice gives a smaller file.
    ...(targetPerSecond !== undefined && targets.length === payments
      ? { target: { paymentsPerSecondAtLeast: targetPerSecond, pass: median.paymentsPerSecond >= targetPerSecond } }
      : {}),
  };
}
