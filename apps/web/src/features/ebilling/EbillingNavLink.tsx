// The sidebar's "eBilling Center" link, with a badge for payments waiting to be matched. The count
// is polled, so a payment that arrives while staff work elsewhere shows up within a minute.
import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { NavLink } from 'react-router';
import { graphql } from '../../gql/gql.ts';
import { asError, isUnauthenticated } from '../../shared/errors.ts';
import { count } from './labels.tsx';

export const EbillingStatusDocument = graphql(`
  query EbillingStatus {
    ebillingStatus {
      unmatchedCount
      postedLastDayCount
      reportsFailedCount
      conflictsCount
    }
  }
`);

export const STATUS_POLL_MS = 60_000;

export const unmatchedLabel = (n: number) => count(n, 'unmatched payment');
export const conflictsLabel = (n: number) => count(n, 'unresolved conflict');

export function EbillingNavLink() {
  const badgeId = useId();
  const { data, error } = useQuery(EbillingStatusDocument, { pollInterval: STATUS_POLL_MS });
  // A session that ended goes to sign-in (root error boundary); any other failure just hides the badge.
  if (error && isUnauthenticated(error)) throw asError(error);
  const unmatched = data?.ebillingStatus.unmatchedCount ?? 0;
  return (
    <>
      {/* The badge is not inside the link, so the link's name stays "eBilling Center"; it describes it. */}
      <NavLink to="/ebilling" aria-describedby={unmatched > 0 ? badgeId : undefined}>
        eBilling Center
      </NavLink>
      {unmatched > 0 ? (
        <span id={badgeId} className="nav-badge" role="img" aria-label={unmatchedLabel(unmatched)} title={unmatchedLabel(unmatched)}>
          {unmatched > 99 ? '99+' : unmatched}
        </span>
      ) : null}
    </>
  );
}
