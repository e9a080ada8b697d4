// The eBilling Center: bring in the clearinghouse's remittance reports, post their payments, and
// work the queues of payments that match no patient and of transactions that conflict with earlier
// ones. The tabs are routes (Reports, Payments, Unmatched payments, Conflicts, Current credits); the
// toolbar and the last run's summary stay above them.
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { graphql } from '../../gql/gql.ts';
import type { EbillingStatusQuery, RunSummary_ResultFragment } from '../../gql/graphql.ts';
import { describeError, isUnauthenticated } from '../../shared/errors.ts';
import { usePageTitle } from '../../shared/usePageTitle.ts';
import { useRootErrorBoundary } from '../../shared/useRootErrorBoundary.ts';
import { conflictsLabel, EbillingStatusDocument, unmatchedLabel } from './EbillingNavLink.tsx';
import { count } from './labels.tsx';
import { RunSummary, type RunKind } from './RunSummary.tsx';

export const FetchAndProcessReportsDocument = graphql(`
  mutation FetchAndProcessReports {
    fetchAndProcessReports {
      ...RunSummary_result
    }
  }
`);

export const ProcessReportsDocument = graphql(`
  mutation ProcessReports {
    processReports {
      ...RunSummary_result
    }
  }
`);

export const FETCHING_MESSAGE = 'Fetching reports from the clearinghouse…';
export const PROCESSING_MESSAGE = 'Processing reports…';
/** The mutation is one request; after this long, fetching has usually given way to processing. */
export const FETCH_PHASE_MS = 1000;

type Status = EbillingStatusQuery['ebillingStatus'];

interface Tab {
  to: string;
  label: string;
  /** A count of work waiting in the tab, shown as a badge beside its label. */
  waiting?: (status: Status) => { count: number; label: string };
}

const TABS: readonly Tab[] = [
  { to: '/ebilling/reports', label: 'Reports' },
  { to: '/ebilling/payments', label: 'Payments' },
  {
    to: '/ebilling/unmatched',
    label: 'Unmatched payments',
    waiting: (status) => ({ count: status.unmatchedCount, label: unmatchedLabel(status.unmatchedCount) }),
  },
  {
    to: '/ebilling/conflicts',
    label: 'Conflicts',
    waiting: (status) => ({ count: status.conflictsCount, label: conflictsLabel(status.conflictsCount) }),
  },
  { to: '/ebilling/credits', label: 'Current credits' },
];

interface LastRun {
  kind: RunKind;
  result: RunSummary_ResultFragment;
  finishedAt: string;
}

