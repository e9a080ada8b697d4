import { configDefaults } from 'vitest/config';
import { apiTestProject, TIMED_FILES } from './vitest.shared.ts';

// The API's tests, but for the timed ones (vitest.timed.config.ts, run after these from the root:
// `pnpm test:unit --project '@kinpay/api*'` runs both).
export default apiTestProject({
  name: '@kinpay/api',
  include: ['src/**/*.test.ts'],
  exclude: [...configDefaults.exclude, ...TIMED_FILES],
});
