import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { PagedTable } from '../../components/PagedTable.tsx';
import { EmptyState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import type { ReportsTable_ReportFragment } from '../../gql/graphql.ts';
import { formatInstant, formatInstantDate, formatTime } from '../../shared/dates.ts';
import { describeError, isUnauthenticated } from '../../shared/errors.ts';
import { usePagedQuery } from '../../shared/usePagedQuery.ts';
import { useRootErrorBoundary } from '../../shared/useRootErrorBoundary.ts';
import { EbillingStatusDocument } from './EbillingNavLink.tsx';
import { count, formatBytes, FORMAT_LABEL, ReportStatusBadge, SOURCE_LABEL } from './labels.tsx';

export const REPORTS_PAGE_SIZE = 25;

export const ReportsTable_report = graphql(`
  fragment ReportsTable_report on RemittanceReport {
    id
    receivedAt
    fileName
    source
    format
    formatVersion
    sizeBytes
    payee
    status
    error
    canRetry
    paymentsPosted
    refundsPosted
    paymentsUnmatched
    duplicates
    conflicts
    total {
      amountCents
      formatted
    }
    downloadUrl
  }
`);

export const RemittanceReportsDocument = graphql(`
  query RemittanceReports($first: Int, $after: String) {
    remittanceReports(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...ReportsTable_report
      }
    }
  }
`);

export const RetryReportDocument = graphql(`
  mutation RetryReport($id: ID!) {
    retryReport(id: $id) {
      id
      ...ReportsTable_report
    }
  }
`);

/** What pressing Try again on one report came to. */
interface RetryOutcome {
  reportId: string;
  tone: 'success' | 'failed' | 'error';
  message: string;
}

/** A retried report in words: what it posted, or why it failed again. */
function describeRetry(report: ReportsTable_ReportFragment): Omit<RetryOutcome, 'reportId'> {
  if (report.status === 'FAILED') {
    // The new reason shows above, in place of the old one.
    return { tone: 'failed', message: `Tried again: ${report.fileName} failed again, for the reason above.` };
  }
  if (report.status === 'RECEIVED') {
    return { tone: 'success', message: `${report.fileName} is back in line: the next Process or Fetch and Process Reports works through it.` };
  }
  const parts = [
    report.paymentsPosted > 0 ? `${count(report.paymentsPosted, 'payment')} posted` : null,
    report.refundsPosted > 0 ? `${count(report.refundsPosted, 'refund or reversal', 'refunds and reversals')} posted` : null,
    report.paymentsUnmatched > 0 ? `${count(report.paymentsUnmatched, 'payment')} waiting under Unmatched payments` : null,
    report.duplicates > 0 ? `${report.duplicates.toLocaleString('en-US')} already posted before` : null,
    report.conflicts > 0 ? `${count(report.conflicts, 'conflict')} to look at under Conflicts` : null,
  ].filter(Boolean);
  return { tone: 'success', message: `${report.fileName} was processed: ${parts.length > 0 ? parts.join(', ') : 'nothing new to post'}.` };
}

export function ReportsTab() {
  const reports = usePagedQuery(RemittanceReportsDocument, { pageSize: REPORTS_PAGE_SIZE, page: (data) => data.remittanceReports });

  const [retryReport] = useMutation(RetryReportDocument, {
    // The list (its counts and totals) and the badges (failed reports, unmatched, conflicts) change.
    refetchQueries: [RemittanceReportsDocument, EbillingStatusDocument],
    awaitRefetchQueries: true,
  });
  const [retrying, setRetrying] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<RetryOutcome | null>(null);
  const toRootBoundary = useRootErrorBoundary();

  const retry = async (report: ReportsTable_ReportFragment) => {
    setRetrying(report.id);
    setOutcome(null);
    try {
      const { data: result } = await retryReport({ variables: { id: report.id } });
      if (result) setOutcome({ reportId: report.id, ...describeRetry(result.retryReport) });
    } catch (failure) {
      // Signed out meanwhile: the root error boundary sends the user to sign in.
      if (isUnauthenticated(failure)) toRootBoundary(failure);
      else setOutcome({ reportId: report.id, tone: 'error', message: `${report.fileName} could not be tried again. ${describeError(failure)}` });
    } finally {
      setRetrying(null);
    }
  };

  return (
    <PagedTable
      query={reports}
      heading={{ text: 'Reports', hidden: true }}
      caption="Remittance reports, newest first"
      className="reports-table"
      count={(total) => count(total, 'report')}
      loadingText="Loading reports…"
      failureTitle="We couldn’t load the reports."
      empty={<EmptyState title="No reports yet.">Press Fetch and Process Reports to bring in your clearinghouse’s reports.</EmptyState>}
      columns={
        <>
          <th scope="col">Received</th>
          <th scope="col">File</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Posted
          </th>
          <th scope="col" className="num">
            Refunds
          </th>
          <th scope="col" className="num">
            Unmatched
          </th>
          <th scope="col" className="num">
            Duplicates
          </th>
          <th scope="col" className="num">
            Conflicts
          </th>
          <th scope="col" className="num">
            Total
          </th>
        </>
      }
      row={(report) => (
        <ReportRows report={report} retrying={retrying} outcome={outcome?.reportId === report.id ? outcome : null} onRetry={() => void retry(report)} />
      )}
    />
  );
}

const COLUMNS = 9;

interface ReportRowsProps {
  report: ReportsTable_ReportFragment;
  /** The report whose Try again is running. */
  retrying: string | null;
  /** What trying this report again came to. */
  outcome: RetryOutcome | null;
  onRetry: () => void;
}

/**
 * One row per report. Source, format, size and payee sit under the file name, and a failed
 * report's reason in a full-width row under it, so the table fits a laptop screen without
 * scrolling sideways and a reason of a few sentences still reads as a paragraph.
 */
function ReportRows({ report, retrying, outcome, onRetry }: ReportRowsProps) {
  const failed = report.status === 'FAILED';
  // A failed report keeps its detail row while Try again runs and after it works, so the row (and
  // its live region) stays put and the outcome shows where the button was.
  const detail = failed || retrying === report.id || outcome !== null;
  return (
    <>
      <tr className={[failed ? 'is-failed' : null, detail ? 'has-detail' : null].filter(Boolean).join(' ') || undefined}>
        <td data-label="Received" className="reports-table__received">
          <ReceivedAt value={report.receivedAt} />
        </td>
        <th scope="row" data-label="File" className="reports-table__file">
          <span className="filename">{report.fileName}</span>
          <span className="reports-table__meta muted small">
            <span className="nowrap">{SOURCE_LABEL[report.source] ?? report.source}</span>
            {' · '}
            <span className="nowrap">{report.format ? (FORMAT_LABEL[report.format] ?? report.format) : 'Unknown format'}</span>
            {report.formatVersion ? (
              <>
                {' · '}
                <span className="nowrap">
                  <span className="visually-hidden">version </span>
                  {report.formatVersion}
                </span>
              </>
            ) : null}
          </span>
          <span className="reports-table__meta muted small">
            <span className="nowrap">{formatBytes(report.sizeBytes)}</span>
            {' · '}
            {report.downloadUrl ? (
              <a href={report.downloadUrl} download className="download-link">
                Download<span className="visually-hidden"> {report.fileName}</span>
              </a>
            ) : (
              <span>File not kept</span>
            )}
          </span>
          {report.payee ? <span className="reports-table__meta reports-table__payee muted small">Payee: {report.payee}</span> : null}
        </th>
        <td data-label="Status" className="reports-table__status">
          <ReportStatusBadge status={report.status} />
        </td>
        <td data-label="Posted" className="num">
          {report.paymentsPosted}
        </td>
        <td data-label="Refunds" className="num">
          {report.refundsPosted}
        </td>
        <td data-label="Unmatched" className={report.paymentsUnmatched > 0 ? 'num is-attention' : 'num'}>
          {report.paymentsUnmatched}
        </td>
        <td data-label="Duplicates" className="num">
          {report.duplicates}
        </td>
        <td data-label="Conflicts" className={report.conflicts > 0 ? 'num is-attention' : 'num'}>
          {report.conflicts > 0 ? (
            <Link to="/ebilling/conflicts">
              {report.conflicts}
              <span className="visually-hidden"> (see Conflicts)</span>
            </Link>
          ) : (
            report.conflicts
          )}
        </td>
        <td data-label="Total" className={report.total.amountCents < 0 ? 'num num--negative' : 'num'}>
          {report.total.formatted}
        </td>
      </tr>
      {detail ? (
        <tr className="report-detail">
          <td colSpan={COLUMNS}>
            <ReportDetail report={report} retrying={retrying === report.id} busy={retrying !== null} outcome={outcome} onRetry={onRetry} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

interface ReportDetailProps {
  report: ReportsTable_ReportFragment;
  retrying: boolean;
  /** Another report is being tried again: one at a time. */
  busy: boolean;
  outcome: RetryOutcome | null;
  onRetry: () => void;
}

/** Under a failed report: why it failed, Try again, and what trying again came to. */
function ReportDetail({ report, retrying, busy, outcome, onRetry }: ReportDetailProps) {
  const failed = report.status === 'FAILED';
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  // Try again worked and its button is gone: keep the keyboard where the button was.
  const buttonGone = outcome !== null && outcome.tone === 'success' && !failed;
  useEffect(() => {
    if (buttonGone) outcomeRef.current?.focus();
  }, [buttonGone]);

  return (
    <div className="report-detail__body">
      {failed ? (
        <div className="report-detail__failure">
          <p className="report-error report-detail__reason">
            <span className="report-detail__label">Why it failed: </span>
            <span>{report.error ?? 'The server gave no reason.'}</span>
          </p>
          {report.canRetry ? (
            <button type="button" className="button button--secondary" disabled={busy} onClick={onRetry}>
              {retrying ? 'Trying again…' : 'Try again'}
              <span className="visually-hidden"> processing {report.fileName}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {/* Always in the row, so screen readers announce what trying again came to. */}
      <div role="status">
        {outcome && outcome.tone !== 'error' ? (
          <p ref={outcomeRef} tabIndex={-1} className={outcome.tone === 'success' ? 'notice notice--success' : 'notice notice--warning'}>
            {outcome.message}
          </p>
        ) : null}
      </div>
      {outcome?.tone === 'error' ? (
        <p className="notice notice--error" role="alert">
          {outcome.message}
        </p>
      ) : null}
    </div>
  );
}

/** Date over time, so the column stays narrow. */
function ReceivedAt({ value }: { value: string }) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  return (
    <time dateTime={value} title={formatInstant(value)}>
      <span className="nowrap">{formatInstantDate(value)}</span> <span className="nowrap muted">{formatTime(value)}</span>
    </time>
  );
}
