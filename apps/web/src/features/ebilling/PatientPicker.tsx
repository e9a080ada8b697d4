// Find a patient of the practice by name or account number, and choose one.
import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import type { PatientPickerQuery } from '../../gql/graphql.ts';
import { formatCalendarDate } from '../../shared/dates.ts';
import { useDebouncedValue } from '../../shared/useDebouncedValue.ts';

export const PICKER_SIZE = 10;

export const PatientPickerDocument = graphql(`
  query PatientPicker($search: String!) {
    patients(search: $search, first: 10) {
      totalCount
      edges {
        node {
          id
          firstName
          lastName
          dateOfBirth
          accountNumber
        }
      }
    }
  }
`);

export type PickedPatient = PatientPickerQuery['patients']['edges'][number]['node'];

interface PatientPickerProps {
  /** Called with the patient whose button ("Post to …" by default) was pressed. */
  onPick: (patient: PickedPatient) => void;
  /** The words on each patient's button (default "Post to Mateo Rivera"). */
  actionLabel?: (patient: PickedPatient) => string;
  /** While the choice is being saved, the buttons wait. */
  busy: boolean;
  /** Help under the search box, e.g. what the clearinghouse sent. */
  hint?: string;
}

const postTo = (patient: PickedPatient) => `Post to ${patient.firstName} ${patient.lastName}`;

export function PatientPicker({ onPick, actionLabel = postTo, busy, hint }: PatientPickerProps) {
  const inputId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const search = useDebouncedValue(text.trim(), 250);
  const { data, previousData, error, loading, refetch } = useQuery(PatientPickerDocument, {
    variables: { search },
    skip: search === '',
  });
  const shown = search === '' ? undefined : (data ?? (loading ? previousData : undefined));

  return (
    <div className="patient-picker">
      <div className="field">
        <label htmlFor={inputId}>Find patient</label>
        {hint ? (
          <p id={hintId} className="field__help">
            {hint}
          </p>
        ) : null}
        <input
          id={inputId}
          type="search"
          value={text}
          placeholder="Name or account number"
          autoComplete="off"
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => setText(event.target.value)}
          // The panel opens for searching: start there.
          autoFocus
        />
      </div>
      {search === '' ? null : shown ? (
        <Results data={shown} search={search} onPick={onPick} actionLabel={actionLabel} busy={busy} />
      ) : error ? (
        <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t search the patients." />
      ) : (
        <LoadingState>Searching…</LoadingState>
      )}
    </div>
  );
}

interface ResultsProps {
  data: PatientPickerQuery;
  search: string;
  onPick: PatientPickerProps['onPick'];
  actionLabel: (patient: PickedPatient) => string;
  busy: boolean;
}

function Results({ data, search, onPick, actionLabel, busy }: ResultsProps) {
  const { edges, totalCount } = data.patients;
  if (edges.length === 0) return <EmptyState>No patients match “{search}”.</EmptyState>;
  return (
    <>
      <ul className="picker-results" aria-label="Matching patients">
        {edges.map(({ node }) => (
          <li key={node.id} className="picker-result">
            <div className="picker-result__who">
              <span className="picker-result__name">
                {node.lastName}, {node.firstName}
              </span>
              <span className="muted small">
                Born {formatCalendarDate(node.dateOfBirth)} · Account <span className="tabular">{node.accountNumber}</span>
              </span>
            </div>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => onPick(node)}>
              {actionLabel(node)}
            </button>
          </li>
        ))}
      </ul>
      {totalCount > edges.length ? (
        <p className="muted small">
          Showing {edges.length} of {totalCount}. Type more of the name or the account number to narrow it down.
        </p>
      ) : null}
    </>
  );
}
