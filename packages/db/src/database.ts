// Opens the practice database: embedded PGlite (default, persisted under DATA_DIR) or a
// PostgreSQL server when DATABASE_URL is set. Both speak PostgreSQL, through Prisma adapters.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';
import { applyMigrations } from './schema-engine.ts';

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

export async function openDatabase(options: DatabaseOptions, { migrate = true } = {}): Promise<Database> {
  const db = 'databaseUrl' in options ? openServer(options.databaseUrl, options.poolSize) : await openEmbedded(options);
  if (migrate) {
    try {
      await applyMigrations(db.adapterFactory);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}

function openServer(connectionString: string, poolSize = 10): Database {
  const adapterFactory = new PrismaPg({ connectionString, max: poolSize });
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return { prisma, kind: 'postgres', adapterFactory, close: () => prisma.$disconnect() };
}

async function openEmbedded(options: Exclude<DatabaseOptions, { databaseUrl: string }>): Promise<Database> {
  const copy = options.loadDataDir ? { loadDataDir: options.loadDataDir } : {};
  let pglite: PGlite;
  if ('memory' in options) {
    pglite = new PGlite(copy);
  } else {
    const dir = path.resolve(options.dataDir, 'pglite');
    await mkdir(dir, { recursive: true });
    pglite = new PGlite(dir, copy);
  }
  await pglite.waitReady;
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    kind: 'pglite',
    adapterFactory,
    // PGlite keeps the process alive after $disconnect(): close the instance too.
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
  };
}

/** For the command-line tools (migrate, seed): DATABASE_URL wins; otherwise PGlite under DATA_DIR (default ./data). The API reads its own validated config. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: env.DATA_DIR ?? 'data' };
}
