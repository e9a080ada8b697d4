import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@kinpay/api',
    include: ['src/**/*.test.ts'],
    // Each test file opens its own database (a fresh PGlite, or a new database on the server).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
