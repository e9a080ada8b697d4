import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: '@kinpay/remittance', include: ['src/**/*.test.ts'] } });
