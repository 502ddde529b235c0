// Test projects: unit (pure, beside the code), integration on both databases (the same
// *.int.test.ts files run once on PGlite and once on PostgreSQL), and end-to-end in Chromium.
import { defineConfig } from 'vitest/config';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Vitest 4 runs projects with different maxWorkers only in distinct groups (in this order).
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          env: { TZ: 'UTC' },
        },
      },
      {
        test: {
          name: 'int-pglite',
          sequence: { groupOrder: 1 },
          include: ['src/**/*.int.test.ts'],
          env: { TEST_DB: 'pglite', NODE_ENV: 'test' },
          globalSetup: ['src/server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are memory-hungry and CPU-bound; two at a time fit 2 cores.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'int-pg',
          sequence: { groupOrder: 2 },
          include: ['src/**/*.int.test.ts'],
          env: { TEST_DB: 'pg', TEST_DATABASE_URL: PG_URL, NODE_ENV: 'test' },
          globalSetup: ['src/server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          include: ['e2e/**/*.e2e.test.ts'],
          env: { NODE_ENV: 'test' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
