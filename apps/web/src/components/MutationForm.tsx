// The one way a form saves through a mutation: react-hook-form keeps the values and the checks
// made as the user types; this scaffold sends them, puts each BAD_USER_INPUT message next to the
// field its `extensions.field` names (the first of them focused), shows any other failure above the
// form, says "Saving…" on the button while the mutation runs and "Saved." in a polite live region
// once it is done, and hands a signed-out session to the root error boundary.
import { useState, type BaseSyntheticEvent, type ReactNode } from 'react';
import { FormProvider, useForm, useFormState, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { describeError, findGraphQLError, isUnauthenticated } from '../shared/errors.ts';
import { useRootErrorBoundary } from '../shared/useRootErrorBoundary.ts';

export interface MutationFormOptions<TValues extends FieldValues> {
  /** What the form shows first, usually from the query's data. */
  defaultValues: TValues;
  /**
   * Sends the values (runs the mutation), and resolves to the values the form shows once saved:
   * the server's, from its answer. Without an answer, the form keeps what was typed.
   */
  save: (values: TValues) => Promise<TValues | undefined>;
  /** The fields the server may name in a BAD_USER_INPUT error's `extensions.field`, in the form's order. */
  serverFields: readonly Path<TValues>[];
}

export interface MutationFormState<TValues extends FieldValues> {
  /** react-hook-form's form: `register` the fields with their checks, `control` for `useWatch`. */
  form: UseFormReturn<TValues, unknown, TValues>;
  /** Checks every field, then saves; for the form's submit event. */
  submit: (event?: BaseSyntheticEvent) => Promise<void>;
  /** A failure that names no field of the form, in words. */
  formError: string | null;
  /** The last save worked (the form shows "Saved." until the next change). */
  saved: boolean;
}

export function useMutationForm<TValues extends FieldValues>({ defaultValues, save, serverFields }: MutationFormOptions<TValues>): MutationFormState<TValues> {
  // Generic values are not assignable to react-hook-form's DeepPartial of themselves; they are complete here.
  const form = useForm<TValues, unknown, TValues>({ mode: 'onTouched', defaultValues: defaultValues as DefaultValues<TValues> });
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const toRootBoundary = useRootErrorBoundary();

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    try {
      const kept = await save(values);
      form.reset(kept ?? values);
      setSaved(true);
    } catch (error) {
      if (isUnauthenticated(error)) {
        toRootBoundary(error); // signed out meanwhile: the root error boundary sends the user to sign in
        return;
      }
      // Each message next to its field; the first of them gets the focus.
      const flagged = serverFields.flatMap((field) => {
        const fieldError = findGraphQLError(error, 'BAD_USER_INPUT', field);
        return fieldError ? [{ field, message: fieldError.message }] : [];
      });
      flagged.forEach(({ field, message }, i) => form.setError(field, { type: 'server', message }, { shouldFocus: i === 0 }));
      if (flagged.length === 0) setFormError(describeError(error));
    }
  });

  return { form, submit, formError, saved };
}

interface MutationFormProps<TValues extends FieldValues> {
  form: MutationFormState<TValues>;
  /** The button's words, e.g. "Save". */
  submitLabel: string;
  /** Shown read-only (billing staff see settings only admins change). */
  readOnly?: boolean;
  /** The fields (see FormFields.tsx), and any notes between them. */
  children: ReactNode;
}

/** The form around the fields: the failure above them, the button and "Saved." below. */
export function MutationForm<TValues extends FieldValues>({ form, submitLabel, readOnly = false, children }: MutationFormProps<TValues>) {
  const { isSubmitting, isDirty } = useFormState({ control: form.form.control });
  return (
    <FormProvider {...form.form}>
      <form className="form" onSubmit={(event) => void form.submit(event)} noValidate>
        {form.formError ? (
          <div className="notice notice--error" role="alert">
            {form.formError}
          </div>
        ) : null}
        <fieldset className="form__fields" disabled={readOnly}>
          {children}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={isSubmitting}>
              {isSubmitting ? 'Saving…' : submitLabel}
            </button>
            {/* Always in the page, so screen readers announce "Saved." when it appears. */}
            <p className="form__status" role="status">
              {form.saved && !isDirty ? 'Saved.' : ''}
            </p>
          </div>
        </fieldset>
      </form>
    </FormProvider>
  );
}
