import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { graphQLError } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { SignInDocument, SignInPage } from './SignInPage.tsx';

const credentials = { email: 'parent.rivera@demo.kinpay.test', password: 'Demo-Pass-2026!' };

function renderSignIn(result: object) {
  return renderWithProviders({
    at: '/sign-in',
    element: <SignInPage />,
    extraRoutes: [{ path: '/', element: <h1>Home</h1> }],
    mocks: [{ request: { query: SignInDocument, variables: credentials }, result }],
  });
}

async function fillAndSubmit(user: ReturnType<typeof renderSignIn>['user']) {
  await user.type(screen.getByLabelText('Email'), credentials.email);
  await user.type(screen.getByLabelText('Password'), credentials.password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInPage', () => {
  it('shows the server’s message when the email or password is wrong', async () => {
    const { user, router } = renderSignIn({ errors: [graphQLError('Wrong email or password.', 'BAD_USER_INPUT')] });
    await fillAndSubmit(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('shows the server’s message after too many attempts', async () => {
    const message = 'Too many sign-in attempts. Please wait 15 minutes and try again.';
    const { user } = renderSignIn({ errors: [graphQLError(message, 'TOO_MANY_REQUESTS')] });
    await fillAndSubmit(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
  });

  it('goes to / after signing in', async () => {
    const { user, router } = renderSignIn({
      data: { signIn: { __typename: 'User', id: 'u1', firstName: 'Rosa', lastName: 'Rivera', role: 'PARENT' } },
    });
    await fillAndSubmit(user);
    expect(await screen.findByRole('heading', { name: 'Home' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('asks for both fields before calling the server', async () => {
    const { user } = renderSignIn({ data: null });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
  });

  it('focuses the first field to fix, and checks again as the user types', async () => {
    const { user } = renderSignIn({ data: null });
    await user.type(screen.getByLabelText('Password'), credentials.password);
    await user.type(screen.getByLabelText('Email'), 'rosa');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter an email address like name@example.com.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter an email address like name@example.com.');
    expect(screen.queryByText('Enter your password.')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Email'), '@example.com');
    expect(screen.queryByText('Enter an email address like name@example.com.')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
  });
});
