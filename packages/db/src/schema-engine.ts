// Prisma's migration engine, as WebAssembly. The native `prisma migrate` engine is a binary
// downloaded at install time, which our machines cannot fetch; this build ships inside its
// npm package and drives the database through the same driver adapter the app uses.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as SchemaEngineWasm from '@prisma/schema-engine-wasm';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
export const prismaDir = path.resolve(here, '../prisma');
export const schemaPath = path.join(prismaDir, 'schema.prisma');
export const migrationsDir = path.join(prismaDir, 'migrations');

type EngineModule = typeof SchemaEngineWasm;
type SchemaEngine = Awaited<ReturnType<EngineModule['SchemaEngine']['new']>>;

// Node has WebAssembly; our TS lib set (no DOM) does not declare it.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let engineModule: Promise<EngineModule> | undefined;

/** Node 20 cannot import .wasm modules, so instantiate the module by hand (once per process). */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    // The generated glue module, typed as the package it backs plus its one set-up hook.
    const bg = (await import(path.join(pkgDir, 'schema_engine_bg.js'))) as EngineModule & { __wbg_set_wasm(exports: unknown): void };
    const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return engineModule;
}

const noFilters = { externalTables: [], externalEnums: [] };

export async function withSchemaEngine<T>(adapterFactory: SqlMigrationAwareDriverAdapterFactory, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(schemaPath, 'utf8');
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(adapterFactory));
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

/** The migrations folder as the engine expects it (what `prisma migrate deploy` reads). */
export async function loadMigrationsList() {
  const names = (await readdir(migrationsDir, { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const file = path.join(migrationsDir, name, 'migration.sql');
        // `path` is the folder's name: the engine records it as the migration's name.
        return {
          path: name,
          migrationFile: { path: file, content: { tag: 'ok' as const, value: await readFile(file, 'utf8') } },
        };
      }),
    ),
  };
}

/** Reads rows from the database the migrations go to (e.g. Prisma's `$queryRawUnsafe`). */
export type RawQuery = <Row>(sql: string) => Promise<Row[]>;

/**
 * The migrations of the folder that the database has not finished applying, by name and checksum as
 * `_prisma_migrations` records them (sha256 of the file, as `prisma migrate deploy` writes it); all
 * of them on a new database. Plain SQL, no engine: loading the WebAssembly engine costs about a
 * second, which a start with nothing to migrate (every start but the first) skips.
 */
export async function pendingMigrations(query: RawQuery): Promise<string[]> {
  const { migrationDirectories } = await loadMigrationsList();
  const [table] = await query<{ present: boolean }>(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`);
  const applied = table?.present
    ? await query<{ migration_name: string; checksum: string }>(
        'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      )
    : [];
  const done = new Set(applied.map((row) => `${row.migration_name}:${row.checksum}`));
  return migrationDirectories
    .filter((m) => !done.has(`${m.path}:${createHash('sha256').update(m.migrationFile.content.value).digest('hex')}`))
    .map((m) => m.path);
}

/** Applies every migration not yet applied; records each in `_prisma_migrations`. */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const migrationsList = await loadMigrationsList();
  return withSchemaEngine(adapterFactory, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return appliedMigrationNames;
  });
}

/** SQL that takes a database from the committed migrations to the current schema.prisma. */
export async function diffSchemaAgainstMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const migrationsList = await loadMigrationsList();
  const schema = await readFile(schemaPath, 'utf8');
  return withSchemaEngine(adapterFactory, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? '';
  });
}
