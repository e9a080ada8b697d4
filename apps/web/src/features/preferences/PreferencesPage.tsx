import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import type { Clearinghouse, PreferencesPageQuery } from '../../gql/graphql.ts';
import { formatInstant } from '../../shared/dates.ts';
import { usePageTitle } from '../../shared/usePageTitle.ts';
import { EbillingPreferencesForm } from './EbillingPreferencesForm.tsx';
import { PreferencesForm } from './PreferencesForm.tsx';
import { SettingsHistory } from './SettingsHistory.tsx';
import { SettingsSummary } from './SettingsSummary.tsx';

export const PreferencesPageDocument = graphql(`
  query PreferencesPage {
    me {
      id
      role
    }
    clearinghouseOptions {
      ...PreferencesForm_option
    }
    clearinghouseSettings {
      ...PreferencesForm_settings
      ...SettingsSummary_settings
      ...SettingsHistory_settings
    }
    ebillingPreferences {
      ...EbillingPreferencesForm_preferences
    }
    ebillingStatus {
      agentLastRunAt
    }
  }
`);

export const READ_ONLY_NOTE = 'Only practice administrators can change these settings.';

export function PreferencesPage() {
  usePageTitle('Preferences');
  const { data, error, refetch } = useQuery(PreferencesPageDocument, { fetchPolicy: 'cache-and-network' });

  return (
    <>
      <p className="back-link">
        <Link to="/online-patient-services">← Online Patient Services</Link>
      </p>
      <h1>Preferences</h1>
      {data ? (
        <Preferences data={data} />
      ) : error ? (
        <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t load the preferences." />
      ) : (
        <LoadingState>Loading preferences…</LoadingState>
      )}
    </>
  );
}

function Preferences({ data }: { data: PreferencesPageQuery }) {
  const canEdit = data.me?.role === 'ADMIN';
  const names: Partial<Record<Clearinghouse, string>> = Object.fromEntries(data.clearinghouseOptions.map((o) => [o.clearinghouse, o.name]));
  return (
    <>
      {canEdit ? null : <p className="notice notice--info">{READ_ONLY_NOTE}</p>}
      <section className="card" aria-labelledby="configure-online-payments">
        <h2 id="configure-online-payments">Configure Online Payments</h2>
        {data.clearinghouseOptions.length === 0 ? (
          <EmptyState>No clearinghouses are available on this server.</EmptyState>
        ) : (
          <PreferencesForm settings={data.clearinghouseSettings} options={data.clearinghouseOptions} canEdit={canEdit} />
        )}
      </section>
      <SettingsSummary settings={data.clearinghouseSettings} />
      <SettingsHistory settings={data.clearinghouseSettings} names={names} />
      {/* "Preferences → eBilling": the server's messages about refused reports send staff here by that name. */}
      <section className="card" aria-labelledby="ebilling-preferences">
        <h2 id="ebilling-preferences">eBilling</h2>
        <p className="muted small">
          {data.ebillingStatus.agentLastRunAt ? `Agent last ran ${formatInstant(data.ebillingStatus.agentLastRunAt)}.` : 'The Agent has not run yet.'}
        </p>
        <EbillingPreferencesForm preferences={data.ebillingPreferences} canEdit={canEdit} />
      </section>
    </>
  );
}
