// `npm start`: runs the prebuilt server bundle (scripts/server-bundle.mjs), rebuilding it first
// when a source file is newer; if it cannot be built, runs src/main.ts through tsx as before.
// package.json runs it with --v8-pool-size=2: V8's default of four background threads (GC,
// compilation) on a 2-core machine cost about 0.3 s more CPU to /ready than two (bench/RESULTS.md).
import { pathToFileURL } from 'node:url';
import { buildServerBundle, bundleIsCurrent, bundlePath } from './server-bundle.mjs';

let entry = bundlePath;
if (!bundleIsCurrent()) {
  try {
    await buildServerBundle();
  } catch (error) {
    process.stderr.write(`Could not build the server bundle, running the sources through tsx: ${error.message}\n`);
    entry = undefined;
  }
}
if (entry) {
  // Source maps, so stack traces name src/ files and lines rather than the bundle's.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}
