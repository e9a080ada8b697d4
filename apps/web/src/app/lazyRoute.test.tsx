import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render.tsx';
import { ChunkLoadError, lazyPage, loadChunk } from './lazyRoute.ts';
import { RootErrorBoundary } from './RootErrorBoundary.tsx';

afterEach(() => vi.restoreAllMocks());

describe('lazy pages', () => {
  it('renders the page once its chunk has loaded', async () => {
    renderWithProviders({
      at: '/somewhere',
      routes: [
        {
          path: '/',
          errorElement: <RootErrorBoundary />,
          hydrateFallbackElement: <p>Loading…</p>,
          children: [{ path: 'somewhere', lazy: lazyPage(() => Promise.resolve({ Page: () => <h1>Loaded</h1> }), 'Page') }],
        },
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Loaded' })).toBeInTheDocument();
  });

  it('explains a page whose chunk did not load (a deploy while the tab was open) and offers to reload', async () => {
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    const failing = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/Page-Old12345.js'));
    const { user } = renderWithProviders({
      at: '/somewhere',
      routes: [
        {
          path: '/',
          errorElement: <RootErrorBoundary />,
          hydrateFallbackElement: <p>Loading…</p>,
          children: [{ path: 'somewhere', lazy: lazyPage(failing, 'Page') }],
        },
      ],
    });
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
});
