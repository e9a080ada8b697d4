import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { graphql } from '../../gql/gql.ts';
import type { Clearinghouse, PreferencesForm_OptionFragment, PreferencesForm_SettingsFragment } from '../../gql/graphql.ts';
import { describeError, findGraphQLError, isUnauthenticated } from '../../shared/errors.ts';
import { checkClearinghouseId } from './clearinghouseId.ts';

export const PreferencesForm_settings = graphql(`
  fragment PreferencesForm_settings on ClearinghouseSettings {
    clearinghouse
    clearinghouseId
    onlinePaymentsEnabled
  }
`);

export const PreferencesForm_option = graphql(`
  fragment PreferencesForm_option on ClearinghouseOption {
    clearinghouse
    name
    idLabel
    idHelp
    idExample
    available
  }
`);

export const UpdateClearinghouseSettingsDocument = graphql(`
  mutation UpdateClearinghouseSettings($input: UpdateClearinghouseSettingsInput!) {
    updateClearinghouseSettings(input: $input) {
      ...PreferencesForm_settings
      ...SettingsSummary_settings
      ...SettingsHistory_settings
    }
  }
`);

interface PreferencesValues {
  clearinghouse: Clearinghouse | '';
  clearinghouseId: string;
  onlinePaymentsEnabled: boolean;
}

interface PreferencesFormProps {
  settings: PreferencesForm_SettingsFragment;
  options: readonly PreferencesForm_OptionFragment[];
  /** Billing staff see the settings; only admins change them (the API enforces it too). */
  canEdit: boolean;
}

function valuesFrom(settings: PreferencesForm_SettingsFragment, options: readonly PreferencesForm_OptionFragment[]): PreferencesValues {
  return {
    clearinghouse: settings.clearinghouse ?? options.find((o) => o.available)?.clearinghouse ?? '',
    clearinghouseId: settings.clearinghouseId ?? '',
    onlinePaymentsEnabled: settings.onlinePaymentsEnabled,
  };
}

export function PreferencesForm({ settings, options, canEdit }: PreferencesFormProps) {
  const ids = { id: useId(), help: useId(), idError: useId(), chError: useId(), enabledHelp: useId() };
  const [update] = useMutation(UpdateClearinghouseSettingsDocument, { refetchQueries: ['PortalStatus'] });
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [fatal, setFatal] = useState<unknown>(null);
  if (fatal) throw fatal; // signed out meanwhile: the root error boundary sends the user to sign in

  const optionFor = (code: Clearinghouse | '') => options.find((o) => o.clearinghouse === code);
  const {
    register,
    handleSubmit,
    control,
    reset,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<PreferencesValues>({ mode: 'onTouched', defaultValues: valuesFrom(settings, options) });
  const chosen = optionFor(useWatch({ control, name: 'clearinghouse' }));
  const idLabel = chosen ? `${chosen.name} ${chosen.idLabel}` : 'Clearinghouse ID';

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    if (!values.clearinghouse) {
      setError('clearinghouse', { type: 'required', message: 'Choose a clearinghouse.' });
      return;
    }
    try {
      const { data } = await update({
        variables: {
          input: {
            clearinghouse: values.clearinghouse,
            clearinghouseId: values.clearinghouseId.trim() || null,
            onlinePaymentsEnabled: values.onlinePaymentsEnabled,
          },
        },
      });
      if (data) reset(valuesFrom(data.updateClearinghouseSettings, options));
      setSaved(true);
    } catch (error) {
      if (isUnauthenticated(error)) {
        setFatal(error);
        return;
      }
      const forId = findGraphQLError(error, 'BAD_USER_INPUT', 'clearinghouseId');
      const forClearinghouse = findGraphQLError(error, 'BAD_USER_INPUT', 'clearinghouse');
      if (forId) setError('clearinghouseId', { type: 'server', message: forId.message }, { shouldFocus: true });
      else if (forClearinghouse) setError('clearinghouse', { type: 'server', message: forClearinghouse.message });
      else setFormError(describeError(error));
    }
  });

  const idDescribedBy = [ids.help, errors.clearinghouseId ? ids.idError : null].filter(Boolean).join(' ');

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
      {formError ? (
        <div className="notice notice--error" role="alert">
          {formError}
        </div>
      ) : null}
      <fieldset className="form__fields" disabled={!canEdit}>
        <fieldset
          className="field radio-group"
          aria-invalid={errors.clearinghouse ? true : undefined}
          aria-describedby={errors.clearinghouse ? ids.chError : undefined}
        >
          <legend>Clearinghouse</legend>
          {options.map((option) => (
            <label key={option.clearinghouse} className={option.available ? 'radio' : 'radio radio--unavailable'}>
              <input type="radio" value={option.clearinghouse} disabled={!option.available} {...register('clearinghouse', { deps: ['clearinghouseId'] })} />
              <span>
                {option.name}
                {option.available ? null : <span className="radio__note"> — not available: not set up on this server yet</span>}
              </span>
            </label>
          ))}
          {errors.clearinghouse ? (
            <p id={ids.chError} className="field__error" role="alert">
              {errors.clearinghouse.message}
            </p>
          ) : null}
        </fieldset>

        <div className="field">
          <label htmlFor={ids.id}>{idLabel}</label>
          <p id={ids.help} className="field__help">
            {chosen ? (
              <>
                {chosen.idHelp} For example: <code>{chosen.idExample}</code>
              </>
            ) : (
              'Choose a clearinghouse first.'
            )}
          </p>
          <input
            id={ids.id}
            type="text"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            aria-invalid={errors.clearinghouseId ? true : undefined}
            aria-describedby={idDescribedBy}
            {...register('clearinghouseId', {
              validate: (value, values) => checkClearinghouseId(values.clearinghouse, value, values.onlinePaymentsEnabled, optionFor(values.clearinghouse)),
            })}
          />
          {errors.clearinghouseId ? (
            <p id={ids.idError} className="field__error" role="alert">
              {errors.clearinghouseId.message}
            </p>
          ) : null}
        </div>

        <div className="field">
          <label className="checkbox">
            <input type="checkbox" aria-describedby={ids.enabledHelp} {...register('onlinePaymentsEnabled', { deps: ['clearinghouseId'] })} />
            Accept online payments
          </label>
          <p id={ids.enabledHelp} className="field__help">
            When on, parents see a Pay Now button for any balance due. Turn it off and save to stop.
          </p>
        </div>

        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            Save
          </button>
          <p className="form__status" role="status">
            {saved && !isDirty ? 'Saved.' : ''}
          </p>
        </div>
      </fieldset>
    </form>
  );
}
