import { createBrowserRouter, Navigate } from 'react-router-dom';
import { StatusPage } from '@/features/status/components/StatusPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage, RouteErrorPage } from './fallbacks';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      {
        // Pathless so that errors render inside the layout, keeping the navigation.
        errorElement: <RouteErrorPage />,
        children: [
          // The committee's dashboard will take the index route.
          { index: true, element: <Navigate to="/status" replace /> },
          { path: 'status', element: <StatusPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
