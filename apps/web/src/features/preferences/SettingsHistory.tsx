import { EmptyState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import type { Clearinghouse, SettingsHistory_SettingsFragment } from '../../gql/graphql.ts';
import { formatInstant } from '../../shared/dates.ts';

export const SettingsHistory_settings = graphql(`
  fragment SettingsHistory_settings on ClearinghouseSettings {
    history(first: 10) {
      version
      clearinghouse
      clearinghouseId
      onlinePaymentsEnabled
      changedAt
      changedBy {
        firstName
        lastName
      }
    }
  }
`);

interface SettingsHistoryProps {
  settings: SettingsHistory_SettingsFragment;
  names: Partial<Record<Clearinghouse, string>>;
}

export function SettingsHistory({ settings, names }: SettingsHistoryProps) {
  return (
    <section aria-labelledby="settings-history">
      <h2 id="settings-history">History</h2>
      {settings.history.length === 0 ? (
        <EmptyState>No changes yet.</EmptyState>
      ) : (
        <div className="card card--flush">
          <table className="data-table">
            <caption className="visually-hidden">Changes to the online payment settings, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Clearinghouse</th>
                <th scope="col">ID</th>
                <th scope="col">Online payments</th>
                <th scope="col">Changed by</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {settings.history.map((change) => (
                <tr key={change.version}>
                  <th scope="row" data-label="Version" className="tabular">
                    {change.version}
                  </th>
                  <td data-label="Clearinghouse">{change.clearinghouse ? (names[change.clearinghouse] ?? change.clearinghouse) : '—'}</td>
                  <td data-label="ID" className="tabular">
                    {change.clearinghouseId ?? '—'}
                  </td>
                  <td data-label="Online payments">{change.onlinePaymentsEnabled ? 'On' : 'Off'}</td>
                  <td data-label="Changed by">
                    {change.changedBy.firstName} {change.changedBy.lastName}
                  </td>
                  <td data-label="When">{formatInstant(change.changedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
