// Messages between the API's thread and the worker thread that owns the embedded database
// (worker.mjs). Everything here survives structured cloning: plain objects, strings, numbers,
// bigints, Uint8Arrays, ArrayBuffers.
import type { IsolationLevel, SqlQuery, SqlResultSet } from '@prisma/driver-adapter-utils';

/** What the worker opens: `dataDir` persisted on disk, or in memory; optionally as a copy of a `dumpDataDir()` tarball. */
export interface WorkerData {
  dataDir: string | null;
  loadDataDir: ArrayBuffer | null;
}

export type Request =
  | { id: number; op: 'query'; tx: number | null; query: SqlQuery }
  | { id: number; op: 'execute'; tx: number | null; query: SqlQuery }
  | { id: number; op: 'script'; script: string }
  | { id: number; op: 'begin'; isolationLevel: IsolationLevel | undefined }
  | { id: number; op: 'commit' | 'rollback'; tx: number }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

/** An error as it crosses the thread: a DriverAdapterError keeps its `cause` (Prisma maps it to P2002 and the rest). */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  cause?: unknown;
}

/** A query's rows, a count of rows changed, a new transaction's number, a tarball, or nothing. */
export type Value = SqlResultSet | number | ArrayBuffer | undefined;

export type Response = { id: number; ok: true; value: Value } | { id: number; ok: false; error: SerializedError };

/** The worker's first message: the database is open (or failed to open). */
export type Ready =
  { ready: true; adapterName: string; schemaName: string | undefined; supportsRelationJoins: boolean } | { ready: false; error: SerializedError };
