import { Navigate, Outlet, useOutletContext } from 'react-router';
import type { Role } from '../gql/graphql.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';
import { isStaff, useViewer, type ShellContext } from './viewer.ts';

/** `/`: parents go to their children, staff to the patient list. */
export function RoleHome() {
  const viewer = useViewer();
  return <Navigate to={isStaff(viewer) ? '/patients' : '/family'} replace />;
}

/** Pages for some roles only; others are sent home. The API enforces the same rule on data. */
export function RoleGate({ allow }: { allow: readonly Role[] }) {
  const context = useOutletContext<ShellContext>();
  if (!allow.includes(context.viewer.role)) return <Navigate to="/" replace />;
  return <Outlet context={context} />;
}

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>We couldn’t find that page. Use the links above to find your way.</p>
    </>
  );
}
