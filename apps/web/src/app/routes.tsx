import { Navigate, type RouteObject } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { ConflictsTab } from '../features/ebilling/ConflictsTab.tsx';
import { CreditsTab } from '../features/ebilling/CreditsTab.tsx';
import { EbillingCenterPage } from '../features/ebilling/EbillingCenterPage.tsx';
import { PaymentsTab } from '../features/ebilling/PaymentsTab.tsx';
import { ReportsTab } from '../features/ebilling/ReportsTab.tsx';
import { UnmatchedTab } from '../features/ebilling/UnmatchedTab.tsx';
import { OnlinePatientServicesPage } from '../features/online-services/OnlinePatientServicesPage.tsx';
import { FamilyPage } from '../features/family/FamilyPage.tsx';
import { PatientDetailPage } from '../features/patients/PatientDetailPage.tsx';
import { PatientsPage } from '../features/patients/PatientsPage.tsx';
import { PreferencesPage } from '../features/preferences/PreferencesPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { RootErrorBoundary } from './RootErrorBoundary.tsx';
import { NotFoundPage, RoleGate, RoleHome } from './RoleRoutes.tsx';

export const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <RootErrorBoundary />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      {
        element: <AppLayout />,
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
