// Writes one benchmark's section of bench/RESULTS.md (between its markers), so each benchmark
// can be re-run alone without touching the others' figures.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const file = new URL('../RESULTS.md', import.meta.url);

export function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export function writeSection(name: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\nEach section is written by its benchmark; see the command in it.\n';
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const at = text.indexOf(start);
  text = at >= 0 ? text.slice(0, at) + block + text.slice(text.indexOf(end) + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}

/** Parley against the floor, one benchmark a row: the layout of every HTTP comparison. */
export const COMPARISON_TABLE_HEADER = `| benchmark | p50 ms Parley / floor | p50 ratio | p99 ms Parley / floor | req/s Parley / floor | throughput ratio | CPU ms per request (server + database) Parley / floor | goal |
|---|---|---|---|---|---|---|---|`;

interface Figures {
  p50: number;
  p99: number;
  rps: number;
  cpuPerRequest?: number;
}

export function comparisonRow(name: string, ours: Figures, floor: Figures, goal: string): string {
  const p50Ratio = ours.p50 / Math.max(floor.p50, 0.01);
  const cpu = (f: Figures) => (f.cpuPerRequest === undefined ? '-' : f.cpuPerRequest.toFixed(2));
  return `| ${name} | ${ms(ours.p50)} / ${ms(floor.p50)} | ${p50Ratio.toFixed(2)}x | ${ms(ours.p99)} / ${ms(floor.p99)} | ${Math.round(ours.rps)} / ${Math.round(floor.rps)} | ${(ours.rps / floor.rps).toFixed(2)} | ${cpu(ours)} / ${cpu(floor)} | ${goal} |`;
}

/** A latency in ms, to the hundredth (bench/support/load.ts measures them to the microsecond). */
export const ms = (value: number) => value.toFixed(2);

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
