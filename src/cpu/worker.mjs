// Entry of a text-work worker thread (see pool.ts). Plain JavaScript, because a worker thread
// starts without the TypeScript loader its parent may have (vitest transforms in-process; the
// server runs under tsx): tsx's documented API imports the TypeScript tasks from here.
import { tsImport } from 'tsx/esm/api';

const tasks = tsImport('./text-work.ts', import.meta.url);

/** Piscina calls this with each task: { task, input }. */
export default async function runTextWork({ task, input }) {
  const module = await tasks;
  return module[task](input);
}
