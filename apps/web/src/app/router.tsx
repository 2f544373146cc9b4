import { createBrowserRouter, Navigate, useLocation } from 'react-router-dom';
import { DestinationsPage } from '@/features/destinations/components/DestinationsPage';
import { IndicatorPage } from '@/features/indicators/components/IndicatorPage';
import { IndicatorsListPage } from '@/features/indicators/components/IndicatorsListPage';
import { OrganizationPage } from '@/features/organizations/components/OrganizationPage';
import { OrganizationsListPage } from '@/features/organizations/components/OrganizationsListPage';
import { OverviewPage } from '@/features/overview/components/OverviewPage';
import { StatusPage } from '@/features/status/components/StatusPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage, RouteErrorPage } from './fallbacks';

/** `/` is the overview (of the latest period unless the address names one). */
function ToOverview() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/overview', search }} replace />;
}

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      {
        // Pathless so that errors render inside the layout, keeping the navigation.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <ToOverview /> },
          { path: 'overview', element: <OverviewPage /> },
          { path: 'indicators', element: <IndicatorsListPage /> },
          { path: 'indicators/:id', element: <IndicatorPage /> },
          { path: 'organizations', element: <OrganizationsListPage /> },
          { path: 'organizations/:code', element: <OrganizationPage /> },
          { path: 'destinations', element: <DestinationsPage /> },
          { path: 'status', element: <StatusPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
