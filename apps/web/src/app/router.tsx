import { createBrowserRouter, Navigate, useLocation } from 'react-router-dom';
import { useCurrentUser } from '@/api/session';
import { AccountsPage } from '@/features/accounts/components/AccountsPage';
import { AuditPage } from '@/features/audit/components/AuditPage';
import { LoginPage } from '@/features/auth/components/LoginPage';
import { PasswordPage } from '@/features/auth/components/PasswordPage';
import { DemandPage } from '@/features/demand/components/DemandPage';
import { DestinationsPage } from '@/features/destinations/components/DestinationsPage';
import { IndicatorPage } from '@/features/indicators/components/IndicatorPage';
import { IndicatorsListPage } from '@/features/indicators/components/IndicatorsListPage';
import { OrganizationPage } from '@/features/organizations/components/OrganizationPage';
import { OrganizationsListPage } from '@/features/organizations/components/OrganizationsListPage';
import { OverviewPage } from '@/features/overview/components/OverviewPage';
import { StatusPage } from '@/features/status/components/StatusPage';
import { UploadPage } from '@/features/uploads/components/UploadPage';
import { UploadsPage } from '@/features/uploads/components/UploadsPage';
import { homePath } from '@/lib/access';
import { AppLayout } from './AppLayout';
import { NotFoundPage, RouteErrorPage } from './fallbacks';
import { RequireSection, RequireSession } from './RequireSession';

/**
 * `/` is the person's start page (keeping the address's period): the overview for the committee,
 * the demand for the employment center, the upload for a school.
 */
function Home() {
  const { search } = useLocation();
  const user = useCurrentUser();
  return <Navigate to={{ pathname: homePath(user), search }} replace />;
}

export const router = createBrowserRouter([
  { path: 'login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      {
        // Pathless so that errors render inside the layout, keeping the navigation.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <Home /> },
          { path: 'overview', element: <OverviewPage /> },
          { path: 'indicators', element: <IndicatorsListPage /> },
          { path: 'indicators/:id', element: <IndicatorPage /> },
          { path: 'organizations', element: <OrganizationsListPage /> },
          { path: 'organizations/:code', element: <OrganizationPage /> },
          { path: 'destinations', element: <DestinationsPage /> },
          {
            path: 'demand',
            element: (
              <RequireSection section="demand">
                <DemandPage />
              </RequireSection>
            ),
          },
          { path: 'uploads', element: <UploadsPage /> },
          { path: 'uploads/:id', element: <UploadPage /> },
          {
            path: 'accounts',
            element: (
              <RequireSection section="accounts">
                <AccountsPage />
              </RequireSection>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequireSection section="audit">
                <AuditPage />
              </RequireSection>
            ),
          },
          { path: 'password', element: <PasswordPage /> },
          { path: 'status', element: <StatusPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
