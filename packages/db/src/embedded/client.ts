// The API's side of the embedded database: a Prisma driver adapter whose queries run in a worker
// thread that owns PGlite (worker.mjs). The API's thread only sends a query and waits, so it keeps
// accepting connections and answering other requests while PGlite works.
import { Worker } from 'node:worker_threads';
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import type { Ready, Request, Response, SerializedError, Value, WorkerData } from './protocol.ts';

export interface EmbeddedDatabase {
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** The data directory as a gzipped tarball (PGlite's `dumpDataDir`). */
  dumpDataDir(): Promise<Blob>;
  /** Closes PGlite (flushing it to disk) and ends the thread. */
  close(): Promise<void>;
}

// Distributes Request over its members, so a call names an operation and its own fields.
type Call = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

/** Starts the worker and waits until the database is open; rejects with PGlite's reason when it cannot open. */
export async function startEmbeddedDatabase(options: { dataDir: string | null; loadDataDir?: Blob }): Promise<EmbeddedDatabase> {
  const data: WorkerData = {
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir ? await options.loadDataDir.arrayBuffer() : null,
  };
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
    workerData: data,
    transferList: data.loadDataDir ? [data.loadDataDir] : [],
  });
  const ready = await new Promise<Extract<Ready, { ready: true }>>((resolve, reject) => {
    const fail = (error: Error) => {
      settle();
      void worker.terminate();
      reject(error);
    };
    const onMessage = (message: Ready) => {
      if (!message.ready) return fail(deserialize(message.error));
      settle();
      resolve(message);
    };
    const onExit = (code: number) => fail(new Error(`The embedded database's thread stopped while opening (exit code ${code}).`));
    const settle = () => {
      worker.off('message', onMessage);
      worker.off('error', fail);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', fail);
    worker.on('exit', onExit);
  });
  return new WorkerConnection(worker, ready);
}

class WorkerConnection implements EmbeddedDatabase {
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  private readonly pending = new Map<number, { resolve(value: Value): void; reject(error: Error): void }>();
  private nextId = 1;
  /** Set once the thread has stopped: every later call fails with it. */
  private stopped: Error | null = null;

  constructor(
    private readonly worker: Worker,
    ready: Extract<Ready, { ready: true }>,
  ) {
    // An idle database does not keep the process alive; one with a query in flight does.
    worker.unref();
    worker.on('message', (response: Response) => {
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      this.pending.delete(response.id);
      if (this.pending.size === 0) worker.unref();
      if (response.ok) waiting.resolve(response.value);
      else waiting.reject(deserialize(response.error));
    });
    worker.on('error', (error) => this.stop(`it failed: ${error.message}`));
    worker.on('exit', (code) => this.stop(`its thread exited (code ${code})`));

    const adapter = new WorkerAdapter(this, ready);
    this.adapterFactory = {
      provider: 'postgres',
      adapterName: ready.adapterName,
      connect: () => Promise.resolve(adapter),
      // Prisma's schema engine diffs against a throwaway database: another in-memory one.
      connectToShadowDb: async () => {
        const shadow = await startEmbeddedDatabase({ dataDir: null });
        const shadowAdapter = await shadow.adapterFactory.connect();
        shadowAdapter.dispose = () => shadow.close();
        return shadowAdapter;
      },
    };
  }

  call(request: Call): Promise<Value> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      const message: Request = { ...request, id };
      this.worker.postMessage(message);
    });
  }

  private stop(reason: string) {
    this.stopped ??= new Error(`The embedded database is closed: ${reason}.`);
    for (const waiting of this.pending.values()) waiting.reject(this.stopped);
    this.pending.clear();
  }

  async dumpDataDir(): Promise<Blob> {
    return new Blob([(await this.call({ op: 'dump' })) as ArrayBuffer]);
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    await this.call({ op: 'close' });
    // PGlite has closed and flushed its files; the thread itself may hold loader handles open.
    this.stop('it was closed');
    await this.worker.terminate();
  }
}

class WorkerQueryable {
  readonly provider = 'postgres';

  constructor(
    protected readonly connection: WorkerConnection,
    readonly adapterName: string,
    protected readonly tx: number | null,
  ) {}

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return (await this.connection.call({ op: 'query', tx: this.tx, query })) as SqlResultSet;
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    return (await this.connection.call({ op: 'execute', tx: this.tx, query })) as number;
  }
}

class WorkerAdapter extends WorkerQueryable implements SqlDriverAdapter {
  constructor(
    connection: WorkerConnection,
    private readonly ready: Extract<Ready, { ready: true }>,
  ) {
    super(connection, ready.adapterName, null);
  }

  async executeScript(script: string): Promise<void> {
    await this.connection.call({ op: 'script', script });
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const tx = (await this.connection.call({ op: 'begin', isolationLevel })) as number;
    return new WorkerTransaction(this.connection, this.adapterName, tx);
  }

  getConnectionInfo() {
    return { schemaName: this.ready.schemaName, supportsRelationJoins: this.ready.supportsRelationJoins };
  }

  // The connection outlives Prisma's $disconnect: the database's close() ends it.
  dispose(): Promise<void> {
    return Promise.resolve();
  }
}

class WorkerTransaction extends WorkerQueryable implements Transaction {
  // As pglite-prisma-adapter's: the worker's PGlite transaction sends BEGIN and COMMIT, not Prisma.
  readonly options = { usePhantomQuery: true };

  constructor(
    connection: WorkerConnection,
    adapterName: string,
    private readonly id: number,
  ) {
    super(connection, adapterName, id);
  }

  async commit(): Promise<void> {
    await this.connection.call({ op: 'commit', tx: this.id });
  }

  async rollback(): Promise<void> {
    await this.connection.call({ op: 'rollback', tx: this.id });
  }
}

/** Rebuilds the worker's error: Prisma recognises a DriverAdapterError by its name and cause. */
function deserialize(error: SerializedError): Error {
  if (error.name === 'DriverAdapterError' && error.cause && typeof error.cause === 'object') {
    return new DriverAdapterError(error.cause as ConstructorParameters<typeof DriverAdapterError>[0]);
  }
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.stack)
    rebuilt.stack = `${rebuilt.name}: ${rebuilt.message}\n    in the embedded database's thread:\n${error.stack.split('\n').slice(1).join('\n')}`;
  return rebuilt;
}
