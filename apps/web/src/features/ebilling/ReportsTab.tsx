import { useQuery } from '@apollo/client/react';
import { Pagination } from '../../components/Pagination.tsx';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import type { ReportsTable_ReportFragment } from '../../gql/graphql.ts';
import { formatInstant, formatInstantDate, formatTime } from '../../shared/dates.ts';
import { useCursorPaging } from '../../shared/useCursorPaging.ts';
import { count, FORMAT_LABEL, ReportStatusBadge, SOURCE_LABEL } from './labels.tsx';

export const REPORTS_PAGE_SIZE = 25;

export const ReportsTable_report = graphql(`
  fragment ReportsTable_report on RemittanceReport {
    id
    receivedAt
    fileName
    source
    format
    status
    error
    paymentsPosted
    refundsPosted
    paymentsUnmatched
    duplicates
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

export function ReportsTab() {
  const paging = useCursorPaging();
  const { data, previousData, error, loading, refetch } = useQuery(RemittanceReportsDocument, {
    variables: { first: REPORTS_PAGE_SIZE, after: paging.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? (loading ? previousData : undefined))?.remittanceReports;

  if (!connection) {
    return error ? (
      <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t load the reports." />
    ) : (
      <LoadingState>Loading reports…</LoadingState>
    );
  }
  return (
    <section aria-labelledby="reports-heading" aria-busy={loading} className={loading ? 'is-refreshing' : undefined}>
      <h2 id="reports-heading" className="visually-hidden">
        Reports
      </h2>
      <p className="result-count">{count(connection.totalCount, 'report')}</p>
      {connection.nodes.length === 0 ? (
        <EmptyState title="No reports yet.">
          Press Fetch and Process Reports to bring in your clearinghouse’s reports.
        </EmptyState>
      ) : (
        <ReportsTable reports={connection.nodes} />
      )}
      <Pagination paging={paging} pageInfo={connection.pageInfo} loading={loading} />
    </section>
  );
}

/**
 * One row per report. Source and format sit under the file name, and a failed report's reason under
 * its status, so the table fits a laptop screen without scrolling sideways.
 */
function ReportsTable({ reports }: { reports: readonly ReportsTable_ReportFragment[] }) {
  return (
    <div className="table-card">
      <table className="data-table reports-table">
        <caption className="visually-hidden">Remittance reports, newest first</caption>
        <thead>
          <tr>
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
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.id} className={report.status === 'FAILED' ? 'is-failed' : undefined}>
              <td data-label="Received" className="reports-table__received">
                <ReceivedAt value={report.receivedAt} />
              </td>
              <th scope="row" data-label="File" className="reports-table__file">
                <span className="filename">{report.fileName}</span>
                <span className="reports-table__meta muted small">
                  <span>{SOURCE_LABEL[report.source] ?? report.source}</span>
                  {' · '}
                  <span>{report.format ? (FORMAT_LABEL[report.format] ?? report.format) : 'Unknown format'}</span>
                  {' · '}
                  <a href={report.downloadUrl} download className="download-link">
                    Download<span className="visually-hidden"> {report.fileName}</span>
                  </a>
                </span>
              </th>
              <td data-label="Status" className="reports-table__status">
                <ReportStatusBadge status={report.status} />
                {report.status === 'FAILED' && report.error ? <span className="report-error">{report.error}</span> : null}
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
              <td data-label="Total" className={report.total.amountCents < 0 ? 'num num--negative' : 'num'}>
                {report.total.formatted}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
