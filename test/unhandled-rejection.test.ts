// "An unhandled rejection anywhere fails the suite." Vitest 4 does this by default: in every
// pool it listens for unhandledRejection/uncaughtException in the worker, reports them as
// "Unhandled Errors" and exits non-zero even when every test passed (unless the config sets
// dangerouslyIgnoreUnhandledErrors). This runs a fixture whose only test passes but leaves a
// rejected promise behind, in a child vitest with this project's own config, and checks that
// the run fails: so a config change that silenced it would fail here.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('an unhandled rejection', () => {
  it('fails the vitest run although every test in it passed', async () => {
    const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/fixtures/unhandled/vitest.fixture.config.ts'], {
      env: { PATH: process.env.PATH, NO_COLOR: '1', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(output).toMatch(/1 passed/);
    expect(output).toMatch(/floating rejection from the fixture/);
    expect(output).toMatch(/Unhandled Rejection/i);
    expect(code, output).not.toBe(0);
  }, 120_000);
});
