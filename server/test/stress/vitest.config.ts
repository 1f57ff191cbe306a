import { defineConfig } from 'vitest/config';

/** Crash and cluster runs: real server processes, one file at a time. */
export default defineConfig({
  test: {
    include: ['server/test/stress/**/*.stress.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
