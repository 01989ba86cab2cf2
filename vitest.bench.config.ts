import { defineConfig } from 'vitest/config';

// `npm run bench:units`: the timings of the parts that run in Node (not tests: nothing is asserted).
export default defineConfig({
  test: {
    include: [],
    benchmark: { include: ['bench/units/**/*.bench.ts'] },
    environment: 'node',
  },
});
