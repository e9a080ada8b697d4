// The one paged table: a cursor-paged query's four states (loading, failure, empty, the rows), the
// count of everything that matches, and the previous/next page buttons with the page number.
import { Fragment, useId, type ReactNode } from 'react';
import type { PagedQuery } from '../shared/usePagedQuery.ts';
import { Pagination } from './Pagination.tsx';
import { FailureState, LoadingState } from './QueryStates.tsx';

interface PagedTableProps<TNode extends { id: string }> {
  /** From usePagedQuery. */
  query: PagedQuery<TNode>;
  /** The table's accessible name (a caption screen readers read), e.g. "Posted payments, newest first". */
  caption: string;
  /** The table's own class, beside "data-table". */
  className?: string;
  /** The section's heading; hidden when the tab or page around it already says what this is. */
  heading?: { text: string; hidden?: boolean };
  /** A note under the heading, shown with the rows. */
  description?: ReactNode;
  /** The column headings: `<th scope="col">` cells. */
  columns: ReactNode;
  /** The row (or rows) of one node. */
  row: (node: TNode) => ReactNode;
  /** Everything that matches, in words ("3 reports"): announced when it changes. Null for none. */
  count: (totalCount: number) => string | null;
  /** While the first page loads, e.g. "Loading reports…". */
  loadingText: string;
  /** Over the failure's message, e.g. "We couldn’t load the reports." */
  failureTitle: string;
  /** When nothing matches: an EmptyState. */
  empty: ReactNode;
}

export function PagedTable<TNode extends { id: string }>({
  query,
  caption,
  className,
  heading,
  description,
  columns,
  row,
  count,
  loadingText,
  failureTitle,
  empty,
}: PagedTableProps<TNode>) {
  const headingId = useId();
  const { page, loading, error, refetch, pages } = query;
  if (!page) {
    return error ? <FailureState error={error} onRetry={refetch} title={failureTitle} /> : <LoadingState>{loadingText}</LoadingState>;
  }
  const counted = count(page.totalCount);
  return (
    <section aria-labelledby={heading ? headingId : undefined} aria-busy={loading} className={loading ? 'is-refreshing' : undefined}>
      {heading ? (
        <h2 id={headingId} className={heading.hidden ? 'visually-hidden' : undefined}>
          {heading.text}
        </h2>
      ) : null}
      {description}
      {counted ? (
        <p className="result-count" aria-live="polite">
          {counted}
        </p>
      ) : null}
      {page.nodes.length === 0 ? (
        empty
      ) : (
        <div className="table-card">
          <table className={className ? `data-table ${className}` : 'data-table'}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>{columns}</tr>
            </thead>
            <tbody>
              {page.nodes.map((node) => (
                <Fragment key={node.id}>{row(node)}</Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination pages={pages} loading={loading} />
    </section>
  );
}
