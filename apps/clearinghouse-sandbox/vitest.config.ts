import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@kinpay/clearinghouse-sandbox',
    include: ['src/**/*.test.ts'],
  },
});
