// The four states of every data view: loading, empty, failure, success (the last is the view's own).
import type { ReactNode } from 'react';
import { describeError, isUnauthenticated } from '../shared/errors.ts';

export function LoadingState({ children = 'Loading…' }: { children?: ReactNode }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{children}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="state state--empty">
      {title ? <p className="state__title">{title}</p> : null}
      <p>{children}</p>
    </div>
  );
}

/**
 * A query that failed. A signed-out session is not this view's business: it is rethrown to the
 * root error boundary, which sends the user to sign in.
 */
export function FailureState({ error, onRetry, title = 'We couldn’t load this.' }: { error: unknown; onRetry?: () => void; title?: string }) {
  if (isUnauthenticated(error)) throw error;
  return (
    <div className="state state--failure" role="alert">
      <p className="state__title">{title}</p>
      <p>{describeError(error)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
