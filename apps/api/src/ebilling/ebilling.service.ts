// The eBilling Center's work: Fetch and Process Reports (or Process alone), trying a failed report
// again, the conflicts staff resolve, and the lists and badge the Center shows. Authorization is the
// caller's (the auth rules); every read here is scoped to the viewer's practice.
import path from 'node:path';
import type { PrismaClient } from '@kinpay/db';
import { recordAudit } from '../audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import { invalidInput } from '../errors.ts';
import type { PaymentConflictRow, PaymentRow, ReportInfo } from '../models.ts';
import { afterRow, keysetPage, type Page } from '../pagination.ts';
import { accountsOf } from './accounts.ts';
import { fetchAndProcessReports, type FetchOptions, type FetchRunSummary } from './fetch.ts';
import type { Mailer } from './notifications.ts';
import { emptySummary, processReceivedReports, processReport, retryReport } from './reports.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EbillingDeps {
  db: PrismaClient;
  fetchOptions: FetchOptions;
  mailer: Mailer;
}

/** Sends what posting queued, without making anyone wait for the mail server; a failure is logged and retried later. */
export function sendQueuedSoon(mailer: Mailer) {
  mailer.sendQueued().catch((error: unknown) => console.error('[mail] sending queued emails failed:', error instanceof Error ? error.message : error));
}

export type RunResult = FetchRunSummary & { reports: ReportInfo[] };

/** Fetch and Process Reports (or, with fetch false, Process alone), audited; the summary and the reports it touched. */
export async function runReports(deps: EbillingDeps, viewer: Viewer, { fetch }: { fetch: boolean }): Promise<RunResult> {
  const { db, fetchOptions } = deps;
  const summary: FetchRunSummary = fetch
    ? await fetchAndProcessReports(db, viewer.practiceId, fetchOptions)
    : { ...(await processReceivedReports(db, fetchOptions.reader, viewer.practiceId, emptySummary())), fetchError: null };
  await recordAudit(db, {
    practiceId: viewer.practiceId,
    actorUserId: viewer.userId,
    action: fetch ? 'ebilling.fetch_and_process' : 'ebilling.process',
    detail: { ...summary, reportIds: summary.reportIds.length },
  });
  sendQueuedSoon(deps.mailer);
  const reports = await db.remittanceReport.findMany({
    where: { practiceId: viewer.practiceId, id: { in: summary.reportIds } },
    orderBy: { receivedAt: 'asc' },
  });
  return { ...summary, reports };
}

/** Puts a failed report back in line and processes it again; the report as it stands after. */
export async function tryReportAgain(deps: EbillingDeps, viewer: Viewer, reportId: string): Promise<ReportInfo> {
  const report = UUID.test(reportId) ? await retryReport(deps.db, viewer.practiceId, reportId, viewer.userId) : null;
  if (!report) throw invalidInput('That report cannot be tried again: only a failed report that was kept can.', 'id');
  await processReport(deps.db, deps.fetchOptions.reader, report.id);
  sendQueuedSoon(deps.mailer);
  return deps.db.remittanceReport.findUniqueOrThrow({ where: { id: report.id } });
}

export async function resolveConflict(db: PrismaClient, viewer: Viewer, conflictId: string, note: string): Promise<PaymentConflictRow> {
  const text = note.trim();
  if (!text) throw invalidInput('Write what was done about it, for the record.', 'note');
  if (text.length > 1000) throw invalidInput('Keep the note under 1,000 characters.', 'note');
  const resolved = UUID.test(conflictId)
    ? await db.paymentConflict.updateMany({
        where: { id: conflictId, practiceId: viewer.practiceId, resolvedAt: null },
        data: { resolvedAt: new Date(), resolvedById: viewer.userId, resolutionNote: text },
      })
    : { count: 0 };
  if (resolved.count !== 1) throw invalidInput('That conflict is not open (it may have been resolved already).', 'id');
  await recordAudit(db, {
    practiceId: viewer.practiceId,
    actorUserId: viewer.userId,
    action: 'payment_conflict.resolved',
    entityType: 'PaymentConflict',
    entityId: conflictId,
    detail: { note: text },
  });
  return db.paymentConflict.findUniqueOrThrow({ where: { id: conflictId } });
}

/** Reports received, newest first. Rows only: a file's bytes are read only to process or download it. */
export function reportsPage(db: PrismaClient, viewer: Viewer, args: { first?: number | null; after?: string | null }): Promise<Page<ReportInfo>> {
  const where = { practiceId: viewer.practiceId };
  return keysetPage(
    'report',
    args,
    (anchor, take) =>
      afterRow(
        anchor,
        (id) => db.remittanceReport.count({ where: { ...where, id } }),
        (cursor) => db.remittanceReport.findMany({ where, orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }], take, ...cursor }),
      ),
    () => db.remittanceReport.count({ where }),
  );
}

/** Posted payments, newest first. */
export function paymentsPage(db: PrismaClient, viewer: Viewer, args: { first?: number | null; after?: string | null }): Promise<Page<PaymentRow>> {
  const where = { practiceId: viewer.practiceId, status: 'POSTED' as const };
  return keysetPage(
    'payment',
    args,
    (anchor, take) =>
      afterRow(
        anchor,
        (id) => db.payment.count({ where: { ...where, id } }),
        (cursor) => db.payment.findMany({ where, orderBy: [{ postedAt: 'desc' }, { id: 'asc' }], take, ...cursor }),
      ),
    () => db.payment.count({ where }),
  );
}

/** The work queue: payments that match no patient, oldest first. */
export const unmatchedPayments = (db: PrismaClient, viewer: Viewer) =>
  db.payment.findMany({ where: { practiceId: viewer.practiceId, status: 'UNMATCHED' }, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], take: 500 });

/** Conflicts, newest first: the open ones, or all. */
export const paymentConflicts = (db: PrismaClient, viewer: Viewer, { includeResolved }: { includeResolved: boolean }) =>
  db.paymentConflict.findMany({
    where: { practiceId: viewer.practiceId, ...(includeResolved ? {} : { resolvedAt: null }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: 500,
  });

/** The eBilling Center's badge. */
export async function ebillingStatus(db: PrismaClient, viewer: Viewer) {
  const practiceId = viewer.practiceId;
  const [unmatchedCount, postedLastDayCount, reportsFailedCount, conflictsCount, prefs] = await Promise.all([
    db.payment.count({ where: { practiceId, status: 'UNMATCHED' } }),
    db.payment.count({ where: { practiceId, status: 'POSTED', postedAt: { gte: new Date(Date.now() - 86_400_000) } } }),
    db.remittanceReport.count({ where: { practiceId, status: 'FAILED' } }),
    db.paymentConflict.count({ where: { practiceId, resolvedAt: null } }),
    db.ebillingPreferences.findUnique({ where: { practiceId }, select: { agentLastRunAt: true } }),
  ]);
  return { unmatchedCount, postedLastDayCount, reportsFailedCount, conflictsCount, agentLastRunAt: prefs?.agentLastRunAt ?? null };
}

/** Where to put report files for the practice on the server: one folder per clearinghouse ID it owns. */
export async function dropFolders(db: PrismaClient, inbox: string, practiceId: string): Promise<string[]> {
  return (await accountsOf(db, practiceId)).map((a) => path.join(inbox, a.clearinghouse.toLowerCase(), a.clearinghouseId));
}
