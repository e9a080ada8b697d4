// pnpm db:migration <name>: writes the SQL that takes the committed migrations to the current
// schema.prisma into prisma/migrations/<timestamp>_<name>/migration.sql (what `prisma migrate dev`
// would write). The diff runs on a throwaway in-memory PGlite, never on a real database.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../database.ts';
import { diffSchemaAgainstMigrations, migrationsDir } from '../schema-engine.ts';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]+/gi, '_').toLowerCase();
if (!name) {
  console.error('usage: pnpm db:migration <name>');
  process.exit(2);
}
const db = await openDatabase({ memory: true }, { migrate: false });
try {
  const sql = await diffSchemaAgainstMigrations(db.adapterFactory);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log('schema.prisma matches the migrations: nothing to write.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), sql);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await db.close();
}
