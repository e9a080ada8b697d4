import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql/gql.ts';
import { describeError } from '../../shared/errors.ts';
import { usePageTitle } from '../../shared/usePageTitle.ts';

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

export function SignInPage() {
  usePageTitle('Sign in');
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signIn] = useMutation(SignInDocument);
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setServerError(null);
    try {
      await signIn({ variables: { email: email.trim(), password } });
    } catch (error) {
      // "Wrong email or password." or too many attempts: the server's words, as they are.
      setServerError(describeError(error));
      return;
    }
    // Start clean: nothing cached from before belongs to this user.
    await client.clearStore();
    await navigate('/', { replace: true });
  });

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
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <div className="field">
            <label htmlFor="sign-in-email">Email</label>
            <input
              id="sign-in-email"
              type="email"
              autoComplete="username"
              inputMode="email"
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? 'sign-in-email-error' : undefined}
              {...register('email', {
                required: 'Enter your email address.',
                pattern: { value: /^\S+@\S+$/, message: 'Enter an email address like name@example.com.' },
              })}
            />
            {errors.email ? (
              <p id="sign-in-email-error" className="field__error">
                {errors.email.message}
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
              {...register('password', { required: 'Enter your password.' })}
            />
            {errors.password ? (
              <p id="sign-in-password-error" className="field__error">
                {errors.password.message}
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
