import { matchRoutes, Navigate, useLocation, useRoutes, type RouteObject } from 'react-router';
import { lazyPage, preloadOf } from './lazyRoute.ts';
import { PortalRoot } from './RootErrorBoundary.tsx';
import { NotFoundPage, RoleGate, RoleHome } from './RoleRoutes.tsx';

// Every page is its own chunk, loaded when the route is first visited (by a link or a deep link).
// The error boundary, the role gates and the fallback stay in the main chunk: they must work when a
// page's chunk does not load.
const SignInPage = lazyPage(() => import('../features/auth/SignInPage.tsx'), 'SignInPage');
// The signed-in pages' frame, and Apollo Client with it (the sign-in page posts without it).
const SignedInArea = lazyPage(() => import('./SignedInArea.tsx'), 'SignedInArea');
const FamilyPage = lazyPage(() => import('../features/family/FamilyPage.tsx'), 'FamilyPage');
const PatientsPage = lazyPage(() => import('../features/patients/PatientsPage.tsx'), 'PatientsPage');
const PatientDetailPage = lazyPage(() => import('../features/patients/PatientDetailPage.tsx'), 'PatientDetailPage');
const OnlinePatientServicesPage = lazyPage(() => import('../features/online-services/OnlinePatientServicesPage.tsx'), 'OnlinePatientServicesPage');
const PreferencesPage = lazyPage(() => import('../features/preferences/PreferencesPage.tsx'), 'PreferencesPage');
const EbillingCenterPage = lazyPage(() => import('../features/ebilling/EbillingCenterPage.tsx'), 'EbillingCenterPage');
const ReportsTab = lazyPage(() => import('../features/ebilling/ReportsTab.tsx'), 'ReportsTab');
const PaymentsTab = lazyPage(() => import('../features/ebilling/PaymentsTab.tsx'), 'PaymentsTab');
const UnmatchedTab = lazyPage(() => import('../features/ebilling/UnmatchedTab.tsx'), 'UnmatchedTab');
const ConflictsTab = lazyPage(() => import('../features/ebilling/ConflictsTab.tsx'), 'ConflictsTab');
const CreditsTab = lazyPage(() => import('../features/ebilling/CreditsTab.tsx'), 'CreditsTab');

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <PortalRoot />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      {
        element: <SignedInArea />,
        children: [
          { index: true, element: <RoleHome /> },
          {
            element: <RoleGate allow={['PARENT']} />,
            children: [{ path: 'family', element: <FamilyPage /> }],
          },
          {
            element: <RoleGate allow={['BILLING', 'ADMIN']} />,
            children: [
              { path: 'patients', element: <PatientsPage /> },
              { path: 'patients/:id', element: <PatientDetailPage /> },
              { path: 'online-patient-services', element: <OnlinePatientServicesPage /> },
              { path: 'online-patient-services/preferences', element: <PreferencesPage /> },
              {
                path: 'ebilling',
                element: <EbillingCenterPage />,
                children: [
                  { index: true, element: <Navigate to="reports" replace /> },
                  { path: 'reports', element: <ReportsTab /> },
                  { path: 'payments', element: <PaymentsTab /> },
                  { path: 'unmatched', element: <UnmatchedTab /> },
                  { path: 'conflicts', element: <ConflictsTab /> },
                  { path: 'credits', element: <CreditsTab /> },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/**
 * The portal's pages for the current address. (React Router's declarative routes: its data router,
 * 15 KB more of JavaScript on every page, would load nothing for us, the pages load their own data.)
 * All the pages an address shows start loading together, not one after the other as each renders:
 * a deep link to /family fetches the signed-in frame and the family page at once.
 */
export function PortalRoutes() {
  const location = useLocation();
  for (const match of matchRoutes(routes, location) ?? []) void preloadOf(match.route.element)?.().catch(() => undefined);
  return useRoutes(routes, location);
}
