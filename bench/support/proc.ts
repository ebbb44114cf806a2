// Figures of processes from /proc (Linux): CPU a server and its database spent, and memory.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system, every thread) a process has used, in ms. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}

/** The local PostgreSQL server's processes, its backends included. */
export function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false; // gone since the listing
      }
    })
    .map(Number);
}

/** Starts counting the CPU of `pids`; the returned function gives the ms used since. */
export function cpuMeter(pids: number[]): () => number {
  const read = () => new Map(pids.flatMap((pid) => (existsSync(`/proc/${pid}`) ? [[pid, cpuMs(pid)] as const] : [])));
  const before = read();
  return () => {
    // A process gone by the end (an idle pool connection closed) is left out of the sum.
    let used = 0;
    for (const [pid, after] of read()) used += after - (before.get(pid) ?? after);
    return used;
  };
}

/** Resident memory of a process, from /proc (Linux). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb * 1024;
}
