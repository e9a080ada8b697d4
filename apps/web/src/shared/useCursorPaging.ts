import { useState } from 'react';

interface Paging {
  resetKey: string;
  after: string | null;
  previous: (string | null)[];
}

/**
 * Forward cursors with a way back: `after` is this page's cursor, and the cursors of the pages
 * before it are kept for "Previous page". A new `resetKey` (a new search or filter) starts again
 * from the first page.
 */
export function useCursorPaging(resetKey = '') {
  const [paging, setPaging] = useState<Paging>({ resetKey, after: null, previous: [] });
  const { after, previous } = paging.resetKey === resetKey ? paging : { after: null, previous: [] as (string | null)[] };
  return {
    after,
    pageNumber: previous.length + 1,
    hasPrevious: previous.length > 0,
    next: (endCursor: string) => setPaging({ resetKey, after: endCursor, previous: [...previous, after] }),
    previous: () => setPaging({ resetKey, after: previous.at(-1) ?? null, previous: previous.slice(0, -1) }),
  };
}

export type CursorPaging = ReturnType<typeof useCursorPaging>;
