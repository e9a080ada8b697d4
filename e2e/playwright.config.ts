import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

// The whole product, started the way `pnpm start` starts it, on its own ports and a fresh
// embedded database (so a demo running on 4000 is left alone).
const here = path.dirname(fileURLToPath(import.meta.url));
const PORT = Number(process.env.E2E_PORT ?? 4310);
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4410);
export const baseURL = `http://localhost:${PORT}`;
export const sandboxURL = `http://localhost:${SANDBOX_PORT}`;
/** The API's DATA_DIR: its embedded database and the report drop folder (<dataDir>/inbox/<Payment ID>/); emptied at every start. */
export const dataDir = process.env.E2E_DATA_DIR ? path.resolve(process.env.E2E_DATA_DIR) : path.join(here, '.data');

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  // No retries, here or in CI: a test that passes only on its second try is a bug to fix, not to hide.
  retries: 0,
  // The tests share one practice and change its settings: one at a time, in order.
  workers: 1,
  fullyParallel: false,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup'], testIgnore: /ebilling\.spec\.ts/ },
    // eBilling posts payments, so balances change: it runs after the specs that check the seeded ones.
    { name: 'ebilling', testMatch: /ebilling\.spec\.ts/, use: { ...devices['Desktop Chrome'] }, dependencies: ['chromium'] },
  ],
  webServer: {
    command: `rm -rf "${dataDir}" && node ../node_modules/tsx/dist/cli.mjs ../scripts/start.ts`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
    env: {
      PORT: String(PORT),
      SANDBOX_PORT: String(SANDBOX_PORT),
      DATA_DIR: dataDir,
      SANDBOX_DATA_DIR: path.join(dataDir, 'sandbox'),
      SANDBOX_SMTP_PORT: String(Number(process.env.E2E_SMTP_PORT ?? 2535)),
    },
  },
});
