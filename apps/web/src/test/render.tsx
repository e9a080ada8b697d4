// Renders routes with a mocked Apollo link and an in-memory router, as the app does in a browser.
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { createCache } from '../app/apollo.ts';

type Mocks = ReadonlyArray<MockLink.MockedResponse<Record<string, unknown>, Record<string, unknown>>>;

interface RenderOptions {
  /** Where the router starts, e.g. "/family". */
  at: string;
  mocks?: Mocks;
  /** Either a full route table, or one element rendered at `path` (default: the `at` path). */
  routes?: RouteObject[];
  element?: ReactElement;
  path?: string;
  /** Extra routes to land on, e.g. a stub for "/sign-in". */
  extraRoutes?: RouteObject[];
}

/** Typing and clicking, moving the fake clock (see clock.ts) instead of waiting. */
export function setupUser() {
  return userEvent.setup(vi.isFakeTimers() ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {});
}

export function renderWithProviders({ at, mocks = [], routes, element, path, extraRoutes = [] }: RenderOptions) {
  const table: RouteObject[] = routes ?? [{ path: path ?? at.split('?')[0], element }, ...extraRoutes];
  const router = createMemoryRouter(table, { initialEntries: [at] });
  const user = setupUser();
  const view = render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <RouterProvider router={router} />
    </MockedProvider>,
  );
  return { ...view, router, user };
}
