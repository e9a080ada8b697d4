// The eBilling Agent (fetches and processes reports on a schedule) and who is emailed when
// payments post. Admins edit; billing staff see the settings read-only (the API enforces it too).
import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { graphql } from '../../gql/gql.ts';
import type { EbillingPreferencesForm_PreferencesFragment } from '../../gql/graphql.ts';
import { describeError, findGraphQLError, isUnauthenticated } from '../../shared/errors.ts';

export const EbillingPreferencesForm_preferences = graphql(`
  fragment EbillingPreferencesForm_preferences on EbillingPreferences {
    agentEnabled
    agentIntervalMinutes
    notificationEmails
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

interface Values {
  agentEnabled: boolean;
  /** As typed: a number input's value is text until it is checked. */
  agentIntervalMinutes: string;
  notificationEmails: string;
}

const valuesFrom = (p: EbillingPreferencesForm_PreferencesFragment): Values => ({
  agentEnabled: p.agentEnabled,
  agentIntervalMinutes: String(p.agentIntervalMinutes),
  notificationEmails: p.notificationEmails.join('\n'),
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

interface EbillingPreferencesFormProps {
  preferences: EbillingPreferencesForm_PreferencesFragment;
  canEdit: boolean;
}

export function EbillingPreferencesForm({ preferences, canEdit }: EbillingPreferencesFormProps) {
  const ids = { interval: useId(), intervalHelp: useId(), intervalError: useId(), emails: useId(), emailsHelp: useId(), emailsError: useId(), agentHelp: useId() };
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
      const forInterval = findGraphQLError(error, 'BAD_USER_INPUT', 'agentIntervalMinutes');
      const forEmails = findGraphQLError(error, 'BAD_USER_INPUT', 'notificationEmails');
      if (forInterval) setError('agentIntervalMinutes', { type: 'server', message: forInterval.message }, { shouldFocus: true });
      if (forEmails) setError('notificationEmails', { type: 'server', message: forEmails.message }, { shouldFocus: !forInterval });
      if (!forInterval && !forEmails) setFormError(describeError(error));
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
