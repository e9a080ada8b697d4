import { useMutation } from '@apollo/client/react';
import { useWatch } from 'react-hook-form';
import { CheckboxField, Field, RadioGroupField } from '../../components/FormFields.tsx';
import { MutationForm, useMutationForm } from '../../components/MutationForm.tsx';
import { graphql } from '../../gql/gql.ts';
import type { Clearinghouse, PreferencesForm_OptionFragment, PreferencesForm_SettingsFragment } from '../../gql/graphql.ts';
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
  const [update] = useMutation(UpdateClearinghouseSettingsDocument, { refetchQueries: ['PortalStatus'] });
  const optionFor = (code: Clearinghouse | '') => options.find((o) => o.clearinghouse === code);
  const preferences = useMutationForm<PreferencesValues>({
    defaultValues: valuesFrom(settings, options),
    serverFields: ['clearinghouse', 'clearinghouseId'],
    save: async (values) => {
      const { data } = await update({
        variables: {
          input: {
            // Never empty here: the field is required.
            clearinghouse: values.clearinghouse as Clearinghouse,
            clearinghouseId: values.clearinghouseId.trim() || null,
            onlinePaymentsEnabled: values.onlinePaymentsEnabled,
          },
        },
      });
      return data ? valuesFrom(data.updateClearinghouseSettings, options) : undefined;
    },
  });
  const { register, control } = preferences.form;
  const chosen = optionFor(useWatch({ control, name: 'clearinghouse' }));

  return (
    <MutationForm form={preferences} submitLabel="Save" readOnly={!canEdit}>
      <RadioGroupField
        legend="Clearinghouse"
        registration={register('clearinghouse', { required: 'Choose a clearinghouse.', deps: ['clearinghouseId'] })}
        options={options.map((option) => ({
          value: option.clearinghouse,
          disabled: !option.available,
          className: option.available ? 'radio' : 'radio radio--unavailable',
          label: (
            <>
              {option.name}
              {option.available ? null : <span className="radio__note"> — not available: not set up on this server yet</span>}
            </>
          ),
        }))}
      />
      <Field
        label={chosen ? `${chosen.name} ${chosen.idLabel}` : 'Clearinghouse ID'}
        help={
          chosen ? (
            <>
              {chosen.idHelp} For example: <code>{chosen.idExample}</code>
            </>
          ) : (
            'Choose a clearinghouse first.'
          )
        }
        registration={register('clearinghouseId', {
          validate: (value, values) => checkClearinghouseId(values.clearinghouse, value, values.onlinePaymentsEnabled, optionFor(values.clearinghouse)),
        })}
      >
        {(props) => <input type="text" autoComplete="off" spellCheck={false} autoCapitalize="off" {...props} />}
      </Field>
      <CheckboxField
        label="Accept online payments"
        help="When on, parents see a Pay Now button for any balance due. Turn it off and save to stop."
        registration={register('onlinePaymentsEnabled', { deps: ['clearinghouseId'] })}
      />
    </MutationForm>
  );
}
