import { screen } from '@testing-library/react';
import type { RouteObject } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render.tsx';
import { ChunkLoadError, lazyPage, loadChunk, preloadOf } from './lazyRoute.ts';
import { PortalRoot } from './RootErrorBoundary.tsx';

afterEach(() => vi.restoreAllMocks());

/** The app's root route (error boundary and fallback) around one page at /somewhere. */
const portalWith = (page: RouteObject['element']): RouteObject[] => [{ path: '/', element: <PortalRoot />, children: [{ path: 'somewhere', element: page }] }];

describe('lazy pages', () => {
  it('renders the page once its chunk has loaded, importing it once however often it is asked for', async () => {
    const load = vi.fn(() => Promise.resolve({ Page: () => <h1>Loaded</h1> }));
    const Page = lazyPage(load, 'Page');
    void preloadOf(<Page />)?.();
    renderWithProviders({ at: '/somewhere', routes: portalWith(<Page />) });
    expect(screen.getByRole('status')).toHaveTextContent('Opening the portal…');
    expect(await screen.findByRole('heading', { name: 'Loaded' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledOnce();
  });

  it('explains a page whose chunk did not load (a deploy while the tab was open) and offers to reload', async () => {
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    const Page = lazyPage(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/Page-Old12345.js')), 'Page');
    const { user } = renderWithProviders({ at: '/somewhere', routes: portalWith(<Page />) });
    expect(await screen.findByRole('heading', { name: 'This page didn’t load' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Kinpay may have been updated since you opened it');
    await user.click(screen.getByRole('button', { name: 'Reload the page' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('names the failure, keeping the original as its cause', async () => {
    const cause = new TypeError('Failed to fetch dynamically imported module');
    const error = await loadChunk(() => Promise.reject(cause)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkLoadError);
    expect((error as ChunkLoadError).cause).toBe(cause);
  });

  it('preloads only lazy pages', () => {
    expect(preloadOf(<h1>Not lazy</h1>)).toBeUndefined();
    expect(preloadOf(undefined)).toBeUndefined();
  });
});

describe('the root error boundary', () => {
  it('renders the page again when "Try again" is clicked', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error
    let broken = true;
    function Flaky() {
      if (broken) throw new Error('boom');
      return <h1>Working</h1>;
    }
    const { user } = renderWithProviders({ at: '/somewhere', routes: portalWith(<Flaky />) });
    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeInTheDocument();
    broken = false; // say the server is back
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Working' })).toBeInTheDocument();
  });
});
