import { useCallback, useState } from 'react';
import { asError } from './errors.ts';

/**
 * Hands an error to the root error boundary (which sends a signed-out user to sign in). A boundary
 * only sees what is thrown while rendering, so an error caught in an event handler or after a
 * mutation is kept here and thrown on the next render.
 */
export function useRootErrorBoundary(): (error: unknown) => void {
  const [fatal, setFatal] = useState<{ error: unknown } | null>(null);
  const show = useCallback((error: unknown) => setFatal({ error }), []);
  if (fatal) throw asError(fatal.error);
  return show;
}
