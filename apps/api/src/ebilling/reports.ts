// Remittance reports: stored byte for byte as received, then processed one at a time, each in its
// own database transaction. Whatever goes wrong with one report (a format it does not follow, an
// amount out of range, bytes that are not text, a payee that is not this practice, a database
// error) marks that report FAILED with a reason staff can read, and the run goes on with the next
// one. Nothing from a failed report is posted; processing a report twice changes nothing.
import { createHash, randomUUID } from 'node:crypto';
import { Prisma, type Clearinghouse, type EbillingPreferences, type PrismaClient, type RemittanceReport, type ReportSource } from '@kinpay/db';
import type { DetectedFormat, ParsedReport, ReportTransaction } from '@kinpay/remittance';
import { recordAudit } from '../audit.ts';
import { ConcurrentPostingError, LedgerError, postBatch, type LedgerTransaction } from './ledger.ts';
import { queuePaymentEmails } from './notifications.ts';
import { ReportUnreadable, type ReportReader } from './reading/report-reader.ts';

/** A report row: its bytes live in RemittanceReportChunk, read only to process or download it. */
export type ReportInfo = RemittanceReport;

/** Pieces of a stored file: small enough that writing or reading one never stalls other requests (128 KiB: under 50 ms on PGlite). */
const CHUNK_BYTES = 128 * 1024;
/** A report still RECEIVING after this long was left by a process that died while storing it. */
const STALE_RECEIVING_MS = 10 * 60_000;

/** Lets other requests run between the pieces of a large file (the embedded database runs on this thread). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface IncomingReport {
  practiceId: string;
  /** The clearinghouse account it came through; null for a file straight in a one-practice inbox. */
  clearinghouse: Clearinghouse | null;
  clearinghouseId: string | null;
  source: ReportSource;
  /** The original name, whatever its length. */
  fileName: string;
  /** Identity at the source; defaults to a digest of the file name. */
  sourceKey?: string;
  /** The bytes as received, or null when the file was refused before it was stored. */
  content: Uint8Array | null;
  /** Size in bytes (of `content`, or of the refused file). */
  sizeBytes: number;
  /** Why the report is refused on arrival (e.g. too large): stored FAILED with this reason. */
  refusal?: string;
}

/** A fixed-length source key from any text (a file name can be long; keys are indexed). */
export const sourceKeyOf = (...parts: string[]) => `sha256:${createHash('sha256').update(parts.join('\u0000')).digest('hex')}`;

/**
 * Stores a report unless the same one (same source and key) is already stored. The row comes first
 * (RECEIVING: nobody processes it yet), then the bytes piece by piece, each its own statement, then
 * the row turns RECEIVED: no long transaction, so other requests keep being served meanwhile.
 */
export async function storeReport(db: PrismaClient, incoming: IncomingReport): Promise<{ report: ReportInfo; created: boolean }> {
  const sourceKey = incoming.sourceKey ?? sourceKeyOf(incoming.fileName);
  const where = { practiceId_source_sourceKey: { practiceId: incoming.practiceId, source: incoming.source, sourceKey } };
  const existing = await db.remittanceReport.findUnique({ where });
  if (existing) {
    const abandoned = existing.status === 'RECEIVING' && Date.now() - existing.receivedAt.getTime() > STALE_RECEIVING_MS;
    if (!abandoned) return { report: existing, created: false };
    await db.remittanceReport.deleteMany({ where: { id: existing.id, status: 'RECEIVING' } });
  }
  const kept = incoming.content !== null && !incoming.refusal;
  let report: ReportInfo;
  try {
    report = await db.remittanceReport.create({
      data: {
        practiceId: incoming.practiceId,
        clearinghouse: incoming.clearinghouse,
        clearinghouseId: incoming.clearinghouseId,
        source: incoming.source,
        fileName: incoming.fileName,
        sourceKey,
        sizeBytes: incoming.sizeBytes,
        contentKept: kept,
        contentSha256: '',
        ...(kept
          ? { status: 'RECEIVING' as const }
          : { status: 'FAILED' as const, error: incoming.refusal ?? 'The file was not kept.', processedAt: new Date() }),
      },
    });
  } catch (error) {
    // Stored by someone else at the same moment (two fetches, two instances, a webhook retry).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { report: await db.remittanceReport.findUniqueOrThrow({ where }), created: false };
    }
    throw error;
  }
  if (!kept) return { report, created: true };
  const bytes = incoming.content!;
  const hash = createHash('sha256');
  for (let seq = 0, offset = 0; offset < bytes.byteLength || seq === 0; seq++, offset += CHUNK_BYTES) {
    const piece = bytes.subarray(offset, offset + CHUNK_BYTES);
    hash.update(piece);
    await db.remittanceReportChunk.create({ data: { reportId: report.id, seq, bytes: new Uint8Array(piece) } });
    await yieldToEventLoop();
  }
  report = await db.remittanceReport.update({ where: { id: report.id }, data: { status: 'RECEIVED', contentSha256: hash.digest('hex') } });
  return { report, created: true };
}

