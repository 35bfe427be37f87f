import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests start real servers and measure them: running files in parallel
    // on a 2-core machine would make them fight for CPU and time out.
    fileParallelism: false,
  },
});
