// `pnpm mutation` (docs/mutation.md): Stryker on this package with its own vitest project; fails below 95 %.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // pnpm keeps the runner out of Stryker's own folder, where its default plugin glob looks.
  plugins: [import.meta.resolve('@stryker-mutator/vitest-runner')],
  vitest: { configFile: 'vitest.config.ts' },
  mutate: ['src/**/*.ts', '!src/**/*.test.ts', '!src/test-helpers.ts'],
  thresholds: { high: 98, low: 95, break: 95 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: '../../reports/mutation/money.html' },
  jsonReporter: { fileName: '../../reports/mutation/money.json' },
  cleanTempDir: 'always',
};
