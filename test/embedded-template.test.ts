// Where a new embedded database starts from (src/db/embedded-template.ts): a folder on disk gets
// a copy of the demo template's closed data directory, a memory:// database the tarball (a
// directory cannot be copied into memory).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { embeddedTemplatePath, embeddedTemplateSource, ensureEmbeddedTemplate } from '../src/db/embedded-template.js';

beforeAll(async () => {
  await ensureEmbeddedTemplate();
}, 300_000);

describe('embedded template source', () => {
  it('copies the closed demo data directory into a folder, and loads the tarball into memory', async () => {
    const file = await embeddedTemplatePath('demo');
    const onDisk = await embeddedTemplateSource('demo', '/tmp/some-empty-folder');
    expect(onDisk).toEqual({ kind: 'demo', file, directory: file.replace(/\.tar$/, '.pgdata') });
    expect(existsSync(join(onDisk!.directory!, 'PG_VERSION'))).toBe(true);
    expect(await embeddedTemplateSource('demo', 'memory://')).toEqual({ kind: 'demo', file });
  });

  it('has no directory for the migrated template: it loads the tarball', async () => {
    const file = await embeddedTemplatePath('migrated');
    expect(await embeddedTemplateSource('migrated', '/tmp/some-empty-folder')).toEqual({ kind: 'migrated', file });
  });
});
