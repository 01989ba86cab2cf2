import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Chromium against the production build.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    // Two spec files at once, each with its own Chromium and profile (one server): on the
    // 2-core machine the suite takes 15 minutes instead of 17 serially.
    fileParallelism: true,
    maxWorkers: 2,
    // Each worker runs its spec files one after another in one module graph: playwright-core,
    // jsPDF and the helpers are loaded once a worker, not once a file (about a second of CPU
    // each). The spec files keep no state in the modules they share (each launches its own browser).
    isolate: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // What the page does after a click goes through the service worker and the engine host;
    // on a busy 2-core machine that can take longer than expect.poll's default second.
    expect: { poll: { timeout: 15_000 } },
  },
});
