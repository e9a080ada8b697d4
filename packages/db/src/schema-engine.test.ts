// Every start checks the migrations; only a database that lacks some pays for Prisma's engine.
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database, type OpenProgress } from './database.ts';
import { migrationsDir, pendingMigrations } from './schema-engine.ts';

let db: Database;
let migrations: string[];
const firstOpen: OpenProgress[] = [];
beforeAll(async () => {
  migrations = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  db = await openDatabase({ memory: true }, { onProgress: (p) => firstOpen.push(p) });
});
afterAll(() => db?.close());

it('applies every migration to a new database, saying which', async () => {
  expect(migrations.length).toBeGreaterThan(5);
  expect(firstOpen).toEqual([{ step: 'migrating', pending: migrations }]);
  const recorded = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>('SELECT migration_name FROM _prisma_migrations ORDER BY 1');
  expect(recorded.map((r) => r.migration_name)).toEqual(migrations);
});

it('finds nothing pending on a migrated database, so a second open does not migrate', async () => {
  expect(await pendingMigrations((sql) => db.prisma.$queryRawUnsafe(sql))).toEqual([]);
  const again: OpenProgress[] = [];
  const copy = await openDatabase({ memory: true, loadDataDir: await db.dumpDataDir!() }, { onProgress: (p) => again.push(p) });
  await copy.close();
  expect(again).toEqual([]);
});

it('lists a migration whose recorded checksum differs from the file, or that failed halfway', async () => {
  const [first, second] = migrations;
  const copy = await openDatabase({ memory: true, loadDataDir: await db.dumpDataDir!() }, { migrate: false });
  try {
    await copy.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET checksum = 'edited' WHERE migration_name = '${first}'`);
    await copy.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${second}'`);
    expect(await pendingMigrations((sql) => copy.prisma.$queryRawUnsafe(sql))).toEqual([first, second]);
  } finally {
    await copy.close();
  }
});
