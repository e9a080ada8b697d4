// Preferences → eBilling: the eBilling Agent (fetches and processes reports on a schedule), who is
// emailed when payments post, who the practice is as a payee (a report naming another payee is not
// posted), test mode, and where report files go on the server. Admins edit; billing staff see the
// settings read-only (the API enforces it too).
import { useMutation } from '@apollo/client/react';
import { useId } from 'react';
import { CheckboxField, Field } from '../../components/FormFields.tsx';
import { MutationForm, useMutationForm } from '../../components/MutationForm.tsx';
import { graphql } from '../../gql/gql.ts';
import type { EbillingPreferencesForm_PreferencesFragment } from '../../gql/graphql.ts';

export const EbillingPreferencesForm_preferences = graphql(`
  fragment EbillingPreferencesForm_preferences on EbillingPreferences {
    agentEnabled
    agentIntervalMinutes
    notificationEmails
    payeeNpi
    instamedMerchantId
    waystarAccountName
    testMode
    dropFolders
  }
`);

export const UpdateEbillingPreferencesDocument = graphql(`
  mutation UpdateEbillingPreferences($input: EbillingPreferencesInput!) {
    updateEbillingPreferences(input: $input) {
      ...EbillingPreferencesForm_preferences
    }
  }
`);

export const MIN_INTERVAL = 5;
export const MAX_INTERVAL = 1440;
/** The server's own words for the same rule. */
export const INTERVAL_MESSAGE = 'The Agent runs every 5 to 1,440 minutes (24 hours).';
export const NPI_MESSAGE = 'An NPI is 10 digits, like 1234567893. Leave it empty not to check it.';
export const PAYEE_HELP = 'When set, a file naming another payee is not posted.';
export const TEST_MODE_WARNING =
  'When on, test files post real balances: their payments and refunds change patients’ accounts like any other file’s. Keep test mode off in production.';

interface Values {
  agentEnabled: boolean;
  /** As typed: a number input's value is text until it is checked. */
  agentIntervalMinutes: string;
  notificationEmails: string;
  payeeNpi: string;
  instamedMerchantId: string;
  waystarAccountName: string;
  testMode: boolean;
}

/** The fields the server may name in a BAD_USER_INPUT error's extensions.field, in the form's order. */
const SERVER_FIELDS = ['agentIntervalMinutes', 'notificationEmails', 'payeeNpi', 'instamedMerchantId', 'waystarAccountName', 'testMode'] as const;

const valuesFrom = (p: EbillingPreferencesForm_PreferencesFragment): Values => ({
  agentEnabled: p.agentEnabled,
  agentIntervalMinutes: String(p.agentIntervalMinutes),
  notificationEmails: p.notificationEmails.join('\n'),
  payeeNpi: p.payeeNpi ?? '',
  instamedMerchantId: p.instamedMerchantId ?? '',
  waystarAccountName: p.waystarAccountName ?? '',
  testMode: p.testMode,
});

/** One address per line, or separated by commas or semicolons. */
export const splitEmails = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);

function checkInterval(value: string): true | string {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return INTERVAL_MESSAGE;
  const minutes = Number(trimmed);
  return minutes >= MIN_INTERVAL && minutes <= MAX_INTERVAL ? true : INTERVAL_MESSAGE;
}

/** Empty (not checked) or 10 digits; the server also checks the NPI's check digit. */
const checkNpi = (value: string): true | string => (value.trim() === '' || /^\d{10}$/.test(value.trim()) ? true : NPI_MESSAGE);

/** Empty means "not checked": sent as null. */
const optional = (value: string) => value.trim() || null;

interface EbillingPreferencesFormProps {
  preferences: EbillingPreferencesForm_PreferencesFragment;
  canEdit: boolean;
}

