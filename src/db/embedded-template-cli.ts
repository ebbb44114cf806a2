// `npm install`'s postinstall: builds the migrated embedded-database template (see
// embedded-template.ts) so the first `npm start` and every test run skip initdb. Never fails
// the install: without the template the first start creates its database the slow way.
import { ensureEmbeddedTemplate } from './embedded-template.js';

const started = performance.now();
try {
  const { path, demoPath, built } = await ensureEmbeddedTemplate();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(built ? `Embedded database templates built in ${seconds} s: ${path}, ${demoPath}` : `Embedded database templates are current: ${path}, ${demoPath}`);
} catch (error) {
  console.warn(`Could not build the embedded database template (the first start will create its database instead): ${(error as Error).message}`);
}
