// Pages load when they are first visited, so a parent downloads the family page and never the
// staff, eBilling or Preferences code. A page's file can fail to load: the connection dropped, or
// Kinpay was deployed again while the tab was open and the old files are gone. That failure becomes
// a ChunkLoadError, which the root error boundary explains, offering to reload the page.
import type { ComponentType } from 'react';

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

/** A route's `lazy`: the page component `name` of the module `load` imports. */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  return async (): Promise<{ Component: ComponentType }> => ({ Component: (await loadChunk(load))[name] });
}