export function EbillingPreferencesForm({ preferences, canEdit }: EbillingPreferencesFormProps) {
  const dropFoldersId = useId();
  const [update] = useMutation(UpdateEbillingPreferencesDocument);
  const ebilling = useMutationForm<Values>({
    defaultValues: valuesFrom(preferences),
    serverFields: SERVER_FIELDS,
    save: async (values) => {
      const { data } = await update({
        variables: {
          input: {
            agentEnabled: values.agentEnabled,
            agentIntervalMinutes: Number(values.agentIntervalMinutes.trim()),
            notificationEmails: splitEmails(values.notificationEmails),
            payeeNpi: optional(values.payeeNpi),
            instamedMerchantId: optional(values.instamedMerchantId),
            waystarAccountName: optional(values.waystarAccountName),
            testMode: values.testMode,
          },
        },
      });
      return data ? valuesFrom(data.updateEbillingPreferences) : undefined;
    },
  });
  const { register } = ebilling.form;

  return (
    <MutationForm form={ebilling} submitLabel="Save eBilling preferences" readOnly={!canEdit}>
      {preferences.testMode ? (
        <p className="notice notice--warning">
          <strong>Test mode is on.</strong> Files the sender marked as test data post to patients’ accounts.
        </p>
      ) : null}
      <CheckboxField
        label="Fetch and process reports automatically"
        help="The eBilling Agent does what Fetch and Process Reports does, on a schedule, and posts the payments it finds."
        registration={register('agentEnabled')}
      />
      <Field
        className="field--narrow"
        label="Every (minutes)"
        help={`From ${MIN_INTERVAL} minutes to ${MAX_INTERVAL.toLocaleString('en-US')} (once a day).`}
        registration={register('agentIntervalMinutes', { validate: checkInterval })}
      >
        {(props) => <input type="number" inputMode="numeric" min={MIN_INTERVAL} max={MAX_INTERVAL} step={1} {...props} />}
      </Field>
      <Field
        label="Email these addresses when payments post"
        help="One address per line, or separated by commas. Leave empty to send no emails."
        registration={register('notificationEmails')}
      >
        {(props) => <textarea rows={4} autoComplete="off" spellCheck={false} autoCapitalize="off" {...props} />}
      </Field>

      <h3 className="form__group-title">Payee checks</h3>
      <p className="muted small">Who the practice is in the clearinghouse’s files. Each is optional: empty means not checked.</p>
      <Field className="field--medium" label="Practice NPI" help={`10 digits. ${PAYEE_HELP}`} registration={register('payeeNpi', { validate: checkNpi })}>
        {(props) => <input type="text" inputMode="numeric" autoComplete="off" spellCheck={false} {...props} />}
      </Field>
      <Field className="field--medium" label="InstaMed merchant ID" help={PAYEE_HELP} registration={register('instamedMerchantId')}>
        {(props) => <input type="text" autoComplete="off" spellCheck={false} {...props} />}
      </Field>
      <Field className="field--medium" label="Waystar account name" help={PAYEE_HELP} registration={register('waystarAccountName')}>
        {(props) => <input type="text" autoComplete="off" spellCheck={false} {...props} />}
      </Field>

      <h3 className="form__group-title">Test files</h3>
      <CheckboxField
        label="Test mode: post files the sender marked as test data"
        help={TEST_MODE_WARNING}
        helpClassName="notice notice--warning test-mode-warning"
        registration={register('testMode')}
      />

      <h3 className="form__group-title" id={dropFoldersId}>
        Drop folders
      </h3>
      <p className="field__help">Put report files here on the server: Fetch and Process Reports and the Agent pick them up.</p>
      {preferences.dropFolders.length > 0 ? (
        <ul className="drop-folders" aria-labelledby={dropFoldersId}>
          {preferences.dropFolders.map((folder) => (
            <li key={folder}>
              <code>{folder}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None yet: a drop folder comes with the practice’s clearinghouse ID, under Configure Online Payments.</p>
      )}
    </MutationForm>
  );
}
