import type { RouteObject } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { OnlinePatientServicesPage } from '../features/ebilling/OnlinePatientServicesPage.tsx';
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
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
