// Starts the API: loads .env (the real environment wins), validates the config, prepares the
// database (creates the embedded one on first start, applies pending migrations, seeds the demo
// practice on first start outside production), then serves the SPA, /graphql, /graphiql and /healthz.
// On a PostgreSQL server with more than one API worker (API_WORKERS, default one per core) this
// process is the cluster's primary (cluster.ts): it prepares the database once, then forks the
// workers, which serve. The embedded database (PGlite) belongs to one process: always one there.
import cluster from 'node:cluster';
import type { ServerResponse } from 'node:http';
import { openDatabase, type Database, type DatabaseOptions } from '@kinpay/db';
import { runClusterPrimary, type WorkerListening } from './cluster.ts';
import { loadConfig, loadEnvFile, type Config } from './config.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, hasAnyPractice, seedDemoPractice } from './seed/demo-practice.ts';
import type { ApiServer } from './server.ts';

loadEnvFile();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// The server's modules (Apollo, GraphQL, Express, the schema) take a while to load: they load
// while the database is created, migrated and seeded. A cluster's primary never serves.
const loadServerModules = () => import('./server.ts');
const serverModules = cluster.isPrimary && config.workers > 1 ? null : loadServerModules();

const since = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

if (cluster.isWorker) {
  await serveAsWorker();
} else if (config.workers > 1) {
  await startCluster();
} else {
  await serveAlone();
}

