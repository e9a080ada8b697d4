import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // graphql ships CommonJS and ESM builds; the CommonJS tools (@graphql-tools) require() one, so
  // tests must import that same one or schemas look like they come "from another realm".
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    name: '@kinpay/api',
    include: ['src/**/*.test.ts'],
    // Each test file opens its own database (a fresh PGlite, or a new database on the server).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
