import type { Pages } from '../shared/usePagedQuery.ts';

interface PaginationProps {
  pages: Pages;
  /** While a page loads, both buttons wait. */
  loading: boolean;
}

/**
 * "Previous page" / "Next page", and which page this is, announced when a new page is on screen;
 * nothing when everything fits on one page.
 */
export function Pagination({ pages, loading }: PaginationProps) {
  if (!pages.hasPrevious && !pages.hasNext) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      <button type="button" className="button button--secondary" disabled={!pages.hasPrevious || loading} onClick={pages.previous}>
        Previous page
      </button>
      <span className="pagination__page" aria-live="polite" aria-atomic="true">
        Page {pages.pageNumber} of {pages.pageCount.toLocaleString('en-US')}
      </span>
      <button type="button" className="button button--secondary" disabled={!pages.hasNext || loading} onClick={pages.next}>
        Next page
      </button>
    </nav>
  );
}