/** Creates, migrates and seeds the database, saying what takes time. */
async function prepareDatabase(options: DatabaseOptions): Promise<Database> {
  let creating: number | undefined;
  let migrating: number | undefined;
  const db = await openDatabase(options, {
    templateDir: config.embeddedTemplateDir,
    onProgress(progress) {
      if (progress.step === 'creating') {
        creating = performance.now();
        console.log(
          progress.from === 'template'
            ? `Creating the embedded database in ${progress.dir}, a copy of the empty one kept in ${config.embeddedTemplateDir}…`
            : `Creating the embedded database in ${progress.dir} (first start only)…`,
        );
      } else {
        if (creating !== undefined) console.log(`Created the embedded database in ${since(creating)}.`);
        migrating = performance.now();
        console.log(`Migrating the database: ${progress.pending.length} migration(s) to apply…`);
      }
    },
  });
  if (migrating !== undefined) console.log(`Migrated in ${since(migrating)}.`);
  else if (creating !== undefined) console.log(`Created the embedded database in ${since(creating)}.`);
  try {
    if (config.seedDemo && !(await hasAnyPractice(db.prisma))) {
      const seeding = performance.now();
      const seeded = await seedDemoPractice(db.prisma, {
        onProgress: ({ patients, total }) => console.log(`Seeding the demo practice: ${patients}/${total} patients…`),
      });
      console.log(`Seeded the demo practice in ${since(seeding)}: ${seeded.patients} patients, ${seeded.charges} charges.`);
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** The API on this database, listening on PORT. */
async function startServer(db: Database): Promise<{ server: ApiServer; port: number }> {
  const { createApiServer } = await (serverModules ?? loadServerModules());
  const server = await createApiServer(config, db.prisma);
  // Which process answered, for operators (and the cluster test); a pid tells nothing about anyone.
  server.httpServer.prependListener('request', (_req, res: ServerResponse) => res.setHeader('Kinpay-Worker', String(process.pid)));
  const port = await server.listen();
  return { server, port };
}

function printBanner(port: number, processes: string) {
  const origin = `http://localhost:${port}`;
  const database = 'databaseUrl' in config.database ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`;
  console.log(
    [
      '',
      `Kinpay is running (${database}, ${processes}).`,
      `  Portal:      ${origin}/`,
      `  GraphQL:     ${origin}/graphql`,
      config.graphiql ? `  Playground:  ${origin}/graphiql` : '  Playground:  off (GRAPHIQL_ENABLED)',
      `  Health:      ${origin}/healthz`,
      ...(config.seedDemo ? ['', `Demo logins (password ${DEMO_PASSWORD}):`, ...DEMO_LOGINS.map((l) => `  ${l.email.padEnd(32)} ${l.note}`)] : []),
      '',
    ].join('\n'),
  );
}

/**
 * Under `pnpm start` the web app may still be building while the database is prepared
 * (scripts/start.ts runs both at once): listen only once it is built, so nothing answers (and no
 * one waiting on /healthz goes ahead) before the portal can. The API asks; start.ts answers when built.
 */
async function webAppBuilt() {
  if (process.env.KINPAY_WEB_BUILD !== 'pending' || !process.send) return;
  await new Promise<void>((resolve) => {
    const onMessage = (message: unknown) => {
      if ((message as { kinpay?: string } | null)?.kinpay !== 'web-built') return;
      process.off('message', onMessage);
      resolve();
    };
    process.on('message', onMessage);
    process.send!({ kinpay: 'database-ready' });
  });
}

/**
 * Closes the server (its requests finish) and then the database, once, on these signals and when
 * the process that started this one (start.ts, the cluster's primary) is gone; then exits.
 */
function closeOn(signals: readonly NodeJS.Signals[], server: ApiServer, db: Database) {
  let stopping = false;
  const run = () => {
    if (stopping) return;
    stopping = true;
    (async () => {
      await server.close();
      await db.close();
      process.exit(0);
    })().catch((error: unknown) => {
      console.error('Kinpay did not stop cleanly:', error);
      process.exit(1);
    });
  };
  for (const signal of signals) process.on(signal, run);
  if (process.send) process.on('disconnect', run);
}

async function serveAlone() {
  const db = await prepareDatabase(config.database);
  await webAppBuilt();
  const { server, port } = await startServer(db);
  const requested = config.workersRequested;
  printBanner(
    port,
    'databaseUrl' in config.database || !requested || requested === 1
      ? 'one API process'
      : `one API process: the embedded database belongs to one, so API_WORKERS=${requested} applies only with DATABASE_URL`,
  );
  process.send?.({ kinpay: 'listening', port } satisfies WorkerListening);
  closeOn(['SIGINT', 'SIGTERM'], server, db);
}

async function startCluster() {
  const database = config.database;
  if (!('databaseUrl' in database)) throw new Error('A cluster needs DATABASE_URL');
  const poolSize = database.poolSize;
  // The primary only prepares: two connections are plenty, closed before the workers start.
  const db = await prepareDatabase({ databaseUrl: database.databaseUrl, poolSize: 2 });
  let workers = config.workers;
  try {
    const [server] = await db.prisma.$queryRaw<{ max: number; reserved: number }[]>`
      SELECT current_setting('max_connections')::int AS max, current_setting('superuser_reserved_connections')::int AS reserved`;
    const allowed = server!.max - server!.reserved;
    if (workers * poolSize > allowed) {
      const why = `${workers} workers × DATABASE_POOL_SIZE ${poolSize} = ${workers * poolSize} connections, more than the ${allowed} the PostgreSQL server accepts (max_connections ${server!.max})`;
      if (config.workersRequested !== undefined || poolSize > allowed) throw new Error(`API_WORKERS: ${why}; lower API_WORKERS or DATABASE_POOL_SIZE.`);
      // One per core was only a default: as many as the server can take.
      workers = Math.floor(allowed / poolSize);
      console.log(`${why}: starting ${workers} workers instead (set API_WORKERS or DATABASE_POOL_SIZE).`);
    }
    if (workers > 1) console.log(`Starting ${workers} API workers, up to ${poolSize} database connections each (${workers * poolSize} of ${allowed}).`);
  } finally {
    await db.close();
  }
  if (workers === 1) {
    // As many as the server can take is one: no cluster.
    return serveAlone();
  }
  await webAppBuilt();
  const primary = runClusterPrimary({
    workers,
    onListening(port) {
      printBanner(port, `${workers} API workers`);
      process.send?.({ kinpay: 'listening', port } satisfies WorkerListening);
    },
  });
  if (process.send) process.on('disconnect', () => void primary.stop());
}

async function serveAsWorker() {
  const db = await openDatabase(config.database, { migrate: false });
  const { server, port } = await startServer(db);
  process.send!({ kinpay: 'listening', port } satisfies WorkerListening);
  // Ctrl+C reaches every process of the terminal: the primary alone decides, and sends SIGTERM.
  process.on('SIGINT', () => {});
  closeOn(['SIGTERM'], server, db);
}
