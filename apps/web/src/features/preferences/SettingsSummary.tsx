import { ExternalIcon } from '../../components/Icons.tsx';
import { graphql } from '../../gql/gql.ts';
import type { SettingsSummary_SettingsFragment } from '../../gql/graphql.ts';
import { formatInstant } from '../../shared/dates.ts';

export const SettingsSummary_settings = graphql(`
  fragment SettingsSummary_settings on ClearinghouseSettings {
    payNowUrlPreview
    sandbox
    updatedAt
    updatedBy {
      firstName
      lastName
    }
  }
`);

export function SettingsSummary({ settings }: { settings: SettingsSummary_SettingsFragment }) {
  return (
    <section className="card" aria-labelledby="pay-now-preview">
      <h2 id="pay-now-preview">Pay Now link</h2>
      {settings.payNowUrlPreview ? (
        <>
          <p>Parents with a balance due get this link:</p>
          <p className="preview-link">
            <a href={settings.payNowUrlPreview} target="_blank" rel="noopener noreferrer">
              {settings.payNowUrlPreview}
              <ExternalIcon />
            </a>
          </p>
          {settings.sandbox ? <p className="muted small">This is the clearinghouse sandbox: no real money moves.</p> : null}
        </>
      ) : (
        <p>Parents don’t see a Pay Now link: online payments are off or not set up.</p>
      )}
      {settings.updatedAt && settings.updatedBy ? (
        <p className="muted small">
          Last changed by {settings.updatedBy.firstName} {settings.updatedBy.lastName} on {formatInstant(settings.updatedAt)}
        </p>
      ) : (
        <p className="muted small">Not changed yet.</p>
      )}
    </section>
  );
}
