// @ts-check
// The worker thread that owns the embedded database. PGlite is PostgreSQL compiled to WebAssembly:
// each query runs synchronously on the thread that holds it. On the API's own thread that stalled
// everything else there: under load Node stopped accepting connections for up to 40 s (issue 8).
// Here it runs beside the API, which talks to it over messages as to a server (client.ts).
// The Prisma adapter (pglite-prisma-adapter) runs here too, so values and errors are converted
// exactly as in-process, and only plain data crosses the thread.
//
// JavaScript checked by tsc (JSDoc types), not TypeScript: a thread that had to load tsx first
// would start in 0.5 s instead of 0.1 s, and one starts for every database opened (each test file).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/**
 * @import { SqlDriverAdapter, Transaction } from '@prisma/driver-adapter-utils'
 * @import { Ready, Request, Response, SerializedError, Value, WorkerData } from './protocol.ts'
 */

if (!parentPort) throw new Error('embedded/worker.mjs runs only as a worker thread');
const port = parentPort;
const { dataDir, loadDataDir } = /** @type {WorkerData} */ (workerData);

/** @type {(error: unknown) => SerializedError} */
const serialize = (error) =>
  error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack, cause: error.name === 'DriverAdapterError' ? error.cause : undefined }
    : { name: 'Error', message: String(error) };

/** @type {PGlite} */
let pglite;
/** @type {SqlDriverAdapter} */
let adapter;
try {
  const copy = loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {};
  pglite = dataDir ? new PGlite(dataDir, copy) : new PGlite(copy);
  await pglite.waitReady;
  adapter = await new PrismaPGlite(pglite).connect();
  const info = adapter.getConnectionInfo?.();
  /** @type {Ready} */
  const ready = { ready: true, adapterName: adapter.adapterName, schemaName: info?.schemaName, supportsRelationJoins: info?.supportsRelationJoins ?? true };
  port.postMessage(ready);
  port.on('message', answer);
} catch (error) {
  /** @type {Ready} */
  const failed = { ready: false, error: serialize(error) };
  // The API's side ends this thread when it reads this; nothing more is listened for.
  port.postMessage(failed);
}

/** @type {Map<number, Transaction>} */
const transactions = new Map();
let nextTransaction = 1;

/** @param {number} tx */
function transaction(tx) {
  const open = transactions.get(tx);
  if (!open) throw new Error(`Transaction ${tx} is not open (committed, rolled back, or never begun).`);
  return open;
}

/** @param {Request} request @returns {Promise<Value>} */
async function handle(request) {
  switch (request.op) {
    case 'query':
      return (request.tx === null ? adapter : transaction(request.tx)).queryRaw(request.query);
    case 'execute':
      return (request.tx === null ? adapter : transaction(request.tx)).executeRaw(request.query);
    case 'script':
      // The adapter's executeScript neither waits for the script nor reports its error: wait here.
      await pglite.exec(request.script);
      return undefined;
    case 'begin': {
      const id = nextTransaction++;
      transactions.set(id, await adapter.startTransaction(request.isolationLevel));
      return id;
    }
    case 'commit':
    case 'rollback': {
      const open = transaction(request.tx);
      transactions.delete(request.tx);
      await (request.op === 'commit' ? open.commit() : open.rollback());
      return undefined;
    }
    case 'dump':
      return (await pglite.dumpDataDir('gzip')).arrayBuffer();
    case 'close':
      await pglite.close();
      return undefined;
  }
}

/** @param {Request} request */
function answer(request) {
  handle(request).then(
    (value) => {
      /** @type {Response} */
      const response = { id: request.id, ok: true, value };
      // A data directory's tarball moves to the other thread rather than being copied.
      port.postMessage(response, value instanceof ArrayBuffer ? [value] : []);
    },
    (error) => {
      /** @type {Response} */
      const response = { id: request.id, ok: false, error: serialize(error) };
      port.postMessage(response);
    },
  );
}
