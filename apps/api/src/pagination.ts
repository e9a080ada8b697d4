// One way to page through lists: `first` (1 to MAX_PAGE_SIZE) and an opaque `after` cursor that
// names the last row of the previous page (keyset paging: no offsets, so a row added meanwhile
// neither repeats nor hides one). Each list says how to read the rows after an anchor row.
import { invalidInput } from './errors.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw invalidInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  return size;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `<list>:<row id>`, base64url: says nothing about the row (no names in cursors). */
export const encodeCursor = (list: string, id: string) => Buffer.from(`${list}:${id}`).toString('base64url');

export function decodeCursor(list: string, cursor: string): string {
  const [kind, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (kind !== list || !id || !ID.test(id)) throw invalidCursor();
  return id;
}

/** The cursor names a row this viewer cannot see in this list (forged, or from another practice). */
export const invalidCursor = () => invalidInput('That page cursor is not valid; start from the first page.', 'after');

/**
 * A page of a list. `rows(anchorId, take)` reads up to `take` rows after the anchor row (from the
 * start when null), in the list's order, or returns null when the anchor is not in the list (the
 * cursor is refused); it is asked for one row more than the page, to know whether another follows.
 */
export async function keysetPage<T extends { id: string }>(
  list: string,
  args: { first?: number | null; after?: string | null },
  rows: (anchorId: string | null, take: number) => Promise<T[] | null>,
  count: () => Promise<number>,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const anchor = args.after ? decodeCursor(list, args.after) : null;
  // A first page that is not full holds the whole list: its length is the count, and a family's
  // page (a few children) costs no count query.
  const found = await rows(anchor, size + 1);
  if (found === null) throw invalidCursor();
  const totalCount = !anchor && found.length <= size ? found.length : await count();
  const nodes = found.slice(0, size);
  return {
    nodes,
    pageInfo: { hasNextPage: found.length > size, endCursor: nodes.length ? encodeCursor(list, nodes.at(-1)!.id) : null },
    totalCount,
  };
}

/**
 * Reads a page with Prisma's cursor (the list's orderBy must end with id): null when the anchor row
 * is not in the list (`inList` counts it there).
 */
export async function afterRow<T>(
  anchorId: string | null,
  inList: (id: string) => Promise<number>,
  read: (cursor: { cursor?: { id: string }; skip?: number }) => Promise<T[]>,
): Promise<T[] | null> {
  if (!anchorId) return read({});
  if ((await inList(anchorId)) !== 1) return null;
  return read({ cursor: { id: anchorId }, skip: 1 });
}
