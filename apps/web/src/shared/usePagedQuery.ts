import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useCursorPaging } from './useCursorPaging.ts';

/** The variables of a paged query: the page's size and the cursor it starts after. */
export interface PageVariables extends OperationVariables {
  first?: number | null;
  after?: string | null;
}

/** One page of a connection, as the table shows it. */
export interface Page<TNode> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: readonly TNode[];
}

export interface PagedQueryOptions<TData, TVariables extends PageVariables, TNode> {
  /** The query's other variables (search, filters). When they change, paging starts again from page 1. */
  variables?: Omit<TVariables, 'first' | 'after'>;
  pageSize: number;
  /** Where the page is in the query's data. */
  page: (data: TData) => Page<TNode>;
}

export interface Pages {
  /** The number of the page on screen (while the next one loads, the one still shown). */
  pageNumber: number;
  pageCount: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previous: () => void;
  next: () => void;
}

export interface PagedQuery<TNode> {
  /** The page on screen: while another page or filter loads, the last one stays (dimmed). */
  page: Page<TNode> | undefined;
  /** Loading: a first page, another page, or fresh data for this one. */
  loading: boolean;
  error: unknown;
  refetch: () => void;
  pages: Pages;
}

/**
 * A cursor-paged query: asks for `pageSize` rows after the current page's cursor (cache, then
 * network), keeps the page on screen while the next one loads, and knows its way back.
 */
export function usePagedQuery<TData, TVariables extends PageVariables, TNode>(
  query: TypedDocumentNode<TData, TVariables>,
  { variables, pageSize, page: pageOf }: PagedQueryOptions<TData, TVariables, TNode>,
): PagedQuery<TNode> {
  // A new search or filter starts again from the first page.
  const paging = useCursorPaging(JSON.stringify(variables ?? {}));
  const { data, previousData, error, loading, refetch } = useQuery(query, {
    variables: { ...variables, first: pageSize, after: paging.after } as unknown as TVariables,
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? (loading ? previousData : undefined);
  const page = shown ? pageOf(shown) : undefined;

  // The number goes with the rows: it changes (and is announced) when the new page is on screen.
  const [shownPageNumber, setShownPageNumber] = useState(paging.pageNumber);
  if (data && shownPageNumber !== paging.pageNumber) setShownPageNumber(paging.pageNumber);

  const endCursor = page?.pageInfo.endCursor;
  const hasNext = Boolean(page?.pageInfo.hasNextPage && endCursor);
  // From the count, but never fewer than the pages seen and the one the cursor says follows.
  const pageCount = Math.max(Math.ceil((page?.totalCount ?? 0) / pageSize), shownPageNumber + (hasNext ? 1 : 0));
  return {
    page,
    loading,
    error,
    refetch: () => void refetch(),
    pages: {
      pageNumber: shownPageNumber,
      pageCount,
      hasPrevious: paging.hasPrevious,
      hasNext,
      previous: paging.previous,
      next: () => {
        if (endCursor) paging.next(endCursor);
      },
    },
  };
}
