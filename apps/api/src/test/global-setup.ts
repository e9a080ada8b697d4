// Once per `vitest run`: names the run's migrated template database (built by the first test file
// that opens a database, see template.ts) and removes it afterwards, with every copy of it a
// crashed worker left behind. On PGlite the template is a tarball of a migrated data directory; on
// the PostgreSQL server (KINPAY_TEST_DB=postgres) a template database. Both API test projects
// (@kinpay/api and @kinpay/api:timed) run this in the same process and share one template.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { adminQuery, TEST_DB_KIND, type TestDatabaseTemplate } from './template.ts';

interface Shared {
  template: Promise<TestDatabaseTemplate>;
  projects: number;
}
const run = globalThis as { kinpayTestDatabase?: Shared };

export default async function setup(project: TestProject) {
  const shared = (run.kinpayTestDatabase ??= { template: nameTemplate(), projects: 0 });
  shared.projects++;
  project.provide('kinpayTestDatabase', await shared.template);
  return async () => {
    if (--shared.projects > 0) return;
    delete run.kinpayTestDatabase;
    await remove(await shared.template);
  };
}

async function nameTemplate(): Promise<TestDatabaseTemplate> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kinpay-test-db-'));
  if (TEST_DB_KIND === 'pglite') return { kind: 'pglite', dir };
  const id = `${process.pid}_${randomBytes(3).toString('hex')}`;
  return { kind: 'postgres', dir, template: `kinpay_test_template_${id}`, prefix: `kinpay_test_${id}_` };
}

async function remove(template: TestDatabaseTemplate) {
  if (template.kind === 'postgres') {
    const copies = await adminQuery<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [template.prefix]);
    for (const { datname } of copies) await adminQuery(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await adminQuery(`DROP DATABASE IF EXISTS ${template.template} WITH (FORCE)`);
  }
  await rm(template.dir, { recursive: true, force: true });
}