/** The bytes of a stored report, read piece by piece. */
export async function readReportContent(db: PrismaClient, reportId: string): Promise<Buffer> {
  const seqs = await db.remittanceReportChunk.findMany({ where: { reportId }, select: { seq: true }, orderBy: { seq: 'asc' } });
  const pieces: Uint8Array[] = [];
  for (const { seq } of seqs) {
    const chunk = await db.remittanceReportChunk.findUniqueOrThrow({ where: { reportId_seq: { reportId, seq } }, select: { bytes: true } });
    pieces.push(chunk.bytes);
    await yieldToEventLoop();
  }
  return Buffer.concat(pieces);
}

/** Writes a stored report's bytes to `write` piece by piece (the download route). */
export async function streamReportContent(db: PrismaClient, reportId: string, write: (piece: Uint8Array) => Promise<void>) {
  const seqs = await db.remittanceReportChunk.findMany({ where: { reportId }, select: { seq: true }, orderBy: { seq: 'asc' } });
  for (const { seq } of seqs) {
    const chunk = await db.remittanceReportChunk.findUniqueOrThrow({ where: { reportId_seq: { reportId, seq } }, select: { bytes: true } });
    await write(chunk.bytes);
  }
}

export function toLedgerTransaction(t: ReportTransaction): LedgerTransaction {
  return {
    transactionId: t.transactionId,
    kind: t.kind,
    amountCents: t.amountCents,
    accountNumber: t.accountNumber,
    payerName: t.payerName,
    method: t.method,
    cardType: t.cardType,
    authorizationNumber: t.authorizationNumber,
    occurredAt: new Date(t.occurredAt),
    originalTransactionId: t.originalTransactionId,
    location: t.location,
  };
}

export interface ProcessOutcome {
  status: 'PROCESSED' | 'FAILED' | 'ALREADY_PROCESSED';
  paymentsPosted: number;
  refundsPosted: number;
  paymentsUnmatched: number;
  duplicates: number;
  conflicts: number;
}

const nothing = { paymentsPosted: 0, refundsPosted: 0, paymentsUnmatched: 0, duplicates: 0, conflicts: 0 };

/** The report cannot post for a reason in the file or its routing: the message is for staff. */
class ReportRefused extends Error {}
class AlreadyProcessed extends Error {}

const CLEARINGHOUSE_NAMES: Record<Clearinghouse, string> = { INSTAMED: 'InstaMed', WAYSTAR: 'Waystar' };

/** Describes the payees a report names, for staff. */
export function payeeLabel(parsed: ParsedReport): string | null {
  const { npis, merchantIds, accountNames, names } = parsed.payee;
  const parts = [...names, ...npis.map((n) => `NPI ${n}`), ...merchantIds.map((m) => `merchant ID ${m}`), ...accountNames.map((a) => `account name ${a}`)];
  return parts.length ? parts.join(' · ') : null;
}

/**
 * The checks between reading a file and posting it: that it came from the clearinghouse whose
 * account it came through, names this practice as the payee (when the practice has said who it
 * is), and is not test data (unless the practice is in test mode).
 */
