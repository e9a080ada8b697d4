// A database of its own for one test file, copied from the run's migrated template (template.ts):
// an in-memory PGlite loaded from the template's data directory by default, or a new database on
// the PostgreSQL server made WITH TEMPLATE when KINPAY_TEST_DB=postgres (dropped again on close).
// Without the global setup (a runner that skips it), each database is migrated from scratch.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { openDatabase, type Database } from '@kinpay/db';
import { inject } from 'vitest';
import { adminQuery, archivePath, ensureTemplate, serverDatabaseUrl, TEST_DB_KIND, type TestDatabaseTemplate } from './template.ts';

export { TEST_DB_KIND };

function template(): TestDatabaseTemplate | undefined {
  const provided = inject('kinpayTestDatabase');
  return provided?.kind === TEST_DB_KIND ? provided : undefined;
}

let archive: Promise<Blob> | undefined;
/** The migrated PGlite data directory, read once per test file. */
function migratedDataDir(from: Extract<TestDatabaseTemplate, { kind: 'pglite' }>): Promise<Blob> {
  archive ??= ensureTemplate(from)
    .then(() => readFile(archivePath(from)))
    .then((bytes) => new Blob([bytes]));
  return archive;
}

export async function openTestDatabase(): Promise<Database> {
  const from = template();
  if (TEST_DB_KIND === 'pglite') {
    if (from?.kind !== 'pglite') return openDatabase({ memory: true });
    return openDatabase({ memory: true, loadDataDir: await migratedDataDir(from) }, { migrate: false });
  }
  const name = await createServerDatabase(from);
  const db = await openDatabase({ databaseUrl: serverDatabaseUrl(name) }, { migrate: !from });
  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * For a test that starts the API as its own process: the environment that points it at a fresh copy
 * of the migrated database (a PGlite folder under DATA_DIR, or DATABASE_URL on the server), and the
 * clean-up to call once the process has ended.
 */
export async function databaseForProcess(dataDir: string): Promise<{ env: Record<string, string>; dispose(): Promise<void> }> {
  const from = template();
  if (TEST_DB_KIND === 'pglite') {
    if (from?.kind === 'pglite') await (await openDatabase({ dataDir, loadDataDir: await migratedDataDir(from) }, { migrate: false })).close();
    return { env: { DATA_DIR: dataDir }, dispose: async () => {} };
  }
  const name = await createServerDatabase(from);
  if (!from) await (await openDatabase({ databaseUrl: serverDatabaseUrl(name) })).close();
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: serverDatabaseUrl(name) },
    async dispose() {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function createServerDatabase(from: TestDatabaseTemplate | undefined): Promise<string> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (from?.kind !== 'postgres') {
    const name = `kinpay_test_${suffix}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    return name;
  }
  await ensureTemplate(from);
  const name = `${from.prefix}${suffix}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${from.template}`);
      return name;
    } catch (error) {
      // 55006: a session is on the template for a moment (autovacuum, before it was closed to connections).
      if ((error as { code?: string }).code !== '55006' || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
