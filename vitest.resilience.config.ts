import { defineConfig } from 'vitest/config';

/**
 * `npm run test:resilience`: the resilience suite (kill -9, Slack faults, duplicate deliveries,
 * PostgreSQL restarted, replicas). Its files start real processes and a PostgreSQL cluster of their
 * own, so they run one after the other, with generous timeouts.
 */
export default defineConfig({
  test: {
    include: ['test/resilience/**/*.test.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
