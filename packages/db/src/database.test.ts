// A new embedded database costs initdb and every migration once; after that, a new data folder
// (`rm -rf data`, each e2e run) starts as a copy of the migrated, empty one kept aside.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type OpenProgress } from './database.ts';
import { pendingMigrations } from './schema-engine.ts';

let dir: string;
let templateDir: string;
let firstSteps: string[];
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kinpay-db-'));
  templateDir = path.join(dir, 'templates');
  const first = await open('first');
  firstSteps = first.steps;
  await first.db.prisma.practice.create({ data: { name: 'Added after the template' } });
  await first.db.close();
}, 180_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function open(name: string) {
  const progress: OpenProgress[] = [];
  const db = await openDatabase({ dataDir: path.join(dir, name) }, { templateDir, onProgress: (p) => progress.push(p) });
  return { db, steps: progress.map((p) => (p.step === 'creating' ? `creating from ${p.from}` : p.step)) };
}

it('creates the first one with initdb and migrations, and keeps it', async () => {
  expect(firstSteps).toEqual(['creating from initdb', 'migrating']);
  expect(await readdir(templateDir)).toEqual([expect.stringMatching(/^pglite-[0-9a-f]{16}\.tgz$/)]);
  // A folder that exists is opened as it is.
  const again = await open('first');
  expect(again.steps).toEqual([]);
  expect(await again.db.prisma.practice.count()).toBe(1);
  await again.db.close();
});

it('starts the next one as a copy: migrated, without the data added since', async () => {
  const second = await open(`copy-${Date.now()}`);
  try {
    expect(second.steps).toEqual(['creating from template']);
    expect(await pendingMigrations((sql) => second.db.prisma.$queryRawUnsafe(sql))).toEqual([]);
    expect(await second.db.prisma.practice.count()).toBe(0);
  } finally {
    await second.db.close();
  }
});

it('makes a new one from scratch when the kept one is damaged, and keeps that', async () => {
  const [kept] = await readdir(templateDir);
  await writeFile(path.join(templateDir, kept!), 'not a tarball');
  const third = await open('third');
  try {
    expect(third.steps).toEqual(['creating from template', 'creating from initdb', 'migrating']);
    expect(await pendingMigrations((sql) => third.db.prisma.$queryRawUnsafe(sql))).toEqual([]);
  } finally {
    await third.db.close();
  }
  const fourth = await open('fourth');
  expect(fourth.steps).toEqual(['creating from template']);
  await fourth.db.close();
});
