// The signed-in frame: header (practice, user, sign out), the sandbox banner on every page, and
// for staff a navigation sidebar that folds into a menu on phones.
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { lazy, Suspense, useId, useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { MenuIcon } from '../components/Icons.tsx';
import { FailureState, LoadingState } from '../components/QueryStates.tsx';
import { graphql } from '../gql/gql.ts';
import { loadChunk } from './lazyRoute.ts';
import { isStaff, type ShellContext, type Viewer } from './viewer.ts';

export const AppShellDocument = graphql(`
  query AppShell {
    me {
      id
      firstName
      lastName
      role
    }
  }
`);

export const PortalStatusDocument = graphql(`
  query PortalStatus {
    portalStatus {
      practiceName
      sandbox
      onlinePaymentsEnabled
    }
  }
`);

const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

// Staff only: loaded with the staff navigation, so parents never download eBilling code.
const EbillingNavLink = lazy(() => loadChunk(() => import('../features/ebilling/EbillingNavLink.tsx')).then((m) => ({ default: m.EbillingNavLink })));

export const SANDBOX_MESSAGE = 'Sandbox — no real money. Pay Now opens the clearinghouse sandbox.';

export function AppLayout() {
  const { data, error, refetch } = useQuery(AppShellDocument);
  if (error && !data) {
    return (
      <main className="page page--bare">
        <FailureState error={error} onRetry={() => void refetch()} title="We couldn’t open the portal." />
      </main>
    );
  }
  if (!data) {
    return (
      <main className="page page--bare">
        <LoadingState>Opening the portal…</LoadingState>
      </main>
    );
  }
  if (!data.me) return <Navigate to="/sign-in" replace />;
  return <Shell viewer={data.me} />;
}

function Shell({ viewer }: { viewer: Viewer }) {
  const { data: status } = useQuery(PortalStatusDocument);
  const staff = isStaff(viewer);
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  // A link followed on a phone closes the menu it was in (set while rendering, not in an effect:
  // the page never shows with the menu still open).
  const [menuPath, setMenuPath] = useState(location.pathname);
  if (menuPath !== location.pathname) {
    setMenuPath(location.pathname);
    setMenuOpen(false);
  }
  const navId = useId();
  const context: ShellContext = { viewer };

  const practiceName = status?.portalStatus.practiceName;
  return (
    <div className={staff ? 'shell shell--staff' : 'shell shell--family'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {status?.portalStatus.sandbox ? (
        <div className="sandbox-banner" role="status">
          {SANDBOX_MESSAGE}
        </div>
      ) : null}
      <header className="topbar">
        <div className="topbar__brand">
          <span className="logo" aria-hidden="true">
            K
          </span>
          <span className="topbar__practice">{practiceName ?? 'Kinpay'}</span>
        </div>
        <div className="topbar__user">
          <span className="topbar__name">
            {viewer.firstName} {viewer.lastName}
          </span>
          <SignOutButton />
          {staff ? (
            <button
              type="button"
              className="button button--ghost topbar__menu"
              aria-expanded={menuOpen}
              aria-controls={navId}
              onClick={() => setMenuOpen((open) => !open)}
            >
              <MenuIcon />
              <span>Menu</span>
            </button>
          ) : null}
        </div>
      </header>
      <div className="shell__body">
        {staff ? (
          <nav id={navId} className={menuOpen ? 'sidebar sidebar--open' : 'sidebar'} aria-label="Main">
            <ul>
              <li>
                <NavLink to="/patients">Patients</NavLink>
              </li>
              <li>
                <Suspense fallback={<NavLink to="/ebilling">eBilling Center</NavLink>}>
                  <EbillingNavLink />
                </Suspense>
              </li>
              <li>
                <NavLink to="/online-patient-services">Online Patient Services</NavLink>
              </li>
              <li>
                {/* A separate page (not a route of this app): a normal link. */}
                <a href="/graphiql">GraphQL playground</a>
              </li>
            </ul>
          </nav>
        ) : null}
        <main id="main" className="page" tabIndex={-1}>
          {/* The frame stays while a page's code arrives (on a deep link it loads beside the frame's). */}
          <Suspense fallback={<LoadingState />}>
            <Outlet context={context} />
          </Suspense>
        </main>
      </div>
      <footer className="footer">
        <p>Kinpay · Payments are handled on the practice’s secure clearinghouse page.</p>
      </footer>
    </div>
  );
}

function SignOutButton() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut, { loading }] = useMutation(SignOutDocument);
  const onClick = async () => {
    try {
      await signOut();
    } catch {
      // Signing out is harmless to repeat; whatever happened, leave and forget this session below.
    }
    await navigate('/sign-in', { replace: true });
    await client.clearStore();
  };
  return (
    <button type="button" className="button button--ghost" onClick={() => void onClick()} disabled={loading}>
      Sign out
    </button>
  );
}
