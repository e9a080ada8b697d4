// The load test's database: a fresh one per run (PostgreSQL: a database of its own on the server,
// dropped at the end; PGlite: a temporary data directory), migrated by openDatabase and loaded with
// the bench's generator (bench/data.ts) plus parent and staff logins.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '@kinpay/db';
import pg from 'pg';
import { loadPractice, type ParentLogin, type Query } from '../bench/data.ts';

export interface Seeded {
  /** What the API process needs to open the same database. */
  env: Record<string, string>;
  parents: ParentLogin[];
  staffEmails: string[];
  counts: Record<string, number>;
  seedSeconds: number;
  /** PostgreSQL: the server processes (backends) connected to the load test's database now. */
  backendPids?(): Promise<number[]>;
  /** Drops the database (PostgreSQL) or removes the data directory (PGlite). */
  drop(): Promise<void>;
}

export interface SeedOptions {
  patients: number;
  parents: number;
  staff: number;
  seed: number;
  log: (line: string) => void;
}

async function fill(database: Database, query: Query, vacuum: () => Promise<unknown>, options: SeedOptions) {
  const loaded = await loadPractice(database.prisma, {
    patients: options.patients,
    seed: options.seed,
    log: options.log,
    query,
    logins: { parents: options.parents, staff: options.staff },
  });
  await vacuum();
  return loaded;
}

/** `serverUrl` is the server's address without a database (postgres://postgres@127.0.0.1:5432). */
export async function seedPostgres(serverUrl: string, options: SeedOptions): Promise<Seeded> {
  const started = performance.now();
  const name = `kinpay_loadtest_${process.pid}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: `${serverUrl}/test` });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  const databaseUrl = `${serverUrl}/${name}`;
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const drop = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  options.log(`  database ${name} created (dropped at the end)`);
  let database: Database | undefined;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    database = await openDatabase({ databaseUrl });
    const loaded = await fill(
      database,
      async (text, params) => (await pool.query<Record<string, unknown>>(text, params)).rows,
      () => pool.query('VACUUM ANALYZE'),
      options,
    );
    // Asked from the `test` database, so the question itself is no backend of the load test's.
    const monitor = new pg.Client({ connectionString: `${serverUrl}/test` });
    await monitor.connect();
    return {
      env: { DATABASE_URL: databaseUrl },
      parents: loaded.parents,
      staffEmails: loaded.staffEmails,
      counts: loaded.counts,
      seedSeconds: Math.round((performance.now() - started) / 100) / 10,
      backendPids: async () => (await monitor.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name])).rows.map((r) => r.pid),
      async drop() {
        await monitor.end().catch(() => {});
        await drop();
      },
    };
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  } finally {
    await pool.end();
    await database?.close();
  }
}

export async function seedPglite(options: SeedOptions): Promise<Seeded> {
  const started = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kinpay-loadtest-pglite-'));
  const drop = () => rm(dir, { recursive: true, force: true });
  options.log(`  data directory ${dir} (removed at the end)`);
  let database: Database | undefined;
  try {
    database = await openDatabase({ dataDir: dir });
    const prisma = database.prisma;
    const loaded = await fill(
      database,
      (text, params) => prisma.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params),
      () => prisma.$executeRawUnsafe('VACUUM ANALYZE'),
      options,
    );
    // Closed before the API opens it: PGlite is one process's database.
    await database.close();
    database = undefined;
    return {
      env: { DATA_DIR: dir },
      parents: loaded.parents,
      staffEmails: loaded.staffEmails,
      counts: loaded.counts,
      seedSeconds: Math.round((performance.now() - started) / 100) / 10,
      drop,
    };
  } catch (error) {
    await database?.close();
    await drop();
    throw error;
  }
}