export function EbillingCenterPage() {
  usePageTitle('eBilling Center');
  const helpId = useId();
  // Every list on the page (and the sidebar badge) may have changed: refresh whatever is shown.
  const [fetchAndProcess] = useMutation(FetchAndProcessReportsDocument, { refetchQueries: 'active' });
  const [processOnly] = useMutation(ProcessReportsDocument, { refetchQueries: 'active' });
  const [running, setRunning] = useState<{ kind: RunKind; message: string } | null>(null);
  const [lastRun, setLastRun] = useState<LastRun | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const toRootBoundary = useRootErrorBoundary();
  const phaseTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(phaseTimer.current), []);

  const run = async (kind: RunKind) => {
    setRunError(null);
    setRunning({ kind, message: kind === 'fetch' ? FETCHING_MESSAGE : PROCESSING_MESSAGE });
    if (kind === 'fetch') {
      phaseTimer.current = setTimeout(() => setRunning((now) => (now ? { ...now, message: PROCESSING_MESSAGE } : now)), FETCH_PHASE_MS);
    }
    try {
      const { data } = kind === 'fetch' ? await fetchAndProcess() : await processOnly();
      const result = data ? ('fetchAndProcessReports' in data ? data.fetchAndProcessReports : data.processReports) : null;
      if (result) setLastRun({ kind, result, finishedAt: new Date().toISOString() });
    } catch (error) {
      if (isUnauthenticated(error)) toRootBoundary(error);
      else setRunError(`${kind === 'fetch' ? 'Fetch and Process Reports' : 'Process'} did not finish. ${describeError(error)}`);
    } finally {
      clearTimeout(phaseTimer.current);
      setRunning(null);
    }
  };

  return (
    <>
      <h1>eBilling Center</h1>
      <p className="muted">Bring in payment reports from your clearinghouse and post the payments to patients’ accounts.</p>
      <div className="ebilling-toolbar">
        <div className="actions" role="group" aria-label="Report actions" aria-describedby={helpId}>
          <button type="button" className="button button--primary" disabled={running !== null} onClick={() => void run('fetch')}>
            Fetch and Process Reports
          </button>
          <button type="button" className="button button--secondary" disabled={running !== null} onClick={() => void run('process')}>
            Process
          </button>
        </div>
        <p id={helpId} className="muted small ebilling-toolbar__help">
          Process works through reports already received, without contacting the clearinghouse.
        </p>
      </div>

      <StatusFacts />

      {/* Always in the page, so screen readers announce what appears in it. */}
      <div className="run-status" role="status">
        {running ? (
          <div className="card run-progress">
            <p className="run-progress__message">{running.message}</p>
            <progress className="run-progress__bar" aria-label={running.message} />
          </div>
        ) : lastRun ? (
          <RunSummary kind={lastRun.kind} result={lastRun.result} finishedAt={lastRun.finishedAt} />
        ) : null}
      </div>
      {runError ? (
        <p className="notice notice--error" role="alert">
          {runError}
        </p>
      ) : null}

      <Tabs />
      <div className="tab-panel">
        <Outlet />
      </div>
    </>
  );
}

/**
 * The tabs, as links. A tab with work waiting shows its count in a badge; the badge is not part of
 * the link's name (which stays "Conflicts"), it describes the link, as the sidebar's badge does.
 */
function Tabs() {
  const { data } = useQuery(EbillingStatusDocument);
  const badgeId = useId();
  return (
    <nav className="tabs" aria-label="eBilling Center">
      {TABS.map((tab, i) => {
        const waiting = data && tab.waiting ? tab.waiting(data.ebillingStatus) : null;
        const shown = waiting && waiting.count > 0 ? waiting : null;
        const id = `${badgeId}-${i}`;
        return (
          <NavLink key={tab.to} to={tab.to} className="tabs__tab" aria-describedby={shown ? id : undefined}>
            {tab.label}
            {shown ? (
              <>
                <span className="tabs__badge" aria-hidden="true">
                  {shown.count > 99 ? '99+' : shown.count}
                </span>
                {/* Hidden, so it stays out of the link's name; aria-describedby still reads it. */}
                <span id={id} hidden>
                  {shown.label}
                </span>
              </>
            ) : null}
          </NavLink>
        );
      })}
    </nav>
  );
}

/** The badge's numbers, in words, under the heading. Kept fresh by the sidebar's polling. */
function StatusFacts() {
  const { data } = useQuery(EbillingStatusDocument);
  if (!data) return null;
  const { unmatchedCount, postedLastDayCount, reportsFailedCount, conflictsCount } = data.ebillingStatus;
  return (
    <ul className="status-facts">
      <li>
        {unmatchedCount > 0 ? (
          <Link to="/ebilling/unmatched" className="status-facts__attention">
            {unmatchedLabel(unmatchedCount)}
          </Link>
        ) : (
          'No unmatched payments'
        )}
      </li>
      <li>{count(postedLastDayCount, 'payment')} posted in the last 24 hours</li>
      {conflictsCount > 0 ? (
        <li>
          <Link to="/ebilling/conflicts" className="status-facts__attention">
            {conflictsLabel(conflictsCount)}
          </Link>
        </li>
      ) : null}
      {reportsFailedCount > 0 ? (
        <li>
          <Link to="/ebilling/reports" className="status-facts__attention">
            {count(reportsFailedCount, 'failed report')}
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
