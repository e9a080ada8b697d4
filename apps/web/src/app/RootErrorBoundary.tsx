// The one error boundary at the root of the routes: a signed-out session goes to sign-in, anything
// else becomes a readable message with a way to try again.
import { useApolloClient } from '@apollo/client/react';
import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useLocation, useNavigate, useRouteError } from 'react-router';
import { describeError, isUnauthenticated } from '../shared/errors.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';

export function RootErrorBoundary() {
  const error = useRouteError();
  if (isUnauthenticated(error)) return <RedirectToSignIn />;
  if (isRouteErrorResponse(error) && error.status === 404) return <PageNotFound />;
  return <SomethingWentWrong error={error} />;
}

function RedirectToSignIn() {
  const client = useApolloClient();
  const navigate = useNavigate();
  useEffect(() => {
    let active = true;
    // Whatever the previous session loaded must not show to whoever signs in next.
    void client
      .clearStore()
      .catch(() => undefined)
      .then(() => {
        if (active) void navigate('/sign-in', { replace: true });
      });
    return () => {
      active = false;
    };
  }, [client, navigate]);
  return (
    <main className="error-page">
      <p role="status">Your session has ended. Taking you to sign in…</p>
    </main>
  );
}

function PageNotFound() {
  usePageTitle('Page not found');
  return (
    <main className="error-page">
      <h1>Page not found</h1>
      <p>We couldn’t find that page.</p>
      <Link className="button" to="/">
        Go to the home page
      </Link>
    </main>
  );
}

function SomethingWentWrong({ error }: { error: unknown }) {
  const navigate = useNavigate();
  const location = useLocation();
  usePageTitle('Something went wrong');
  if (import.meta.env.DEV) console.error(error);
  return (
    <main className="error-page">
      <h1>Something went wrong</h1>
      <p role="alert">{describeError(error)}</p>
      <div className="actions">
        <button
          type="button"
          className="button"
          // A new navigation to the same address resets the boundary and renders the page again.
          onClick={() => void navigate(`${location.pathname}${location.search}`, { replace: true })}
        >
          Try again
        </button>
        <Link className="button button--secondary" to="/">
          Go to the home page
        </Link>
      </div>
    </main>
  );
}
