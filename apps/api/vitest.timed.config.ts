import { apiTestProject, TIMED_FILES } from './vitest.shared.ts';

// The API tests that measure response times, after all other test files of the run (a later
// group) and one at a time.
export default apiTestProject({
  name: '@kinpay/api:timed',
  include: TIMED_FILES,
  maxWorkers: 1,
  sequence: { groupOrder: 1 },
});
