// Fake timers for tests that would otherwise wait in real time (debounced search, the mocked
// link's 20–50 ms answers). Testing Library advances a fake clock inside waitFor/findBy only when
// it sees Jest's, so it is given a `jest.advanceTimersByTime` that moves Vitest's.
import { afterEach, beforeEach, vi } from 'vitest';

type WithJest = typeof globalThis & { jest?: { advanceTimersByTime: (ms: number) => void } };

/** Call at the top of a describe block: every test in it runs on a fake clock. */
export function useFakeClock() {
  beforeEach(() => {
    vi.useFakeTimers();
    (globalThis as WithJest).jest = { advanceTimersByTime: (ms) => vi.advanceTimersByTime(ms) };
  });
  afterEach(() => {
    delete (globalThis as WithJest).jest;
    vi.useRealTimers();
  });
}
