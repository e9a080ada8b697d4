// The fields of a MutationForm. Each takes what `register` returned for it, finds its own message
// (the form's check or the server's), and wires it up: the help and the message describe the
// control, and a flagged control is aria-invalid.
import { useId, type ReactNode } from 'react';
import { useFormContext, useFormState, type UseFormRegisterReturn } from 'react-hook-form';

/** Ids and ARIA for one field, from its registration's name. */
function useFieldMessage(name: string, hasHelp: boolean) {
  const ids = { control: useId(), help: useId(), error: useId() };
  const { control, getFieldState } = useFormContext();
  const error = getFieldState(name, useFormState({ control, name })).error?.message;
  const describedBy = [hasHelp ? ids.help : null, error ? ids.error : null].filter(Boolean).join(' ');
  return {
    ids,
    error,
    aria: { 'aria-invalid': error ? (true as const) : undefined, 'aria-describedby': describedBy || undefined },
  };
}

function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field__error" role="alert">
      {message}
    </p>
  ) : null;
}

/** What a field's control spreads onto itself: the registration, its id (for the label) and its ARIA. */
export type FieldControlProps = UseFormRegisterReturn & {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

interface FieldProps {
  registration: UseFormRegisterReturn;
  label: ReactNode;
  /** One line under the label, read as the control's description. */
  help?: ReactNode;
  /** e.g. "field--narrow" for a number. */
  className?: string;
  /** The control itself: an input or a textarea with `{...props}`. */
  children: (props: FieldControlProps) => ReactNode;
}

/** A labelled control with its help and its message: label, help, control, message. */
export function Field({ registration, label, help, className, children }: FieldProps) {
  const { ids, error, aria } = useFieldMessage(registration.name, help != null);
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={ids.control}>{label}</label>
      {help != null ? (
        <p id={ids.help} className="field__help">
          {help}
        </p>
      ) : null}
      {children({ ...registration, id: ids.control, ...aria })}
      <FieldMessage id={ids.error} message={error} />
    </div>
  );
}

interface CheckboxFieldProps {
  registration: UseFormRegisterReturn;
  label: ReactNode;
  help?: ReactNode;
  /** The help's look: a plain line by default, or e.g. a warning notice. */
  helpClassName?: string;
}

/** A checkbox inside its label, with its help and its message under it. */
export function CheckboxField({ registration, label, help, helpClassName = 'field__help' }: CheckboxFieldProps) {
  const { ids, error, aria } = useFieldMessage(registration.name, help != null);
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" {...aria} {...registration} />
        {label}
      </label>
      {help != null ? (
        <p id={ids.help} className={helpClassName}>
          {help}
        </p>
      ) : null}
      <FieldMessage id={ids.error} message={error} />
    </div>
  );
}

export interface RadioOption {
  value: string;
  label: ReactNode;
  disabled?: boolean;
  /** e.g. "radio radio--unavailable"; "radio" by default. */
  className?: string;
}

interface RadioGroupFieldProps {
  registration: UseFormRegisterReturn;
  legend: ReactNode;
  options: readonly RadioOption[];
}

/** One choice among radios, in a fieldset named by its legend, with the message under them. */
export function RadioGroupField({ registration, legend, options }: RadioGroupFieldProps) {
  const { ids, error, aria } = useFieldMessage(registration.name, false);
  return (
    <fieldset className="field radio-group" {...aria}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className={option.className ?? 'radio'}>
          <input type="radio" value={option.value} disabled={option.disabled} {...registration} />
          <span>{option.label}</span>
        </label>
      ))}
      <FieldMessage id={ids.error} message={error} />
    </fieldset>
  );
}
