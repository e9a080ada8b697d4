// Opens the practice database: embedded PGlite (default, persisted under DATA_DIR) or a
// PostgreSQL server when DATABASE_URL is set. Both speak PostgreSQL, through Prisma adapters.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { startEmbeddedDatabase } from './embedded/client.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { applyMigrations, loadMigrationsList, pendingMigrations } from './schema-engine.ts';
import { boundedStatementNames } from './statement-names.ts';

const require = createRequire(import.meta.url);

export type DatabaseOptions =
  /** A PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/kinpay; `poolSize` connections at most (default 10). */
  | { databaseUrl: string; poolSize?: number }
  /** Embedded PGlite persisted in this folder; `memory` keeps it in memory (tests). */
  | ({ dataDir: string } & EmbeddedCopy)
  | ({ memory: true } & EmbeddedCopy);

interface EmbeddedCopy {
  /** Start a new embedded database as a copy of this data directory (a `dumpDataDir()` tarball), e.g. one already migrated; tests open one per file. */
  loadDataDir?: Blob;
}

export interface Database {
  prisma: PrismaClient;
  kind: 'postgres' | 'pglite';
  /** The adapter factory, for the migration engine. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
  /** Embedded only: the data directory as a tarball, to open copies with `loadDataDir`. */
  dumpDataDir?(): Promise<Blob>;
}

/** The slow steps of opening, for a start-up that says what it is doing. */
export type OpenProgress =
  /** The embedded database's folder is new: PGlite runs initdb (seconds), or copies the kept template (a second). */
  | { step: 'creating'; dir: string; from: 'initdb' | 'template' }
  /** These migrations are about to be applied (not reported when there is none). */
  | { step: 'migrating'; pending: string[] };

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  onProgress?: (progress: OpenProgress) => void;
  /**
   * Embedded only: a folder where a migrated, empty data directory is kept, one per PGlite build
   * and set of migrations (a cache, like Vite's). A new database folder then starts as a copy of it
   * (about a second) instead of initdb and every migration (several); the first one made leaves it.
   */
  templateDir?: string;
}

export async function openDatabase(options: DatabaseOptions, open: OpenOptions = {}): Promise<Database> {
  if ('dataDir' in options && !options.loadDataDir && open.templateDir && open.migrate !== false && isNewDataDir(options.dataDir)) {
    return openFromTemplate(options.dataDir, open.templateDir, open.onProgress);
  }
  return openAndMigrate(options, open);
}

async function openAndMigrate(options: DatabaseOptions, { migrate = true, onProgress }: OpenOptions): Promise<Database> {
  const db = 'databaseUrl' in options ? openServer(options.databaseUrl, options.poolSize) : await openEmbedded(options, onProgress);
  if (migrate) {
    try {
      const pending = await pendingMigrations((sql) => db.prisma.$queryRawUnsafe(sql));
      if (pending.length > 0) {
        onProgress?.({ step: 'migrating', pending });
        await applyMigrations(db.adapterFactory);
      }
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}

function openServer(connectionString: string, poolSize = 10): Database {
  const adapterFactory = new PrismaPg({ connectionString, max: poolSize }, { statementNameGenerator: boundedStatementNames() });
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return { prisma, kind: 'postgres', adapterFactory, close: () => prisma.$disconnect() };
}

async function openEmbedded(options: Exclude<DatabaseOptions, { databaseUrl: string }>, onProgress: OpenOptions['onProgress']): Promise<Database> {
  let dataDir: string | null = null;
  if ('dataDir' in options) {
    dataDir = pgliteDir(options.dataDir);
    await mkdir(dataDir, { recursive: true });
    if (!options.loadDataDir && isNewDataDir(options.dataDir)) onProgress?.({ step: 'creating', dir: dataDir, from: 'initdb' });
  }
  // PGlite runs in a thread of its own (embedded/worker.mjs), never on the thread that serves requests.
  const embedded = await startEmbeddedDatabase({ dataDir, loadDataDir: options.loadDataDir });
  const prisma = new PrismaClient({ adapter: embedded.adapterFactory });
  return {
    prisma,
    kind: 'pglite',
    adapterFactory: embedded.adapterFactory,
    close: async () => {
      await prisma.$disconnect();
      await embedded.close();
    },
    dumpDataDir: () => embedded.dumpDataDir(),
  };
}

const pgliteDir = (dataDir: string) => path.resolve(dataDir, 'pglite');
// PG_VERSION is the first thing a PostgreSQL data directory holds.
const isNewDataDir = (dataDir: string) => !existsSync(path.join(pgliteDir(dataDir), 'PG_VERSION'));

/** Names the template by what makes it: PGlite's build (its installed path carries the version) and every migration. */
async function templateFile(templateDir: string): Promise<string> {
  const hash = createHash('sha256').update(require.resolve('@electric-sql/pglite'));
  for (const m of (await loadMigrationsList()).migrationDirectories) hash.update(`\0${m.path}\0${m.migrationFile.content.value}`);
  return path.join(templateDir, `pglite-${hash.digest('hex').slice(0, 16)}.tgz`);
}

async function openFromTemplate(dataDir: string, templateDir: string, onProgress: OpenOptions['onProgress']): Promise<Database> {
  const file = await templateFile(templateDir);
  const template = await readFile(file).catch(() => null);
  if (template) {
    onProgress?.({ step: 'creating', dir: pgliteDir(dataDir), from: 'template' });
    try {
      // Still checked: a migration the template lacks is applied as on any start.
      return await openAndMigrate({ dataDir, loadDataDir: new Blob([template]) }, { onProgress });
    } catch (error) {
      // A template that does not load (cut short, damaged): forget it and make the database anew.
      console.warn(`The kept empty database ${file} did not load (${(error as Error).message}); creating one from scratch.`);
      await rm(file, { force: true });
      await rm(pgliteDir(dataDir), { recursive: true, force: true });
    }
  }
  const db = await openAndMigrate({ dataDir }, { onProgress });
  try {
    const archive = Buffer.from(await (await db.dumpDataDir!()).arrayBuffer());
    await mkdir(templateDir, { recursive: true });
    // Others' builds and migration sets are of no more use; the new one appears whole or not at all.
    for (const old of await readdir(templateDir)) if (/^pglite-.*\.tgz$/.test(old)) await rm(path.join(templateDir, old), { force: true });
    await writeFile(`${file}.${process.pid}.partial`, archive);
    await rename(`${file}.${process.pid}.partial`, file);
  } catch (error) {
    console.warn(`Could not keep the empty database in ${templateDir}: ${(error as Error).message}`);
  }
  return db;
}

/** For the command-line tools (migrate, seed): DATABASE_URL wins; otherwise PGlite under DATA_DIR (default ./data). The API reads its own validated config. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: env.DATA_DIR ?? 'data' };
}
