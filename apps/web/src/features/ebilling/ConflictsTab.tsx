// Conflicts: a report named a transaction the portal had already recorded, with other details (a
// different amount, account or payer). The report's version was not posted. Staff compare both
// versions side by side, sort it out with the clearinghouse, and note what was done.
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import type { ConflictCard_ConflictFragment, PaymentStatus } from '../../gql/graphql.ts';
import { formatInstant } from '../../shared/dates.ts';
import { describeError, findGraphQLError, isUnauthenticated } from '../../shared/errors.ts';
import { paymentKindLabel } from '../../shared/payments.ts';
import { useRootErrorBoundary } from '../../shared/useRootErrorBoundary.ts';
import { EbillingStatusDocument } from './EbillingNavLink.tsx';
import { count } from './labels.tsx';

export const ConflictCard_conflict = graphql(`
  fragment ConflictCard_conflict on PaymentConflict {
    id
    transactionId
    originalTransactionId
    kind
    amount {
      amountCents
      formatted
    }
    accountNumber
    payerName
    occurredAt
    location
    differences
    createdAt
    resolvedAt
    resolvedBy {
      firstName
      lastName
    }
    resolutionNote
    report {
      id
      fileName
    }
    payment {
      id
      kind
      status
      amount {
        amountCents
        formatted
      }
      accountNumber
      payerName
      receivedAt
      location
      patient {
        id
        firstName
        lastName
      }
      report {
        id
        fileName
      }
    }
  }
`);

export const PaymentConflictsDocument = graphql(`
  query PaymentConflicts($includeResolved: Boolean) {
    paymentConflicts(includeResolved: $includeResolved) {
      id
      ...ConflictCard_conflict
    }
  }
`);

export const ResolvePaymentConflictDocument = graphql(`
  mutation ResolvePaymentConflict($id: ID!, $note: String!) {
    resolvePaymentConflict(id: $id, note: $note) {
      id
      ...ConflictCard_conflict
    }
  }
`);

export const EMPTY_CONFLICTS = 'No conflicts to resolve.';
/** The server's own words for the same rules. */
export const NOTE_REQUIRED = 'Write what was done about it, for the record.';
export const NOTE_MAX = 1000;
export const NOTE_TOO_LONG = 'Keep the note under 1,000 characters.';

const STATUS_LABEL: Record<PaymentStatus, string> = {
  POSTED: 'Posted',
  UNMATCHED: 'Unmatched (waiting for staff)',
};

