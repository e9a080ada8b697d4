export { openDatabase, databaseOptionsFromEnv, type Database, type DatabaseOptions } from './database.ts';
export { applyMigrations } from './schema-engine.ts';
export * from './generated/prisma/client.ts';
