import type { CursorPaging } from '../shared/useCursorPaging.ts';

interface PaginationProps {
  paging: CursorPaging;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  /** While a page loads, both buttons wait. */
  loading: boolean;
}

/** "Previous page" / "Next page" for a cursor connection; nothing when everything fits on one page. */
export function Pagination({ paging, pageInfo, loading }: PaginationProps) {
  if (!paging.hasPrevious && !pageInfo.hasNextPage) return null;
  const { endCursor } = pageInfo;
  return (
    <nav className="pagination" aria-label="Pages">
      <button type="button" className="button button--secondary" disabled={!paging.hasPrevious || loading} onClick={paging.previous}>
        Previous page
      </button>
      <span className="pagination__page">Page {paging.pageNumber}</span>
      <button
        type="button"
        className="button button--secondary"
        disabled={!pageInfo.hasNextPage || !endCursor || loading}
        onClick={() => endCursor && paging.next(endCursor)}
      >
        Next page
      </button>
    </nav>
  );
}
