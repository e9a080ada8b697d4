// A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
// on the PostgreSQL server when KINPAY_TEST_DB=postgres (dropped again on close).
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '@kinpay/db';
import pg from 'pg';

export const TEST_DB_KIND = process.env.KINPAY_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function openTestDatabase(): Promise<Database> {
  if (TEST_DB_KIND === 'pglite') return openDatabase({ memory: true });
  const name = `kinpay_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
