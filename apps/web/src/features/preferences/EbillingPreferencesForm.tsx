// Preferences → eBilling: the eBilling Agent (fetches and processes reports on a schedule), who is
// emailed when payments post, who the practice is as a payee (a report naming another payee is not
// posted), test mode, and where report files go on the server. Admins edit; billing staff see the
// settings read-only (the API enforces it too).
import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { graphql } from '../../gql/gql.ts';
import type { EbillingPreferencesForm_PreferencesFragment } from '../../gql/graphql.ts';
import { describeError, findGraphQLError, isUnauthenticated } from '../../shared/errors.ts';

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
  const ids = {
    interval: useId(),
    intervalHelp: useId(),
    intervalError: useId(),
    emails: useId(),
    emailsHelp: useId(),
    emailsError: useId(),
    agentHelp: useId(),
    testModeWarning: useId(),
    testModeError: useId(),
    dropFolders: useId(),
  };
  const [update] = useMutation(UpdateEbillingPreferencesDocument);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [fatal, setFatal] = useState<unknown>(null);
  if (fatal) throw fatal; // signed out meanwhile: the root error boundary sends the user to sign in

  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<Values>({ mode: 'onTouched', defaultValues: valuesFrom(preferences) });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    try {
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
      if (data) reset(valuesFrom(data.updateEbillingPreferences));
      setSaved(true);
    } catch (error) {
      if (isUnauthenticated(error)) {
        setFatal(error);
        return;
      }
      // Each message next to its field; the first of them gets the focus.
      const flagged = SERVER_FIELDS.map((field) => [field, findGraphQLError(error, 'BAD_USER_INPUT', field)] as const).filter(([, e]) => e);
      flagged.forEach(([field, e], i) => setError(field, { type: 'server', message: e!.message }, { shouldFocus: i === 0 }));
      if (flagged.length === 0) setFormError(describeError(error));
    }
  });

  const describedBy = (help: string, error: string, hasError: boolean) => [help, hasError ? error : null].filter(Boolean).join(' ');

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
      {formError ? (
        <div className="notice notice--error" role="alert">
          {formError}
        </div>
      ) : null}
      {preferences.testMode ? (
        <p className="notice notice--warning">
          <strong>Test mode is on.</strong> Files the sender marked as test data post to patients’ accounts.
        </p>
      ) : null}
      <fieldset className="form__fields" disabled={!canEdit}>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" aria-describedby={ids.agentHelp} {...register('agentEnabled')} />
            Fetch and process reports automatically
          </label>
          <p id={ids.agentHelp} className="field__help">
            The eBilling Agent does what Fetch and Process Reports does, on a schedule, and posts the payments it finds.
          </p>
        </div>

        <div className="field field--narrow">
          <label htmlFor={ids.interval}>Every (minutes)</label>
          <p id={ids.intervalHelp} className="field__help">
            From {MIN_INTERVAL} minutes to {MAX_INTERVAL.toLocaleString('en-US')} (once a day).
          </p>
          <input
            id={ids.interval}
            type="number"
            inputMode="numeric"
            min={MIN_INTERVAL}
            max={MAX_INTERVAL}
            step={1}
            aria-invalid={errors.agentIntervalMinutes ? true : undefined}
            aria-describedby={describedBy(ids.intervalHelp, ids.intervalError, Boolean(errors.agentIntervalMinutes))}
            {...register('agentIntervalMinutes', { validate: checkInterval })}
          />
          {errors.agentIntervalMinutes ? (
            <p id={ids.intervalError} className="field__error" role="alert">
              {errors.agentIntervalMinutes.message}
            </p>
          ) : null}
        </div>

        <div className="field">
          <label htmlFor={ids.emails}>Email these addresses when payments post</label>
          <p id={ids.emailsHelp} className="field__help">
            One address per line, or separated by commas. Leave empty to send no emails.
          </p>
          <textarea
            id={ids.emails}
            rows={4}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            aria-invalid={errors.notificationEmails ? true : undefined}
            aria-describedby={describedBy(ids.emailsHelp, ids.emailsError, Boolean(errors.notificationEmails))}
            {...register('notificationEmails')}
          />
          {errors.notificationEmails ? (
            <p id={ids.emailsError} className="field__error" role="alert">
              {errors.notificationEmails.message}
            </p>
          ) : null}
        </div>

        <h3 className="form__group-title">Payee checks</h3>
        <p className="muted small">Who the practice is in the clearinghouse’s files. Each is optional: empty means not checked.</p>
        <PayeeField
          label="Practice NPI"
          help={`10 digits. ${PAYEE_HELP}`}
          inputMode="numeric"
          error={errors.payeeNpi?.message}
          registration={register('payeeNpi', { validate: checkNpi })}
        />
        <PayeeField label="InstaMed merchant ID" help={PAYEE_HELP} error={errors.instamedMerchantId?.message} registration={register('instamedMerchantId')} />
        <PayeeField label="Waystar account name" help={PAYEE_HELP} error={errors.waystarAccountName?.message} registration={register('waystarAccountName')} />

        <h3 className="form__group-title">Test files</h3>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              aria-invalid={errors.testMode ? true : undefined}
              aria-describedby={describedBy(ids.testModeWarning, ids.testModeError, Boolean(errors.testMode))}
              {...register('testMode')}
            />
            Test mode: post files the sender marked as test data
          </label>
          <p id={ids.testModeWarning} className="notice notice--warning test-mode-warning">
            {TEST_MODE_WARNING}
          </p>
          {errors.testMode ? (
            <p id={ids.testModeError} className="field__error" role="alert">
              {errors.testMode.message}
            </p>
          ) : null}
        </div>

        <h3 className="form__group-title" id={ids.dropFolders}>
          Drop folders
        </h3>
        <p className="field__help">Put report files here on the server: Fetch and Process Reports and the Agent pick them up.</p>
        {preferences.dropFolders.length > 0 ? (
          <ul className="drop-folders" aria-labelledby={ids.dropFolders}>
            {preferences.dropFolders.map((folder) => (
              <li key={folder}>
                <code>{folder}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None yet: a drop folder comes with the practice’s clearinghouse ID, under Configure Online Payments.</p>
        )}

        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            Save eBilling preferences
          </button>
          <p className="form__status" role="status">
            {saved && !isDirty ? 'Saved.' : ''}
          </p>
        </div>
      </fieldset>
    </form>
  );
}

interface PayeeFieldProps {
  label: string;
  help: string;
  error: string | undefined;
  registration: UseFormRegisterReturn;
  inputMode?: 'numeric' | 'text';
}

/** One optional payee identifier: label, one line of help, the server's or the form's message. */
function PayeeField({ label, help, error, registration, inputMode = 'text' }: PayeeFieldProps) {
  const ids = { input: useId(), help: useId(), error: useId() };
  return (
    <div className="field field--medium">
      <label htmlFor={ids.input}>{label}</label>
      <p id={ids.help} className="field__help">
        {help}
      </p>
      <input
        id={ids.input}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={[ids.help, error ? ids.error : null].filter(Boolean).join(' ')}
        {...registration}
      />
      {error ? (
        <p id={ids.error} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
