import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM builds side by side. Node (and so Yoga and Pothos)
    // loads the CommonJS one; Vite would hand our own files the ESM one, and two copies of
    // graphql break `instanceof GraphQLError`. Point ours at the same file Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // Generous: a guard against a hung test, not a speed check. Tests wait for states (events,
    // rows), never for time, so a loaded machine makes them slower but not wrong.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // expect.poll waits for a state, as test/support/wait.ts does: its default limit (1 s) was a
    // hidden time limit that a loaded machine could hit. Now only the test's own guard bounds it.
    expect: { poll: { timeout: 110_000, interval: 20 } },
    // Each test file gets its own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
    // Test files share a worker's loaded modules (the schema, Prisma, Yoga are built once per
    // worker, not once per file): every file builds its own app on its own database, and no
    // test mocks modules or changes globals, so nothing leaks between files that matters.
    isolate: false,
  },
});
