import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { SessionUserView } from '@profmonitor/domain';
import { sessionQueryOptions } from '@/api/session';
import { COMMITTEE } from './fixtures';

type RenderPageOptions = {
  path: string;
  url: string;
  /** Who is signed in (the committee unless told); null: nobody, undefined session: asked of the API. */
  user?: SessionUserView | null;
  /** Other routes of the memory router, to see where a page sends the person. */
  routes?: { path: string; element: ReactElement }[];
};

/** Renders a page at an address, with a fresh query cache that does not retry. */
export function renderPage(
  element: ReactElement,
  { path, url, user = COMMITTEE, routes = [] }: RenderPageOptions,
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(sessionQueryOptions().queryKey, user);
  const router = createMemoryRouter([{ path, element }, ...routes], { initialEntries: [url] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}
