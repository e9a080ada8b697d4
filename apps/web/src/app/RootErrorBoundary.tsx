// The root of the routes: the one error boundary (a signed-out session goes to sign-in, a page whose
// code did not arrive offers a reload, anything else becomes a readable message with a way to try
// again) and the fallback shown while a page's code loads.
import { Component, Suspense, useEffect, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LoadingState } from '../components/QueryStates.tsx';
import { describeError, isUnauthenticated } from '../shared/errors.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';
import { isChunkLoadError } from './lazyRoute.ts';
import { forgetSession } from './session.ts';

/** The root route's element: every page, behind the error boundary, with a fallback while its code loads. */
export function PortalRoot() {
  const location = useLocation();
  return (
    <ErrorBoundary locationKey={location.key}>
      <Suspense
        fallback={
          <main className="page page--bare">
            <LoadingState>Opening the portal…</LoadingState>
          </main>
        }
      >
        <Outlet />
      </Suspense>
    </ErrorBoundary>
  );
}

interface BoundaryProps {
  /** A new navigation (even to the same address, as "Try again" does) renders the page again. */
  locationKey: string;
  children: ReactNode;
}
type BoundaryState = { locationKey: string; failure?: { error: unknown } };

class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { locationKey: this.props.locationKey };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { failure: { error } };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.locationKey === state.locationKey ? null : { locationKey: props.locationKey, failure: undefined };
  }

  override render() {
    return this.state.failure ? <RootErrorBoundary error={this.state.failure.error} /> : this.props.children;
  }
}

export function RootErrorBoundary({ error }: { error: unknown }) {
  if (isUnauthenticated(error)) return <RedirectToSignIn />;
  if (isChunkLoadError(error)) return <PageDidNotLoad />;
  return <SomethingWentWrong error={error} />;
}

function RedirectToSignIn() {
  const navigate = useNavigate();
  useEffect(() => {
    let active = true;
    // Whatever the previous session loaded must not show to whoever signs in next.
    void forgetSession().then(() => {
      if (active) void navigate('/sign-in', { replace: true });
    });
    return () => {
      active = false;
    };
  }, [navigate]);
  return (
    <main className="error-page">
      <p role="status">Your session has ended. Taking you to sign in…</p>
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