export function refusalOf(report: ReportInfo, parsed: ParsedReport, preferences: EbillingPreferences | null): string | null {
  if (report.clearinghouse && parsed.publisher !== report.clearinghouse) {
    return (
      `This is ${article(CLEARINGHOUSE_NAMES[parsed.publisher])} ${CLEARINGHOUSE_NAMES[parsed.publisher]} file (${parsed.version}), but it came through the practice's ` +
      `${CLEARINGHOUSE_NAMES[report.clearinghouse]} account ${report.clearinghouseId ?? ''}. It was not posted; put it where files from ${CLEARINGHOUSE_NAMES[parsed.publisher]} go.`
    );
  }
  if (parsed.test && !preferences?.testMode) {
    return 'The sender marked this file as test data (ISA15 = T). It was not posted. To post test files, turn on test mode under Preferences → eBilling.';
  }
  const mismatch = (label: string, named: string[], expected: string | null | undefined, where: string) => {
    if (!expected) return null;
    const others = named.filter((n) => n.trim().toLowerCase() !== expected.trim().toLowerCase());
    if (!others.length) return null;
    return (
      `This file is for ${label} ${others.join(', ')} (${where}), but this practice's ${label} is ${expected}. It was not posted. ` +
      `If the practice's ${label} has changed, update it under Preferences → eBilling, then press Try again.`
    );
  };
  return (
    mismatch('NPI', parsed.payee.npis, preferences?.payeeNpi, 'N1*PE') ??
    mismatch('InstaMed merchant ID', parsed.payee.merchantIds, preferences?.instamedMerchantId, 'Merchant ID') ??
    mismatch('Waystar account name', parsed.payee.accountNames, preferences?.waystarAccountName, 'Account Name')
  );
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

async function markFailed(db: PrismaClient, report: ReportInfo, reason: string, known?: ParsedReport | DetectedFormat | null): Promise<ProcessOutcome> {
  const marked = await db.remittanceReport.updateMany({
    where: { id: report.id, status: 'RECEIVED' },
    data: {
      status: 'FAILED',
      error: reason,
      processedAt: new Date(),
      // What the file was, as far as it could be read: staff see "X12 835" beside the reason.
      ...(known ? { format: known.format, formatVersion: known.version } : {}),
      ...(known && 'payee' in known ? { payee: payeeLabel(known) } : {}),
    },
  });
  if (marked.count !== 1) return { status: 'ALREADY_PROCESSED', ...nothing };
  await recordAudit(db, {
    practiceId: report.practiceId,
    action: 'remittance_report.failed',
    entityType: 'RemittanceReport',
    entityId: report.id,
    detail: { reason },
  });
  return { status: 'FAILED', ...nothing };
}

/** Posts every transaction of a stored report, all or nothing. Never throws for the report's sake. */
export async function processReport(db: PrismaClient, reader: ReportReader, reportId: string): Promise<ProcessOutcome> {
  const report = await db.remittanceReport.findUniqueOrThrow({ where: { id: reportId } });
  if (report.status !== 'RECEIVED') return { status: 'ALREADY_PROCESSED', ...nothing };
  let parsed: ParsedReport | undefined;
  try {
    if (!report.contentKept) throw new ReportRefused('The file was not kept, so there is nothing to post from it.');
    parsed = await reader.read(await readReportContent(db, report.id), report.fileName);
    const preferences = await db.ebillingPreferences.findUnique({ where: { practiceId: report.practiceId } });
    const refusal = refusalOf(report, parsed, preferences);
    if (refusal) throw new ReportRefused(refusal);
    return await post(db, report, parsed);
  } catch (error) {
    if (error instanceof AlreadyProcessed) return { status: 'ALREADY_PROCESSED', ...nothing };
    if (error instanceof ConcurrentPostingError || (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) {
      // Another processor posted some of the same transactions at the same moment (this report, or
      // a notice of the same payment): whatever it did stands, and this report, still RECEIVED if
      // it was the other report, is processed again on the next run against what is posted now.
      console.warn(`[reports] report ${report.id}: posted concurrently by another processor; left for the next run.`);
      return { status: 'ALREADY_PROCESSED', ...nothing };
    }
    if (error instanceof ReportUnreadable) return markFailed(db, report, error.message, error.detected);
    if (error instanceof ReportRefused || error instanceof LedgerError) return markFailed(db, report, error.message, parsed);
    // Not the file's fault as far as we know (the database, a bug): logged with a reference staff
    // can quote; the report keeps its bytes and can be tried again.
    const reference = randomUUID().slice(0, 8);
    console.error(`[reports] report ${report.id} failed (reference ${reference}):`, error);
    return markFailed(
      db,
      report,
      `Kinpay could not post this report because of an error on its side (reference ${reference}). It was kept and nothing from it was posted; ` +
        'press Try again, and if it fails again, contact Kinpay support with the reference.',
      parsed,
    ).catch((markError: unknown) => {
      console.error(`[reports] could not mark report ${report.id} failed:`, markError);
      return { status: 'FAILED' as const, ...nothing };
    });
  }
}

async function post(db: PrismaClient, report: ReportInfo, parsed: ParsedReport): Promise<ProcessOutcome> {
  const transactions = parsed.transactions.map(toLedgerTransaction);
  return db.$transaction(
    async (tx) => {
      const result = await postBatch(tx, { practiceId: report.practiceId, clearinghouse: parsed.publisher, reportId: report.id, transactions });
      const count = (o: string) => result.outcomes.filter((x) => x === o).length;
      const outcome = {
        paymentsPosted: count('POSTED'),
        refundsPosted: count('REVERSAL_POSTED'),
        paymentsUnmatched: count('UNMATCHED'),
        duplicates: count('DUPLICATE'),
        conflicts: count('CONFLICT'),
      };
      // Only one processor wins a report: the loser's transaction rolls back whole.
      const claimed = await tx.remittanceReport.updateMany({
        where: { id: report.id, status: 'RECEIVED' },
        data: {
          status: 'PROCESSED',
          processedAt: new Date(),
          totalCents: result.netCents,
          format: parsed.format,
          formatVersion: parsed.version,
          payee: payeeLabel(parsed),
          // The clearinghouse the file is from, now that it is read (a file straight in the inbox came without one).
          clearinghouse: parsed.publisher,
          ...outcome,
        },
      });
      if (claimed.count !== 1) throw new AlreadyProcessed();
      await queuePaymentEmails(
        tx,
        report.practiceId,
        result.paymentIds.filter((id): id is string => id !== null),
      );
      await recordAudit(tx, {
        practiceId: report.practiceId,
        action: 'remittance_report.processed',
        entityType: 'RemittanceReport',
        entityId: report.id,
        detail: { ...outcome, netCents: result.netCents, skipped: parsed.skipped.length },
      });
      return { status: 'PROCESSED' as const, ...outcome };
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}

export interface RunSummary {
  reportsFetched: number;
  reportsProcessed: number;
  reportsFailed: number;
  paymentsPosted: number;
  refundsPosted: number;
  paymentsUnmatched: number;
  duplicates: number;
  conflicts: number;
  reportIds: string[];
}

export function emptySummary(): RunSummary {
  return {
    reportsFetched: 0,
    reportsProcessed: 0,
    reportsFailed: 0,
    paymentsPosted: 0,
    refundsPosted: 0,
    paymentsUnmatched: 0,
    duplicates: 0,
    conflicts: 0,
    reportIds: [],
  };
}

/** Processes every stored, unprocessed report of a practice, oldest first, each on its own. */
export async function processReceivedReports(db: PrismaClient, reader: ReportReader, practiceId: string, summary = emptySummary()): Promise<RunSummary> {
  // A process that died while storing a file left it incomplete: drop it. Its source still has it
  // (the drop-folder file is moved only once stored, the feed lists it, InstaMed retries a notice
  // it got no 200 for), so the next run stores it whole.
  await db.remittanceReport.deleteMany({ where: { practiceId, status: 'RECEIVING', receivedAt: { lt: new Date(Date.now() - STALE_RECEIVING_MS) } } });
  const pending = await db.remittanceReport.findMany({
    where: { practiceId, status: 'RECEIVED' },
    orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  for (const { id } of pending) {
    const outcome = await processReport(db, reader, id);
    if (outcome.status === 'ALREADY_PROCESSED') continue;
    summary.reportIds.push(id);
    if (outcome.status === 'FAILED') summary.reportsFailed++;
    else summary.reportsProcessed++;
    summary.paymentsPosted += outcome.paymentsPosted;
    summary.refundsPosted += outcome.refundsPosted;
    summary.paymentsUnmatched += outcome.paymentsUnmatched;
    summary.duplicates += outcome.duplicates;
    summary.conflicts += outcome.conflicts;
  }
  return summary;
}

/** Puts a failed report back in line (after the practice fixed its payee or test mode, or a passing fault). */
export async function retryReport(db: PrismaClient, practiceId: string, reportId: string, actorUserId: string): Promise<ReportInfo | null> {
  const report = await db.remittanceReport.findFirst({ where: { id: reportId, practiceId } });
  if (!report || report.status !== 'FAILED' || !report.contentKept) return null;
  const reset = await db.remittanceReport.updateMany({
    where: { id: report.id, status: 'FAILED', contentKept: true },
    data: { status: 'RECEIVED', error: null, processedAt: null },
  });
  if (reset.count !== 1) return null;
  await recordAudit(db, {
    practiceId,
    actorUserId,
    action: 'remittance_report.retried',
    entityType: 'RemittanceReport',
    entityId: report.id,
    detail: { previousError: report.error },
  });
  return db.remittanceReport.findUniqueOrThrow({ where: { id: report.id } });
}
