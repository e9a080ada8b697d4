// Remittance reports: stored exactly as received, then processed in one database transaction
// each. A report that cannot be read, or does not add up, is kept and marked FAILED with a
// reason staff can read; nothing from it is posted. Processing twice changes nothing.
import { createHash } from 'node:crypto';
import { Prisma, type Clearinghouse, type PrismaClient, type RemittanceReport, type ReportFormat, type ReportSource } from '@kinpay/db';
import { detectFormat, parseReport, ReportFormatError, type ReportTransaction } from '@kinpay/remittance';
import { recordAudit } from '../audit.ts';
import { ConcurrentPostingError, LedgerError, postBatch, type LedgerTransaction } from './ledger.ts';
import { queuePaymentEmails } from './notifications.ts';

export interface IncomingReport {
  practiceId: string;
  clearinghouse: Clearinghouse | null;
  source: ReportSource;
  fileName: string;
  /** Identity at the source; defaults to the file name. */
  sourceKey?: string;
  content: string;
}

/** Stores a report unless the same one (same source and key) is already stored. */
export async function storeReport(db: PrismaClient, incoming: IncomingReport): Promise<{ report: RemittanceReport; created: boolean }> {
  const sourceKey = incoming.sourceKey ?? incoming.fileName;
  const existing = await db.remittanceReport.findUnique({
    where: { practiceId_source_sourceKey: { practiceId: incoming.practiceId, source: incoming.source, sourceKey } },
  });
  if (existing) return { report: existing, created: false };
  try {
    const report = await db.remittanceReport.create({
      data: {
        practiceId: incoming.practiceId,
        clearinghouse: incoming.clearinghouse,
        source: incoming.source,
        fileName: incoming.fileName,
        sourceKey,
        content: incoming.content,
        contentSha256: createHash('sha256').update(incoming.content).digest('hex'),
        format: detectFormat(incoming.content, incoming.fileName) as ReportFormat | null,
      },
    });
    return { report, created: true };
  } catch (error) {
    // Stored by someone else at the same moment (two fetches, a webhook retry).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const report = await db.remittanceReport.findUniqueOrThrow({
        where: { practiceId_source_sourceKey: { practiceId: incoming.practiceId, source: incoming.source, sourceKey } },
      });
      return { report, created: false };
    }
    throw error;
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
  };
}

export interface ProcessOutcome {
  status: 'PROCESSED' | 'FAILED' | 'ALREADY_PROCESSED';
  paymentsPosted: number;
  refundsPosted: number;
  paymentsUnmatched: number;
  duplicates: number;
}

const nothing = { paymentsPosted: 0, refundsPosted: 0, paymentsUnmatched: 0, duplicates: 0 };

async function markFailed(db: PrismaClient, report: RemittanceReport, reason: string): Promise<ProcessOutcome> {
  await db.remittanceReport.updateMany({
    where: { id: report.id, status: 'RECEIVED' },
    data: { status: 'FAILED', error: reason, processedAt: new Date() },
  });
  await recordAudit(db, { practiceId: report.practiceId, action: 'remittance_report.failed', entityType: 'RemittanceReport', entityId: report.id, detail: { reason } });
  return { status: 'FAILED', ...nothing };
}

/** Posts every transaction of a stored report, all or nothing. */
export async function processReport(db: PrismaClient, reportId: string): Promise<ProcessOutcome> {
  const report = await db.remittanceReport.findUniqueOrThrow({ where: { id: reportId } });
  if (report.status !== 'RECEIVED') return { status: 'ALREADY_PROCESSED', ...nothing };

  let transactions: LedgerTransaction[];
  try {
    if (!report.format) throw new ReportFormatError('The file is not a format Kinpay reads (X12 835, InstaMed IMDPA, Waystar CSV or an InstaMed notice).');
    transactions = parseReport(report.content, report.format).transactions.map(toLedgerTransaction);
  } catch (error) {
    if (error instanceof ReportFormatError) return markFailed(db, report, error.message);
    throw error;
  }

  try {
    return await db.$transaction(
      async (tx) => {
        const result = await postBatch(tx, { practiceId: report.practiceId, clearinghouse: report.clearinghouse, reportId: report.id, transactions });
        const count = (o: string) => result.outcomes.filter((x) => x === o).length;
        const outcome = {
          paymentsPosted: count('POSTED'),
          refundsPosted: count('REVERSAL_POSTED'),
          paymentsUnmatched: count('UNMATCHED'),
          duplicates: count('DUPLICATE'),
        };
        // Only one processor wins a report: the loser's transaction rolls back whole.
        const claimed = await tx.remittanceReport.updateMany({
          where: { id: report.id, status: 'RECEIVED' },
          data: { status: 'PROCESSED', processedAt: new Date(), totalCents: result.netCents, ...outcome },
        });
        if (claimed.count !== 1) throw new AlreadyProcessed();
        await queuePaymentEmails(tx, report.practiceId, result.paymentIds.filter((id): id is string => id !== null));
        await recordAudit(tx, {
          practiceId: report.practiceId,
          action: 'remittance_report.processed',
          entityType: 'RemittanceReport',
          entityId: report.id,
          detail: { ...outcome, netCents: result.netCents },
        });
        return { status: 'PROCESSED' as const, ...outcome };
      },
      { timeout: 600_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof AlreadyProcessed) return { status: 'ALREADY_PROCESSED', ...nothing };
    if (error instanceof ConcurrentPostingError || (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) {
      // Another processor posted the same transactions at the same moment; whatever it did stands.
      const now = await db.remittanceReport.findUniqueOrThrow({ where: { id: report.id } });
      if (now.status !== 'RECEIVED') return { status: 'ALREADY_PROCESSED', ...nothing };
      throw error;
    }
    if (error instanceof LedgerError) return markFailed(db, report, error.message);
    throw error;
  }
}

class AlreadyProcessed extends Error {}

export interface RunSummary {
  reportsFetched: number;
  reportsProcessed: number;
  reportsFailed: number;
  paymentsPosted: number;
  refundsPosted: number;
  paymentsUnmatched: number;
  duplicates: number;
  reportIds: string[];
}

export function emptySummary(): RunSummary {
  return { reportsFetched: 0, reportsProcessed: 0, reportsFailed: 0, paymentsPosted: 0, refundsPosted: 0, paymentsUnmatched: 0, duplicates: 0, reportIds: [] };
}

/** Processes every stored, unprocessed report of a practice, oldest first. */
export async function processReceivedReports(db: PrismaClient, practiceId: string, summary = emptySummary()): Promise<RunSummary> {
  const pending = await db.remittanceReport.findMany({ where: { practiceId, status: 'RECEIVED' }, orderBy: { receivedAt: 'asc' }, select: { id: true } });
  for (const { id } of pending) {
    const outcome = await processReport(db, id);
    if (outcome.status === 'ALREADY_PROCESSED') continue;
    summary.reportIds.push(id);
    if (outcome.status === 'FAILED') summary.reportsFailed++;
    else summary.reportsProcessed++;
    summary.paymentsPosted += outcome.paymentsPosted;
    summary.refundsPosted += outcome.refundsPosted;
    summary.paymentsUnmatched += outcome.paymentsUnmatched;
    summary.duplicates += outcome.duplicates;
  }
  return summary;
}
