import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One `vitest run` at the root runs every package's unit and integration tests.
export default defineConfig({
  test: {
    // apps/api holds two projects: @kinpay/api and, after everything else, @kinpay/api:timed.
    projects: ['packages/*', 'apps/*', 'apps/api/vitest.timed.config.ts'],
    // One test file per core. Vitest's default (cores − 1) runs one file at a time on a 2-core machine.
    maxWorkers: availableParallelism(),
    // In CI (CI=true, as .ci/run sets it) the files and the tests in each run in a random order, so no
    // test can lean on what another left behind. The seed is printed: `pnpm test:unit --sequence.seed=<seed>`
    // replays that order; `pnpm test:unit --sequence.shuffle` shuffles locally.
    sequence: { shuffle: !!process.env.CI },
  },
});
