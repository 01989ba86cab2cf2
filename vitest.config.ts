import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Unit tests cover what runs in Node; the browser-only code (workers, canvas, the
    // Svelte screens) is covered by the browser specs in test/e2e. A change that leaves
    // new code untested in both drops these and fails `npm test`.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary'],
      thresholds: { statements: 60, branches: 58, functions: 58, lines: 60 },
    },
  },
});
