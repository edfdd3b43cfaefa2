import { defineConfig } from '@playwright/test';

// Debian's Chromium (installed by scripts/ensure-chromium.sh); Playwright cannot download browsers here.
export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  retries: 0,
  reporter: [['list']],
  outputDir: 'e2e/artifacts/results',
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://localhost:8080',
    headless: true,
    locale: 'ko-KR',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
});
