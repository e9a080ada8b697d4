import { Navigate, type RouteObject } from 'react-router';
import { LoadingState } from '../components/QueryStates.tsx';
import { lazyPage } from './lazyRoute.ts';
import { RootErrorBoundary } from './RootErrorBoundary.tsx';
import { NotFoundPage, RoleGate, RoleHome } from './RoleRoutes.tsx';

// Every page is its own chunk, loaded when the route is first visited (by a link or a deep link:
// the router loads all the routes an address matches, in parallel, before it renders them). The
// error boundary, the role gates and the fallback stay in the main chunk: they must work when a
// page's chunk does not load.
export const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <RootErrorBoundary />,
    // Shown on the first load while the page's chunk arrives.
    hydrateFallbackElement: (
      <main className="page page--bare">
        <LoadingState>Opening the portal…</LoadingState>
      </main>
    ),
    children: [
      { path: 'sign-in', lazy: lazyPage(() => import('../features/auth/SignInPage.tsx'), 'SignInPage') },
      {
        lazy: lazyPage(() => import('./AppLayout.tsx'), 'AppLayout'),
        children: [
          { index: true, element: <RoleHome /> },
          {
            element: <RoleGate allow={['PARENT']} />,
            children: [{ path: 'family', lazy: lazyPage(() => import('../features/family/FamilyPage.tsx'), 'FamilyPage') }],
          },
          {
            element: <RoleGate allow={['BILLING', 'ADMIN']} />,
            children: [
              { path: 'patients', lazy: lazyPage(() => import('../features/patients/PatientsPage.tsx'), 'PatientsPage') },
              { path: 'patients/:id', lazy: lazyPage(() => import('../features/patients/PatientDetailPage.tsx'), 'PatientDetailPage') },
              {
                path: 'online-patient-services',
                lazy: lazyPage(() => import('../features/online-services/OnlinePatientServicesPage.tsx'), 'OnlinePatientServicesPage'),
              },
              {
                path: 'online-patient-services/preferences',
                lazy: lazyPage(() => import('../features/preferences/PreferencesPage.tsx'), 'PreferencesPage'),
              },
              {
                path: 'ebilling',
                lazy: lazyPage(() => import('../features/ebilling/EbillingCenterPage.tsx'), 'EbillingCenterPage'),
                children: [
                  { index: true, element: <Navigate to="reports" replace /> },
                  { path: 'reports', lazy: lazyPage(() => import('../features/ebilling/ReportsTab.tsx'), 'ReportsTab') },
                  { path: 'payments', lazy: lazyPage(() => import('../features/ebilling/PaymentsTab.tsx'), 'PaymentsTab') },
                  { path: 'unmatched', lazy: lazyPage(() => import('../features/ebilling/UnmatchedTab.tsx'), 'UnmatchedTab') },
                  { path: 'conflicts', lazy: lazyPage(() => import('../features/ebilling/ConflictsTab.tsx'), 'ConflictsTab') },
                  { path: 'credits', lazy: lazyPage(() => import('../features/ebilling/CreditsTab.tsx'), 'CreditsTab') },
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
