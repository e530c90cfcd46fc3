import { defineConfig } from '@playwright/test';

// End-to-end tests load the built extension (.output/chrome-mv3) into Chromium (found by tests/support/chromium/):
// run `npm run build` first (`npm test` does). Browser launch and the local test server live in tests/e2e/fixtures.ts.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  globalSetup: './tests/e2e/global-setup.ts',
  // One worker: a 2-core machine, and each worker runs its own Chromium.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [
    ['list'],
    // Not inside outputDir: Playwright empties that at start.
    ['json', { outputFile: 'tests/.reports/e2e.json' }],
  ],
  use: {
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
  },
});
