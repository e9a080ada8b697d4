// The one error boundary at the root of the routes: a signed-out session goes to sign-in, anything
// else becomes a readable message with a way to try again.
import { useApolloClient } from '@apollo/client/react';
import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useLocation, useNavigate, useRouteError } from 'react-router';
import { describeError, isUnauthenticated } from '../shared/errors.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';
import { isChunkLoadError } from './lazyRoute.ts';

export function RootErrorBoundary() {
  const error = useRouteError();
  if (isUnauthenticated(error)) return <RedirectToSignIn />;
  if (isRouteErrorResponse(error) && error.status === 404) return <PageNotFound />;
  if (isChunkLoadError(error)) return <PageDidNotLoad />;
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

/**
 * A page's code did not arrive. Most often Kinpay was updated while this tab was open and the old
 * files are gone; loading the page again fetches the new version (index.html is never cached).
 * Trying the route again would not help: the router keeps the failed import.
 */
function PageDidNotLoad() {
  usePageTitle('Page did not load');
  return (
    <main className="error-page">
      <h1>This page didn’t load</h1>
      <p role="alert">Kinpay may have been updated since you opened it, or the connection dropped. Reloading the page usually fixes it.</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
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
