import { spawnSync } from 'node:child_process';

/** Median and a percentile of a list of numbers. */
export function stats(xs: number[]): { median: number; p95: number; p99: number; min: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { median: q(0.5), p95: q(0.95), p99: q(0.99), min: s[0] };
}

/** Times a synchronous function n times, in milliseconds. */
export function timeSync(n: number, fn: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

/** Times an async function n times, in milliseconds. */
export async function timeAsync(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

/** Runs a Node process and returns its wall time and CPU time (ms), peak memory (MB, via maxrss.cjs) and stdout. */
export function runNode(args: string[], cwd: string, env: Record<string, string> = {}): { ms: number; cpuMs: number; maxRssMb: number; stdout: string; stderr: string; status: number | null } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', require.resolve('./maxrss.cjs'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const m = /BENCH_MAXRSS_KB (\d+)/.exec(r.stderr ?? '');
  const cpu = /BENCH_CPU_US (\d+)/.exec(r.stderr ?? '');
  return { ms, cpuMs: cpu ? Number(cpu[1]) / 1000 : NaN, maxRssMb: m ? Number(m[1]) / 1024 : NaN, stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status };
}

export const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 100 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`);

/** Prints a table with aligned columns. */
export function table(title: string, header: string[], rows: string[][]): void {
  const all = [header, ...rows];
  const w = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  console.log(`\n${title}`);
  for (const [k, r] of all.entries()) {
    console.log('  ' + r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('   '));
    if (k === 0) console.log('  ' + w.map((n) => '-'.repeat(n)).join('   '));
  }
}
