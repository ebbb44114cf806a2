// The server as prebuilt ES modules (node_modules/.cache/parley/server/main.mjs), so `npm start`
// does not transform ~200 TypeScript files through tsx on every start (about 4 s of CPU warm,
// 13 s with a cold tsx cache). Plain JavaScript: it runs before anything can load TypeScript.
//
// Packages stay external (imported from node_modules as they are: PGlite's WebAssembly, Prisma's
// runtime, piscina); only the project's own files are bundled. Each bundled file keeps its own
// import.meta.url (the source file's URL), so every path it builds relative to itself (the worker
// threads' .mjs entries, prisma/migrations, eval/ data, the template cache) stays the same.
import { existsSync, readdirSync, rmSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const bundleDir = join(projectRoot, 'node_modules', '.cache', 'parley', 'server');
export const bundlePath = join(bundleDir, 'main.mjs');
const sourceDirs = ['src', join('prisma', 'generated')].map((dir) => join(projectRoot, dir));
const sourceFiles = [join(projectRoot, 'package.json'), join(projectRoot, 'tsconfig.json')];

function newestSourceMtimeMs() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of [...sourceDirs, ...sourceFiles]) visit(path);
  return newest;
}

/** True when the bundle exists and no source file is newer than it. */
export function bundleIsCurrent() {
  return existsSync(bundlePath) && statSync(bundlePath).mtimeMs >= newestSourceMtimeMs();
}

/** Each project file's import.meta.url becomes its own source URL (see the top of this file). */
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, (args) => {
      if (args.path.includes(`${join('node_modules', '')}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const loader = args.path.endsWith('ts') ? 'ts' : 'js';
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader };
    });
  },
};

export async function buildServerBundle() {
  const esbuild = await import('esbuild');
  rmSync(bundleDir, { recursive: true, force: true });
  await esbuild.build({
    // embedded.mjs: the embedded database's thread imports it (src/db/embedded-thread.ts).
    entryPoints: { main: join(projectRoot, 'src', 'main.ts'), embedded: join(projectRoot, 'src', 'db', 'embedded.ts') },
    outdir: bundleDir,
    outExtension: { '.js': '.mjs' },
    // The app's modules are imported after the port opens (server.ts), so /health answers
    // meanwhile: split, they stay separate chunks loaded then, not part of the first file.
    splitting: true,
    absWorkingDir: projectRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [keepImportMetaUrl],
    // Tells the bundled code where the bundle is (src/db/embedded-thread.ts).
    define: { __PARLEY_SERVER_BUNDLE_URL__: JSON.stringify(pathToFileURL(`${bundleDir}/`).href) },
  });
  return bundlePath;
}

// `node scripts/server-bundle.mjs` (postinstall): build it; a failure only warns, `npm start`
// then runs the sources through tsx.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  try {
    await buildServerBundle();
    console.log(`Server bundle built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${bundlePath}`);
  } catch (error) {
    console.warn(`Could not build the server bundle (npm start will run the TypeScript sources through tsx): ${error.message}`);
  }
}
