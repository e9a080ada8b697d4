export { openDatabase, databaseOptionsFromEnv, type Database, type DatabaseOptions, type OpenOptions, type OpenProgress } from './database.ts';
export { applyMigrations, pendingMigrations } from './schema-engine.ts';
export * from './generated/prisma/client.ts';
