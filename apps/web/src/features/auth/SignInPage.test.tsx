import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerSessionStore } from '../../app/session.ts';
import { GENERIC_MESSAGE, NETWORK_MESSAGE } from '../../shared/errors.ts';
import { graphQLError } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { SignInPage } from './SignInPage.tsx';

const credentials = { email: 'parent.rivera@demo.kinpay.test', password: 'Demo-Pass-2026!' };
const GRAPHQL_RESPONSE = { 'content-type': 'application/graphql-response+json; charset=utf-8' };

/** The API's answer to the sign-in POST (the page posts it itself: it loads no Apollo Client). */
function answer(body: string | object, init: ResponseInit = { headers: GRAPHQL_RESPONSE }) {
  const fetch = vi.fn(() => Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), init)));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderSignIn() {
  return renderWithProviders({ at: '/sign-in', element: <SignInPage />, extraRoutes: [{ path: '/', element: <h1>Home</h1> }] });
}

async function fillAndSubmit(user: ReturnType<typeof renderSignIn>['user']) {
  await user.type(screen.getByLabelText('Email'), credentials.email);
  await user.type(screen.getByLabelText('Password'), credentials.password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

afterEach(() => vi.unstubAllGlobals());

describe('SignInPage', () => {
  it('shows the server’s message when the email or password is wrong', async () => {
    answer({ data: null, errors: [graphQLError('Wrong email or password.', 'BAD_USER_INPUT')] });
    const { user, router } = renderSignIn();
    await fillAndSubmit(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('shows the server’s message after too many attempts', async () => {
    const message = 'Too many sign-in attempts. Please wait 15 minutes and try again.';
    answer({ data: null, errors: [graphQLError(message, 'TOO_MANY_REQUESTS')] });
    const { user } = renderSignIn();
    await fillAndSubmit(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
  });

  it('says the connection failed when the API cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const { user } = renderSignIn();
    await fillAndSubmit(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(NETWORK_MESSAGE);
  });

  it('apologises for a server error without showing what the server said', async () => {
    answer('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
    const { user } = renderSignIn();
    await fillAndSubmit(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(GENERIC_MESSAGE);
  });

  it('posts the SignIn mutation, as Apollo Client would, and goes to / after signing in', async () => {
    const fetch = answer({ data: { signIn: { __typename: 'User', id: 'u1', firstName: 'Rosa', lastName: 'Rivera', role: 'PARENT' } } });
    const { user, router } = renderSignIn();
    await user.type(screen.getByLabelText('Email'), `  ${credentials.email} `);
    await user.type(screen.getByLabelText('Password'), credentials.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Home' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');

    expect(fetch).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(init.headers).toMatchObject({ 'content-type': 'application/json' });
    const body = JSON.parse(init.body as string);
    expect(body.operationName).toBe('SignIn');
    expect(body.variables).toEqual(credentials); // the email trimmed
    expect(body.query).toMatch(/^mutation SignIn\(\$email: String!, \$password: String!\) \{\n {2}signIn\(email: \$email, password: \$password\) \{/);
    expect(body.query).toContain('__typename');
  });

  it('forgets what a session signed out in this tab loaded before going on', async () => {
    answer({ data: { signIn: { __typename: 'User', id: 'u2', firstName: 'Wei', lastName: 'Chen', role: 'PARENT' } } });
    const forget = vi.fn(() => Promise.resolve());
    registerSessionStore(forget);
    const { user } = renderSignIn();
    await fillAndSubmit(user);
    expect(await screen.findByRole('heading', { name: 'Home' })).toBeInTheDocument();
    expect(forget).toHaveBeenCalledOnce();
  });

  it('asks for both fields before calling the server', async () => {
    const fetch = answer({ data: null });
    const { user } = renderSignIn();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('focuses the first field to fix, and checks again as the user types', async () => {
    answer({ data: null });
    const { user } = renderSignIn();
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
