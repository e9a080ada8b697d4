// What one press of "Fetch and Process Reports" (or "Process") did: the numbers, the reports it
// touched, transactions that conflict with earlier ones, and why a source (the clearinghouse's
// feed, the drop folder) could not be read, if it could not.
import { useId } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql/gql.ts';
import type { RunSummary_ResultFragment } from '../../gql/graphql.ts';
import { formatInstant } from '../../shared/dates.ts';
import { count, ReportStatusBadge } from './labels.tsx';

export const RunSummary_result = graphql(`
  fragment RunSummary_result on FetchAndProcessResult {
    reportsFetched
    reportsProcessed
    reportsFailed
    paymentsPosted
    refundsPosted
    paymentsUnmatched
    duplicates
    conflicts
    fetchError
    reports {
      id
      fileName
      status
      error
    }
  }
`);

export type RunKind = 'fetch' | 'process';

interface RunSummaryProps {
  kind: RunKind;
  result: RunSummary_ResultFragment;
  finishedAt: string;
}

export function RunSummary({ kind, result, finishedAt }: RunSummaryProps) {
  const headingId = useId();
  const numbers: [string, number][] = [
    ...(kind === 'fetch' ? ([['Reports fetched', result.reportsFetched]] as [string, number][]) : []),
    ['Reports processed', result.reportsProcessed],
    ['Payments posted', result.paymentsPosted],
    ['Refunds and reversals', result.refundsPosted],
    ['Unmatched', result.paymentsUnmatched],
    ['Failed', result.reportsFailed],
    ['Already posted (duplicates)', result.duplicates],
    ['Conflicts', result.conflicts],
  ];
  const attention = new Set(['Unmatched', 'Failed', 'Conflicts']);
  return (
    <section className="card run-summary" aria-labelledby={headingId}>
      <div className="run-summary__header">
        <h2 id={headingId}>Last run</h2>
        <p className="muted small">
          {kind === 'fetch' ? 'Fetch and Process Reports' : 'Process'} · finished {formatInstant(finishedAt)}
        </p>
      </div>
      {result.fetchError ? <p className="notice notice--warning">{result.fetchError}</p> : null}
      <dl className="run-summary__numbers">
        {numbers.map(([label, value]) => (
          <div key={label} className={value > 0 && attention.has(label) ? 'is-attention' : undefined}>
            <dt>{label}</dt>
            <dd className="tabular">{value.toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>
      {result.paymentsUnmatched > 0 ? (
        <p>
          <Link to="/ebilling/unmatched">Match the unmatched payments to patients</Link>
        </p>
      ) : null}
      {result.conflicts > 0 ? (
        <p className="run-summary__conflicts">
          {result.conflicts === 1 ? '1 transaction conflicts with an earlier one' : `${count(result.conflicts, 'transaction')} conflict with earlier ones`}: see{' '}
          <Link to="/ebilling/conflicts">Conflicts</Link>. {result.conflicts === 1 ? 'It was' : 'They were'} not posted.
        </p>
      ) : null}
      {result.reports.length === 0 ? (
        <p className="muted">No reports were waiting to be processed.</p>
      ) : (
        <table className="data-table run-summary__reports">
          <caption>Reports in this run</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Status</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {result.reports.map((report) => (
              <tr key={report.id}>
                <th scope="row" data-label="File" className="filename">
                  {report.fileName}
                </th>
                <td data-label="Status">
                  <ReportStatusBadge status={report.status} />
                </td>
                {/* Only a real error in the error style: a red dash on every processed report reads as trouble. */}
                <td data-label="Error" className={report.error ? 'report-error' : 'muted'}>
                  {report.error ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
