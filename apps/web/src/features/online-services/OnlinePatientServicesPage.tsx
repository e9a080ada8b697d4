import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { EmptyState, FailureState, LoadingState } from '../../components/QueryStates.tsx';
import { graphql } from '../../gql/gql.ts';
import type { OnlinePatientServicesQuery } from '../../gql/graphql.ts';
import { usePageTitle } from '../../shared/usePageTitle.ts';
import { ToolsMenu } from './ToolsMenu.tsx';

export const OnlinePatientServicesDocument = graphql(`
  query OnlinePatientServices {
    clearinghouseSettings {
      clearinghouse
      clearinghouseId
      onlinePaymentsEnabled
      sandbox
    }
    clearinghouseOptions {
      clearinghouse
      name
      idLabel
    }
  }
`);

const PREFERENCES = '/online-patient-services/preferences';

export function OnlinePatientServicesPage() {
  usePageTitle('Online Patient Services');
  const { data, error, refetch } = useQuery(OnlinePatientServicesDocument, { fetchPolicy: 'cache-and-network' });

  return (
    <>
      <div className="page-header">
        <h1>Online Patient Services</h1>
        <div className="toolbar" role="toolbar" aria-label="Online Patient Services">
          <ToolsMenu items={[{ label: 'Preferences', to: PREFERENCES }]} />
        </div>
      </div>
      <p className="muted">Let families pay their balances online through your clearinghouse’s secure payment page.</p>
      {data ? (
        <PaymentsStatus data={data} />
      ) : error ? (
        <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t load the online payment status." />
      ) : (
        <LoadingState>Loading online payment status…</LoadingState>
      )}
    </>
  );
}

function PaymentsStatus({ data }: { data: OnlinePatientServicesQuery }) {
  const settings = data.clearinghouseSettings;
  if (!settings.clearinghouse) {
    return (
      <EmptyState title="Online payments aren’t set up yet.">
        Choose a clearinghouse and enter the practice’s ID in <Link to={PREFERENCES}>Preferences</Link>.
      </EmptyState>
    );
  }
  const option = data.clearinghouseOptions.find((o) => o.clearinghouse === settings.clearinghouse);
  const name = option?.name ?? settings.clearinghouse;
  return (
    <section className="card" aria-labelledby="ops-status">
      <h2 id="ops-status">Online payments</h2>
      <dl className="facts facts--wide">
        <div>
          <dt>Status</dt>
          <dd>
            {settings.onlinePaymentsEnabled ? (
              <span className="badge badge--on">On — families see Pay Now</span>
            ) : (
              <span className="badge badge--off">Off</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Clearinghouse</dt>
          <dd>{name}</dd>
        </div>
        <div>
          <dt>{option ? `${option.name} ${option.idLabel}` : 'ID'}</dt>
          <dd className="tabular">{settings.clearinghouseId ?? 'Not entered'}</dd>
        </div>
      </dl>
      {settings.sandbox ? <p className="muted small">This clearinghouse is the sandbox: no real money moves.</p> : null}
    </section>
  );
}
