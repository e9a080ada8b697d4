// Pages load when they are first visited, so a parent downloads the family page and never the
// staff, eBilling or Preferences code. A page's file can fail to load: the connection dropped, or
// Kinpay was deployed again while the tab was open and the old files are gone. That failure becomes
// a ChunkLoadError, which the root error boundary explains, offering to reload the page.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export class ChunkLoadError extends Error {
  override name = 'ChunkLoadError';
}

export function isChunkLoadError(error: unknown): error is ChunkLoadError {
  return error instanceof ChunkLoadError;
}

/** `import()` of a part of the app, its failure named as such. */
export async function loadChunk<M>(load: () => Promise<M>): Promise<M> {
  try {
    return await load();
  } catch (error) {
    throw new ChunkLoadError('A part of Kinpay could not be loaded.', { cause: error });
  }
}

/** A page loaded on first render (it suspends meanwhile), or earlier by `preload()`. */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload(): Promise<unknown> };

/**
 * The page component `name` of the module `load` imports. The import runs once: a failed one stays
 * failed (a new deploy does not come back by trying again; reloading the page does).
 */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => (loading ??= loadChunk(load).then((module) => ({ default: module[name] })));
  return Object.assign(lazy(preload), { preload });
}

/** Whether a route's element is a lazy page (to preload it with the other pages its address shows). */
export function preloadOf(element: unknown): (() => Promise<unknown>) | undefined {
  const type = (element as { type?: Partial<LazyPage> } | null | undefined)?.type;
  return typeof type?.preload === 'function' ? type.preload : undefined;
}
