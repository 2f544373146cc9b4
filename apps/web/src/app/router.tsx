import { isValidElement, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, matchRoutes, Navigate, useLocation, type RouteObject } from 'react-router-dom';
import { periodsQueryOptions } from '@/api/periods';
import { useCurrentUser } from '@/api/session';
import { homePath } from '@/lib/access';
import { queryClient } from '@/lib/query-client';
import { AppLayout } from './AppLayout';
import { NotFoundPage, PageFallback, RouteErrorPage } from './fallbacks';
import { RequireSection, RequireSession } from './RequireSession';

type LazyPage = ComponentType & {
  /** Starts loading the page's code (once); rendering the page waits for the same load. */
  preload: () => Promise<unknown>;
};

/**
 * A page loaded with its own chunk on first visit (split by route: the first view downloads only
 * its page), behind a placeholder that holds the page's place meanwhile.
 */
function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => (loading ??= load().then((module) => ({ default: module[name] })));
  const Page = lazy(preload);
  return Object.assign(
    function LazyPage() {
      return (
        <Suspense fallback={<PageFallback />}>
          <Page />
        </Suspense>
      );
    },
    { preload },
  );
}

const AccountsPage = lazyPage(() => import('@/features/accounts/components/AccountsPage'), 'AccountsPage');
const AuditPage = lazyPage(() => import('@/features/audit/components/AuditPage'), 'AuditPage');
const CampaignPage = lazyPage(() => import('@/features/campaign/components/CampaignPage'), 'CampaignPage');
const CyclePage = lazyPage(() => import('@/features/cycle/components/CyclePage'), 'CyclePage');
const LoginPage = lazyPage(() => import('@/features/auth/components/LoginPage'), 'LoginPage');
const PasswordPage = lazyPage(() => import('@/features/auth/components/PasswordPage'), 'PasswordPage');
const DemandPage = lazyPage(() => import('@/features/demand/components/DemandPage'), 'DemandPage');
const DestinationsPage = lazyPage(
  () => import('@/features/destinations/components/DestinationsPage'),
  'DestinationsPage',
);
const IndicatorPage = lazyPage(
  () => import('@/features/indicators/components/IndicatorPage'),
  'IndicatorPage',
);
const IndicatorsListPage = lazyPage(
  () => import('@/features/indicators/components/IndicatorsListPage'),
  'IndicatorsListPage',
);
const OrganizationPage = lazyPage(
  () => import('@/features/organizations/components/OrganizationPage'),
  'OrganizationPage',
);
const OrganizationsListPage = lazyPage(
  () => import('@/features/organizations/components/OrganizationsListPage'),
  'OrganizationsListPage',
);
const ProfminimumPage = lazyPage(
  () => import('@/features/profminimum/components/ProfminimumPage'),
  'ProfminimumPage',
);
const MunicipalityPage = lazyPage(
  () => import('@/features/region/components/MunicipalityPage'),
  'MunicipalityPage',
);
const RegionPage = lazyPage(() => import('@/features/region/components/RegionPage'), 'RegionPage');
const OverviewPage = lazyPage(() => import('@/features/overview/components/OverviewPage'), 'OverviewPage');
const StatusPage = lazyPage(() => import('@/features/status/components/StatusPage'), 'StatusPage');
const UploadPage = lazyPage(() => import('@/features/uploads/components/UploadPage'), 'UploadPage');
const UploadsPage = lazyPage(() => import('@/features/uploads/components/UploadsPage'), 'UploadsPage');

/**
 * `/` is the person's start page (keeping the address's period): the municipalities compared for
 * the ministry, the overview for the committee,
 * the demand for the employment center, the upload for a school.
 */
function Home() {
  const { search } = useLocation();
  const user = useCurrentUser();
  return <Navigate to={{ pathname: homePath(user), search }} replace />;
}

const routes: RouteObject[] = [
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
          {
            path: 'campaign',
            element: (
              <RequireSection section="campaign">
                <CampaignPage />
              </RequireSection>
            ),
          },
          {
            path: 'region',
            element: (
              <RequireSection section="region">
                <RegionPage />
              </RequireSection>
            ),
          },
          {
            path: 'region/:municipality',
            element: (
              <RequireSection section="region">
                <MunicipalityPage />
              </RequireSection>
            ),
          },
          { path: 'indicators', element: <IndicatorsListPage /> },
          { path: 'indicators/:id', element: <IndicatorPage /> },
          {
            path: 'cycle',
            element: (
              <RequireSection section="cycle">
                <CyclePage />
              </RequireSection>
            ),
          },
          {
            path: 'organizations',
            element: (
              <RequireSection section="organizations">
                <OrganizationsListPage />
              </RequireSection>
            ),
          },
          { path: 'organizations/:code', element: <OrganizationPage /> },
          { path: 'destinations', element: <DestinationsPage /> },
          {
            path: 'profminimum',
            element: (
              <RequireSection section="profminimum">
                <ProfminimumPage />
              </RequireSection>
            ),
          },
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
];

/** The lazy page a route renders, directly or inside a wrapper such as RequireSection. */
function lazyPageOf(element: ReactNode): LazyPage | undefined {
  if (!isValidElement(element)) return undefined;
  if (typeof (element.type as Partial<LazyPage>).preload === 'function') return element.type as LazyPage;
  return lazyPageOf((element.props as { children?: ReactNode }).children);
}

// The page of the address the app opens on starts loading with the app, alongside the session
// check, not after it; a failed load shows when the page renders (its error page). So does the
// period list every signed-in page starts from (signed out, its 401 only confirms the sign-in page).
const opening = matchRoutes(routes, window.location)?.at(-1)?.route;
lazyPageOf(opening?.element)
  ?.preload()
  .catch(() => undefined);
if (opening && opening.path !== 'login') void queryClient.prefetchQuery(periodsQueryOptions());

export const router = createBrowserRouter(routes);
