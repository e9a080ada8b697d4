import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { forgetSession } from '../../app/session.ts';
import { graphql } from '../../gql/gql.ts';
import { describeError } from '../../shared/errors.ts';
import { usePageTitle } from '../../shared/usePageTitle.ts';
import { postMutation } from './signIn.ts';

export const SignInDocument = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      id
      firstName
      lastName
      role
    }
  }
`);

interface SignInValues {
  email: string;
  password: string;
}
type SignInErrors = Partial<Record<keyof SignInValues, string>>;

function validate({ email, password }: SignInValues): SignInErrors {
  const errors: SignInErrors = {};
  if (!email) errors.email = 'Enter your email address.';
  else if (!/^\S+@\S+$/.test(email)) errors.email = 'Enter an email address like name@example.com.';
  if (!password) errors.password = 'Enter your password.';
  return errors;
}

function valuesOf(form: HTMLFormElement): SignInValues {
  const data = new FormData(form);
  const text = (name: keyof SignInValues) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  return { email: text('email'), password: text('password') };
}

// Two fields, checked by hand rather than with react-hook-form (as the other forms are): the page
// everyone sees first stays the smallest, 12 KB (brotli) lighter. It behaves as those forms do:
// checked on submit, then again as the user types, the first wrong field focused; the values are
// read from the form at submit, so a password manager's autofill is always seen.
export function SignInPage() {
  usePageTitle('Sign in');
  const navigate = useNavigate();
  const [serverError, setServerError] = useState<string | null>(null);
  const [errors, setErrors] = useState<SignInErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { email, password } = valuesOf(event.currentTarget);
    const found = validate({ email, password });
    setSubmitted(true);
    setErrors(found);
    if (found.email || found.password) {
      (found.email ? emailInput : passwordInput).current?.focus();
      return;
    }
    setServerError(null);
    setSubmitting(true);
    try {
      await postMutation(SignInDocument, { email: email.trim(), password });
    } catch (error) {
      // "Wrong email or password." or too many attempts: the server's words, as they are.
      setServerError(describeError(error));
      setSubmitting(false);
      return;
    }
    // Start clean: nothing cached from before (a session signed out in this tab) belongs to this user.
    await forgetSession();
    await navigate('/', { replace: true });
  };

  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <p className="sign-in__brand">
          <span className="logo" aria-hidden="true">
            K
          </span>
          Kinpay
        </p>
        <h1>Sign in</h1>
        <p className="muted">Parents: see and pay your children’s balances. Practice staff: manage billing.</p>
        {serverError ? (
          <div className="notice notice--error" role="alert">
            {serverError}
          </div>
        ) : null}
        <form
          onSubmit={(event) => void onSubmit(event)}
          onChange={(event) => {
            if (submitted) setErrors(validate(valuesOf(event.currentTarget)));
          }}
          noValidate
        >
          <div className="field">
            <label htmlFor="sign-in-email">Email</label>
            <input
              id="sign-in-email"
              type="email"
              autoComplete="username"
              inputMode="email"
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? 'sign-in-email-error' : undefined}
              name="email"
              ref={emailInput}
            />
            {errors.email ? (
              <p id="sign-in-email-error" className="field__error">
                {errors.email}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="sign-in-password">Password</label>
            <input
              id="sign-in-password"
              type="password"
              autoComplete="current-password"
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? 'sign-in-password-error' : undefined}
              name="password"
              ref={passwordInput}
            />
            {errors.password ? (
              <p id="sign-in-password-error" className="field__error">
                {errors.password}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
            Sign in
          </button>
        </form>
      </div>
    </main>
  );
}
