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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test file gets its own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
  },
});
