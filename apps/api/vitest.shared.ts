// What both API test projects share (vitest.config.ts and vitest.timed.config.ts).
import { createRequire } from 'node:module';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Test files that measure response times (/healthz while a 50 MB report is read): they run after
 * every other test file, one at a time, so no other file's work on the same cores skews them.
 */
export const TIMED_FILES = ['src/ebilling/large-report.test.ts'];

export function apiTestProject(test: NonNullable<ViteUserConfig['test']>) {
  return defineConfig({
    // graphql ships CommonJS and ESM builds; the CommonJS tools (@graphql-tools) require() one, so
    // tests must import that same one or schemas look like they come "from another realm".
    resolve: { alias: { graphql: require.resolve('graphql') } },
    test: {
      // Migrated once per run; each test file opens its own copy (src/test/database.ts).
      globalSetup: ['src/test/global-setup.ts'],
      // The files of a worker share loaded modules (the server's module graph, PGlite's compiled
      // WebAssembly): each still has its own server and database, and no test mocks modules.
      isolate: false,
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...test,
    },
  });
}
