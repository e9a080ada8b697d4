// `pnpm mutation` (docs/mutation.md): Stryker on this package with its own vitest project; fails below 85 %.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // pnpm keeps the runner out of Stryker's own folder, where its default plugin glob looks.
  plugins: [import.meta.resolve('@stryker-mutator/vitest-runner')],
  vitest: { configFile: 'vitest.config.ts' },
  mutate: ['src/**/*.ts', '!src/**/*.test.ts', '!src/test-helpers.ts'],
  thresholds: { high: 90, low: 85, break: 85 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: '../../reports/mutation/remittance.html' },
  jsonReporter: { fileName: '../../reports/mutation/remittance.json' },
  cleanTempDir: 'always',
};
