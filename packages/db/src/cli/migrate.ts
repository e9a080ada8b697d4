// pnpm db:migrate: applies pending migrations to DATABASE_URL, or to the embedded database under DATA_DIR.
import { databaseOptionsFromEnv, openDatabase } from '../database.ts';
import { applyMigrations } from '../schema-engine.ts';

const db = await openDatabase(databaseOptionsFromEnv(), { migrate: false });
try {
  const applied = await applyMigrations(db.adapterFactory);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await db.close();
}