export function ConflictsTab() {
  // Whether resolved ones show is in the address, so the view can be bookmarked or shared.
  const [params, setParams] = useSearchParams();
  const urlIncludeResolved = params.get('resolved') === 'true';
  // The checkbox answers at once; the address follows (as on the Patients page). Back/forward still win.
  const [includeResolved, setIncludeResolvedState] = useState(urlIncludeResolved);
  const [lastUrlValue, setLastUrlValue] = useState(urlIncludeResolved);
  if (urlIncludeResolved !== lastUrlValue) {
    setLastUrlValue(urlIncludeResolved);
    setIncludeResolvedState(urlIncludeResolved);
  }
  const setIncludeResolved = (checked: boolean) => {
    setIncludeResolvedState(checked);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (checked) next.set('resolved', 'true');
        else next.delete('resolved');
        return next;
      },
      { replace: true },
    );
  };

  const { data, previousData, error, loading, refetch } = useQuery(PaymentConflictsDocument, {
    variables: { includeResolved },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? (loading ? previousData : undefined);
  const [resolved, setResolved] = useState<string | null>(null);
  const resolvedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The card (and the button that was pressed) may be gone: keep the keyboard on the confirmation.
    if (resolved) resolvedRef.current?.focus();
  }, [resolved]);

  const toggle = (
    <label className="checkbox">
      <input type="checkbox" checked={includeResolved} onChange={(event) => setIncludeResolved(event.target.checked)} />
      Show resolved conflicts too
    </label>
  );

  if (!shown) {
    return (
      <section aria-labelledby="conflicts-heading">
        <h2 id="conflicts-heading" className="visually-hidden">
          Conflicts
        </h2>
        {toggle}
        {error ? (
          <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t load the conflicts." />
        ) : (
          <LoadingState>Loading conflicts…</LoadingState>
        )}
      </section>
    );
  }
  const conflicts = shown.paymentConflicts;
  const open = conflicts.filter((c) => !c.resolvedAt).length;
  return (
    <section aria-labelledby="conflicts-heading" aria-busy={loading} className={loading ? 'is-refreshing' : undefined}>
      <h2 id="conflicts-heading" className="visually-hidden">
        Conflicts
      </h2>
      <p className="muted">
        A report named a transaction the portal had already recorded, but with other details. Its version was not posted. Compare the two, sort it out with the
        clearinghouse, then note what was done.
      </p>
      {toggle}
      {/* Always in the page, so screen readers announce the confirmation when it appears. */}
      <div role="status">
        {resolved ? (
          <p ref={resolvedRef} tabIndex={-1} className="notice notice--success">
            {resolved}
          </p>
        ) : null}
      </div>
      {conflicts.length === 0 ? (
        <EmptyState title={includeResolved ? 'No conflicts yet.' : EMPTY_CONFLICTS}>
          When a report names a transaction again with other details than the payment recorded, it waits here instead of posting.
        </EmptyState>
      ) : (
        <>
          <p className="result-count">
            {includeResolved
              ? `${count(conflicts.length, 'conflict')}, newest first: ${open.toLocaleString('en-US')} to resolve.`
              : `${count(conflicts.length, 'conflict')} to resolve, newest first.`}
          </p>
          <ol className="conflict-list">
            {conflicts.map((conflict) => (
              <li key={conflict.id}>
                <ConflictCard
                  conflict={conflict}
                  onResolved={(transactionId) => setResolved(`The conflict on transaction ${transactionId} is resolved.`)}
                  onStart={() => setResolved(null)}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

interface ConflictCardProps {
  conflict: ConflictCard_ConflictFragment;
  onStart: () => void;
  onResolved: (transactionId: string) => void;
}

function ConflictCard({ conflict, onStart, onResolved }: ConflictCardProps) {
  const headingId = useId();
  const { payment } = conflict;
  const where = (fileName: string | undefined, location: string | null | undefined) => [fileName, location].filter(Boolean).join(', ') || '—';
  const rows: { label: string; recorded: ReactNode; reported: ReactNode }[] = [
    { label: 'Amount', recorded: <Amount value={payment.amount} />, reported: <Amount value={conflict.amount} /> },
    { label: 'Kind', recorded: paymentKindLabel(payment.kind), reported: paymentKindLabel(conflict.kind) },
    { label: 'Account number', recorded: <Sent value={payment.accountNumber} mono />, reported: <Sent value={conflict.accountNumber} mono /> },
    { label: 'Payer name', recorded: <Sent value={payment.payerName} />, reported: <Sent value={conflict.payerName} /> },
    {
      label: 'Date',
      recorded: <>Received {formatInstant(payment.receivedAt)}</>,
      reported: <>Occurred {formatInstant(conflict.occurredAt)}</>,
    },
    { label: 'Status', recorded: STATUS_LABEL[payment.status] ?? payment.status, reported: 'Not posted' },
    {
      label: 'Patient',
      recorded: payment.patient ? (
        <Link to={`/patients/${encodeURIComponent(payment.patient.id)}`}>
          {payment.patient.firstName} {payment.patient.lastName}
        </Link>
      ) : (
        <span className="muted">None yet</span>
      ),
      reported: <span className="muted">—</span>,
    },
    {
      label: 'Where',
      recorded: <span className="filename">{where(payment.report?.fileName, payment.location)}</span>,
      reported: <span className="filename">{where(conflict.report.fileName, conflict.location)}</span>,
    },
  ];

  return (
    <article className={conflict.resolvedAt ? 'card conflict conflict--resolved' : 'card conflict'} aria-labelledby={headingId}>
      <header className="conflict__header">
        <h3 id={headingId}>
          Transaction <code className="conflict__tx">{conflict.transactionId}</code>
        </h3>
        {conflict.resolvedAt ? <span className="badge badge--on">Resolved</span> : <span className="badge badge--danger">To resolve</span>}
      </header>
      <p className="muted small">
        Named again in <span className="filename">{conflict.report.fileName}</span> ({conflict.location}), found {formatInstant(conflict.createdAt)}.
        {conflict.originalTransactionId ? (
          <>
            {' '}
            It undoes transaction <code>{conflict.originalTransactionId}</code>.
          </>
        ) : null}
      </p>

      <div className="conflict__differences">
        <p className="conflict__differences-title" id={`${headingId}-differences`}>
          What differs
        </p>
        <ul aria-labelledby={`${headingId}-differences`}>
          {conflict.differences.map((difference) => (
            <li key={difference}>{difference}</li>
          ))}
        </ul>
      </div>

      <div className="compare-card">
        <table className="compare-table">
          <caption className="visually-hidden">Transaction {conflict.transactionId}: the recorded payment beside the report’s version</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">Recorded payment</th>
              <th scope="col">
                In the report <span className="muted small compare-table__file">{conflict.report.fileName}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.recorded}</td>
                <td>{row.reported}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {conflict.resolvedAt ? (
        <div className="conflict__resolution">
          <p className="conflict__resolved-by">
            Resolved{conflict.resolvedBy ? ` by ${conflict.resolvedBy.firstName} ${conflict.resolvedBy.lastName}` : ''} on {formatInstant(conflict.resolvedAt)}:
          </p>
          <p className="conflict__note">{conflict.resolutionNote ?? '—'}</p>
        </div>
      ) : (
        <ResolveForm conflict={conflict} onStart={onStart} onResolved={() => onResolved(conflict.transactionId)} />
      )}
    </article>
  );
}

function Amount({ value }: { value: { amountCents: number; formatted: string } }) {
  return <span className={value.amountCents < 0 ? 'tabular num--negative' : 'tabular'}>{value.formatted}</span>;
}

/** A value as the clearinghouse sent it, or a muted "Not given". */
function Sent({ value, mono = false }: { value: string | null | undefined; mono?: boolean }) {
  if (!value) return <span className="muted">Not given</span>;
  return mono ? <span className="tabular">{value}</span> : <>{value}</>;
}

interface ResolveFormProps {
  conflict: ConflictCard_ConflictFragment;
  onStart: () => void;
  onResolved: () => void;
}

function ResolveForm({ conflict, onStart, onResolved }: ResolveFormProps) {
  const ids = { note: useId(), help: useId(), error: useId() };
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const toRootBoundary = useRootErrorBoundary();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [resolve, { loading }] = useMutation(ResolvePaymentConflictDocument, {
    // The list (this one leaves it unless resolved ones show) and the tab's badge change.
    refetchQueries: [PaymentConflictsDocument, EbillingStatusDocument],
    awaitRefetchQueries: true,
  });

  const check = (text: string) => (text.trim() === '' ? NOTE_REQUIRED : text.trim().length > NOTE_MAX ? NOTE_TOO_LONG : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onStart();
    setFormError(null);
    const problem = check(note);
    setNoteError(problem);
    if (problem) {
      noteRef.current?.focus();
      return;
    }
    try {
      await resolve({ variables: { id: conflict.id, note: note.trim() } });
      onResolved();
    } catch (error) {
      if (isUnauthenticated(error)) {
        toRootBoundary(error);
        return;
      }
      const forNote = findGraphQLError(error, 'BAD_USER_INPUT', 'note');
      if (forNote) {
        setNoteError(forNote.message);
        noteRef.current?.focus();
      } else {
        setFormError(describeError(error));
      }
    }
  };

  return (
    <form className="conflict__form" onSubmit={(event) => void submit(event)} noValidate>
      {formError ? (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={ids.note}>What was done</label>
        <p id={ids.help} className="field__help">
          Required, for the record: what the clearinghouse said and what you changed, if anything.
        </p>
        <textarea
          id={ids.note}
          ref={noteRef}
          rows={3}
          value={note}
          required
          aria-invalid={noteError ? true : undefined}
          aria-describedby={[ids.help, noteError ? ids.error : null].filter(Boolean).join(' ')}
          onChange={(event) => {
            setNote(event.target.value);
            // Once flagged, the message follows the typing, so fixing it clears it.
            if (noteError) setNoteError(check(event.target.value));
          }}
        />
        {noteError ? (
          <p id={ids.error} className="field__error" role="alert">
            {noteError}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button--primary" disabled={loading}>
        {loading ? 'Resolving…' : 'Mark resolved'}
      </button>
    </form>
  );
}
