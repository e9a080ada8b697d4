// Every web test runs on a fake clock (setup.ts installs it): the mocked link's 20–50 ms answers,
// debounced search, polling and the eBilling run's phases move with the clock instead of making
// the test wait in real time. Testing Library advances a fake clock inside waitFor/findBy only when
// it sees Jest's, so it is given a `jest.advanceTimersByTime` that moves Vitest's.
import { afterEach, beforeEach, vi } from 'vitest';

type WithJest = typeof globalThis & { jest?: { advanceTimersByTime: (ms: number) => void } };

/** Called once, by setup.ts: every test runs on a fake clock. */
export function installFakeClock() {
  beforeEach(() => {
    vi.useFakeTimers();
    (globalThis as WithJest).jest = { advanceTimersByTime: (ms) => vi.advanceTimersByTime(ms) };
  });
  afterEach(() => {
    delete (globalThis as WithJest).jest;
    vi.useRealTimers();
  });
}
