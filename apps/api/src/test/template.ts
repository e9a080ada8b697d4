// The run's migrated template database, which every test file copies (database.ts). Migrating
// takes seconds (Prisma's WASM schema engine), so it happens once per `vitest run`: the global
// setup (global-setup.ts) names the template, and the first test file that needs a database
// builds it while any other waits; a run of files that need none never builds it.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '@kinpay/db';
import pg from 'pg';

export const TEST_DB_KIND = process.env.KINPAY_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestDatabaseTemplate =
  /** `dir` holds (once built) migrated.tgz, a tarball of a migrated PGlite data directory. */
  | { kind: 'pglite'; dir: string }
  /** A migrated database on the server to copy with CREATE DATABASE … TEMPLATE; copies are named `${prefix}…`. */
  | { kind: 'postgres'; dir: string; template: string; prefix: string };

declare module 'vitest' {
  export interface ProvidedContext {
    kinpayTestDatabase: TestDatabaseTemplate | undefined;
  }
}

const READY = 'ready';
const FAILED = 'failed';
const WAIT_MS = 180_000;

export const archivePath = (template: Extract<TestDatabaseTemplate, { kind: 'pglite' }>) => path.join(template.dir, 'migrated.tgz');

/** Resolves once the template exists: builds it if this is the first caller of the run, else waits for the builder. */
export async function ensureTemplate(template: TestDatabaseTemplate): Promise<void> {
  if (await exists(path.join(template.dir, READY))) return;
  try {
    await mkdir(path.join(template.dir, 'building'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return waitForBuilder(template.dir);
  }
  try {
    await buildTemplate(template);
    await writeFile(path.join(template.dir, READY), '');
  } catch (error) {
    await writeFile(path.join(template.dir, FAILED), String((error as Error).stack ?? error));
    throw error;
  }
}

async function buildTemplate(template: TestDatabaseTemplate) {
  if (template.kind === 'pglite') {
    const db = await openDatabase({ memory: true });
    try {
      const archive = await db.dumpDataDir!();
      await writeFile(`${archivePath(template)}.partial`, Buffer.from(await archive.arrayBuffer()));
      await rename(`${archivePath(template)}.partial`, archivePath(template));
    } finally {
      await db.close();
    }
    return;
  }
  await adminQuery(`CREATE DATABASE ${template.template}`);
  await (await openDatabase({ databaseUrl: serverDatabaseUrl(template.template) })).close();
  // CREATE DATABASE … TEMPLATE fails while anyone is connected to the template, autovacuum
  // included; autovacuum leaves alone a database that allows no connections.
  await adminQuery(`ALTER DATABASE ${template.template} WITH ALLOW_CONNECTIONS false`);
  await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [template.template]);
}

async function waitForBuilder(dir: string) {
  const until = Date.now() + WAIT_MS;
  while (Date.now() < until) {
    if (await exists(path.join(dir, READY))) return;
    if (await exists(path.join(dir, FAILED))) {
      throw new Error(`Building the migrated test database failed in another test file:\n${await readFile(path.join(dir, FAILED), 'utf8')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The migrated test database was not ready after ${WAIT_MS / 1000} s (built by another test file in ${dir}).`);
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** The server URL with another database name. */
export function serverDatabaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the server's own database (CREATE and DROP DATABASE cannot run in the one they change). */
export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
