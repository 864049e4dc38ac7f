// Benchmarks of the article engine and `qa-articles check` (figures side by side with the peers).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createChecker } from '../src/core/check/index';
import { CorpusIndex, entryOf } from '../src/core/corpus';
import { parseArticle } from '../src/core/parse';
import { defaultSchemaObject, type SchemaObject } from '../src/core/schema';
import { fmt, runNode, stats, table, timeSync } from './util';

export const ROOT = path.resolve(__dirname, '..');
export const CORPUS = path.resolve(ROOT, '../shared/corpus/fraga-doktorn');

/** The schema an equivalent remark-lint-frontmatter-schema setup gets: the same contract in plain JSON Schema (its YAML reads dates as text). */
export function peerSchema(): object {
  const strip = (o: unknown): unknown => {
    if (Array.isArray(o)) return o.map(strip);
    if (!o || typeof o !== 'object') return o;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) if (!k.startsWith('x-') && k !== '$id') out[k] = strip(v);
    return out;
  };
  const s = strip(defaultSchemaObject) as SchemaObject;
  s.properties!.date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' };
  return s;
}

/** The articles' folder in the site's layout, where `qa-articles check` finds them by default. */
const CONTENT = path.join('src', 'content', 'fraga-doktorn');

/**
 * Makes a site (`dir`, its articles in src/content/fraga-doktorn) with the corpus in it once, or
 * with `copies` copies of it in subfolders, 649 files each; returns `dir`.
 */
export function corpusCopies(dir: string, copies: number): string {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
  for (let c = 0; c < copies; c++) {
    const sub = copies === 1 ? path.join(dir, CONTENT) : path.join(dir, CONTENT, `copy-${String(c + 1).padStart(2, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    for (const f of files) fs.copyFileSync(path.join(CORPUS, f), path.join(sub, f));
  }
  return dir;
}

type Run = ReturnType<typeof runNode>;
const ms = (rs: Run[]) => stats(rs.map((r) => r.ms)).median;
/** Median with the spread of the runs, e.g. `212 ms (205–230, 7 runs)`. */
const spread = (rs: Run[]) => {
  const xs = rs.map((r) => r.ms);
  return `${fmt(stats(xs).median)} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}, ${xs.length} runs)`;
};
const peakMb = (rs: Run[]) => Math.max(...rs.map((r) => r.maxRssMb));
/** Median CPU time (user + system): less moved by other work on a shared machine than wall time. */
const cpu = (rs: Run[]) => stats(rs.map((r) => r.cpuMs)).median;
const shellArgs = (args: string[]) => args.map((a) => (/^[\w./=:-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
const rel = (p: string) => path.relative(ROOT, p) || '.';

/** The phases of one profiled run (QA_ARTICLES_PROFILE=1), medians over `n` runs. */
function profiled(args: string[], n: number): Record<string, number> {
  const all = Array.from({ length: n }, () => {
    const r = runNode(args, ROOT, { QA_ARTICLES_PROFILE: '1' });
    const m = /qa-articles profile (\{.*\})/.exec(r.stderr);
    if (!m) throw new Error(`no profile line from ${shellArgs(args)}: ${r.stderr.slice(0, 500)}`);
    return JSON.parse(m[1]) as Record<string, number>;
  });
  const out: Record<string, number> = {};
  for (const k of Object.keys(all[0])) out[k] = stats(all.map((p) => p[k])).median;
  return out;
}

function printPhases(title: string, p: Record<string, number>, rerun: string): void {
  const order: [string, string][] = [
    ['startup', 'startup: process start → first article read'],
    ['load', '  of which Node starting + loading the bundle'],
    ['project', '  of which config + schema'],
    ['cache', '  of which loading the --cache file'],
    ['discovery', 'discovery (finding the files)'],
    ['read', 'read'],
    ['split', 'split (finding the frontmatter)'],
    ['yaml', 'YAML (+ line index)'],
    ['schema', 'schema'],
    ['rules', 'rules (house style, personal data, YAML types)'],
    ['corpus', 'corpus rules'],
    ['output', 'output'],
    ['gc', 'GC pauses (inside the phases above)'],
    ['total', 'total, process start → output written'],
  ];
  table(title, ['phase', 'ms', 'share'], order.map(([k, label]) => [label, fmt(p[k]), `${((p[k] / p.total) * 100).toFixed(0)}%`]));
  console.log(`  rerun: ${rerun}`);
}

export async function benchCore(): Promise<void> {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).map((f) => path.join(CORPUS, f));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-articles-bench-'));
  try {
    await wholeProcess(files, tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  inProcess(files);
}

/** `qa-articles check` as a user runs it: whole processes, side by side with the peer and with the read-only floor. */
async function wholeProcess(files: string[], tmp: string): Promise<void> {
  // The program as users run it: bin/qa-articles.js, which loads dist/cli.js with its code cache.
  const cli = path.join(ROOT, 'bin', 'qa-articles.js');
  const schemaFile = path.join(tmp, 'peer-schema.json');
  fs.writeFileSync(schemaFile, JSON.stringify(peerSchema()));

  // The peer really validates: a file without a title gets a message.
  const sanityDir = path.join(tmp, 'sanity');
  fs.mkdirSync(sanityDir);
  fs.writeFileSync(path.join(sanityDir, 'x.md'), '---\ncategory: axel\n---\n');
  const peerScript = path.join(__dirname, 'peer.mjs');
  if (JSON.parse(runNode([peerScript, sanityDir, schemaFile], ROOT).stdout).messages === 0) throw new Error('the peer reported nothing on an invalid file: its setup is wrong');
  // The peer as its users run it: remark-cli in the site's folder, with a config file naming the
  // two plugins (by their paths here, as the site has no node_modules of its own) and the schema.
  const rcFile = path.join(tmp, 'peer-remarkrc.json');
  fs.writeFileSync(rcFile, JSON.stringify({ plugins: [require.resolve('remark-frontmatter'), [require.resolve('remark-lint-frontmatter-schema'), { embed: peerSchema(), ajvOptions: { strict: false } }]] }));
  const remarkCli = path.join(ROOT, 'node_modules', 'remark-cli', 'cli.js');
  const peerCliArgs = [remarkCli, '.', '--rc-path', rcFile, '--frail', '--quiet', '--no-stdout', '--no-color'];
  const sane = runNode(peerCliArgs, sanityDir);
  if (sane.status !== 1 || !/3 warnings/.test(sane.stderr)) throw new Error(`remark-cli did not report the invalid file: its setup is wrong (exit ${sane.status}): ${sane.stderr.slice(0, 500)}`);

  // 1. The 649 articles, in a site of their own (as a user runs `qa-articles check` in the site's folder).
  const site = corpusCopies(path.join(tmp, 'site'), 1);
  const oursArgs = [cli, 'check', '--format', 'json', '--root', site];
  const peerArgs = [peerScript, site, schemaFile];
  const bare = Array.from({ length: 7 }, () => runNode(['-e', ''], ROOT));
  runNode(oursArgs, ROOT);
  const ours = Array.from({ length: 7 }, () => runNode(oursArgs, ROOT));
  const peer = Array.from({ length: 3 }, () => runNode(peerArgs, ROOT));
  const peerCli = Array.from({ length: 3 }, () => runNode(peerCliArgs, site));
  const peerMessages = JSON.parse(peer[0].stdout).messages as number;
  if (JSON.parse(ours[0].stdout).files !== files.length || JSON.parse(peer[0].stdout).files !== files.length) throw new Error('the two tools did not check the same files');
  if (peerCli.some((r) => r.status !== (peerMessages > 0 ? 1 : 0))) throw new Error(`remark-cli ended otherwise than its library's ${peerMessages} messages say: ${peerCli[0].stderr.slice(0, 500)}`);
  const ratio = ms(peer) / ms(ours);
  const cpuRatio = cpu(peer) / cpu(ours);
  const cliRatio = ms(peerCli) / ms(ours);
  const cliCpuRatio = cpu(peerCli) / cpu(ours);
  table(`Check of the ${files.length} real articles, whole process (process start → exit), median (min–max)`, ['process', 'wall time', 'CPU time', 'peak memory', 'vs ours (wall; CPU)'], [
    ['qa-articles check --format json (schema + all house-style rules + corpus index)', spread(ours), fmt(cpu(ours)), `${peakMb(ours).toFixed(0)} MB`, '1.0×'],
    [`remark-lint-frontmatter-schema 3.15 as its users run it: remark-cli 12 --frail (schema only)`, spread(peerCli), fmt(cpu(peerCli)), `${peakMb(peerCli).toFixed(0)} MB`, `${cliRatio.toFixed(1)}×; ${cliCpuRatio.toFixed(1)}× slower`],
    [`the same plugin through its library, no CLI (schema only; ${peerMessages} messages)`, spread(peer), fmt(cpu(peer)), `${peakMb(peer).toFixed(0)} MB`, `${ratio.toFixed(1)}×; ${cpuRatio.toFixed(1)}× slower`],
    ['node -e "" (Node starting and exiting, nothing else)', spread(bare), fmt(cpu(bare)), `${peakMb(bare).toFixed(0)} MB`, ''],
  ]);
  const verdict = (x: number) => (x >= 20 ? 'met' : 'NOT met');
  console.log(`  target: at least 20× faster than the peer (aim 40×) — against remark-cli, ${verdict(cliRatio)} (${cliRatio.toFixed(1)}× in wall time, ${cliCpuRatio.toFixed(1)}× in CPU time); against its library called directly, ${verdict(ratio)} (${ratio.toFixed(1)}×, ${cpuRatio.toFixed(1)}× in CPU time); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  console.log(`  rerun (in a site whose articles are the corpus, in src/content/fraga-doktorn): node bin/qa-articles.js check --format json --root <site>`);
  console.log(`         in <site>: node ${rel(remarkCli)} . --rc-path <rc.json> --frail --quiet --no-stdout   (rc.json: the two plugins and peerSchema() in bench/core.ts)`);
  console.log(`         node ${rel(peerScript)} <site> <schema.json>`);
  const small = profiled(oursArgs, 5);
  printPhases(`Where the time goes: the ${files.length} articles (QA_ARTICLES_PROFILE=1, median of 5 runs)`, small, `QA_ARTICLES_PROFILE=1 node bin/qa-articles.js check --format json --root <site> >/dev/null`);
  console.log(`  startup: ${fmt(small.startup)} from process start to the first article read; Node alone starts and exits in ${fmt(ms(bare))}`);

  // 2. 20 copies of the corpus (12,980 files): the CLI vs a process that only reads the files.
  const big = corpusCopies(path.join(tmp, 'site-x20'), 20);
  const runs = 3;
  const bigArgs = [cli, 'check', '--format', 'json', '--root', big];
  const cliRuns = Array.from({ length: runs }, () => runNode(bigArgs, ROOT));
  const oneThread = Array.from({ length: runs }, () => runNode(bigArgs, ROOT, { QA_ARTICLES_THREADS: '0' }));
  const oneHelper = Array.from({ length: runs }, () => runNode(bigArgs, ROOT, { QA_ARTICLES_THREADS: '1' }));
  const floorSync = Array.from({ length: runs }, () => runNode([path.join(__dirname, 'floor.cjs'), big, 'sync'], ROOT));
  const floorAsync = Array.from({ length: runs }, () => runNode([path.join(__dirname, 'floor.cjs'), big, 'async'], ROOT));
  // The same check with --cache after a first run: every file unchanged (and written long
  // before the first run: a file changed within 3 s of a run's start is not kept), only stat-ed.
  const cacheFile = path.join(tmp, 'check-cache');
  const cachedArgs = [cli, 'check', '--format', 'json', '--cache-location', cacheFile, '--root', big];
  const cached = () => runNode(cachedArgs, ROOT);
  const primed = cached();
  const cachedRuns = Array.from({ length: runs }, cached);
  if (cachedRuns[0].stdout !== primed.stdout || primed.stdout !== cliRuns[0].stdout) throw new Error('--cache changed the output');
  const cachedPhases = profiled(cachedArgs, 3);
  if (cachedPhases.rules !== 0) throw new Error('a --cache run with every file unchanged checked some file again');
  const cacheMb = fs.statSync(cacheFile).size / 1e6;
  const floorMs = ms(floorSync);
  const bigPhases = profiled(bigArgs, 3);
  const helpers = bigPhases.threads ?? 0;
  const checked = JSON.parse(cliRuns[0].stdout).files as number;
  const vs = (rs: Run[]) => `${(ms(rs) / floorMs).toFixed(2)}×; ${(cpu(rs) / cpu(floorSync)).toFixed(2)}×`;
  table(`Check of 20 copies of the corpus (${checked} files), whole process, median (min–max)`, ['process', 'wall time', 'CPU time', 'peak memory', 'vs floor (wall; CPU)'], [
    ['node: find + read the files, one after another (the floor)', spread(floorSync), fmt(cpu(floorSync)), `${peakMb(floorSync).toFixed(0)} MB`, '1.00×'],
    ['node: find + read the files, 64 at a time', spread(floorAsync), fmt(cpu(floorAsync)), `${peakMb(floorAsync).toFixed(0)} MB`, vs(floorAsync)],
    [`qa-articles check --format json (${helpers} helper thread${helpers === 1 ? '' : 's'} beside the main one)`, spread(cliRuns), fmt(cpu(cliRuns)), `${peakMb(cliRuns).toFixed(0)} MB`, vs(cliRuns)],
    ['qa-articles check --format json, one thread (QA_ARTICLES_THREADS=0)', spread(oneThread), fmt(cpu(oneThread)), `${peakMb(oneThread).toFixed(0)} MB`, vs(oneThread)],
    ['qa-articles check --format json, one helper thread asked for (QA_ARTICLES_THREADS=1)', spread(oneHelper), fmt(cpu(oneHelper)), `${peakMb(oneHelper).toFixed(0)} MB`, vs(oneHelper)],
    ['qa-articles check --format json --cache (unchanged files)', spread(cachedRuns), fmt(cpu(cachedRuns)), `${peakMb(cachedRuns).toFixed(0)} MB`, vs(cachedRuns)],
  ]);
  const x = ms(cliRuns) / floorMs;
  const capacity = parallelCapacity();
  console.log(`  target: at most 3× the read-only floor — ${x <= 3 ? 'met' : 'NOT met'} (${x.toFixed(1)}× in wall time, ${(cpu(cliRuns) / cpu(floorSync)).toFixed(1)}× in CPU time; ${os.cpus().length} cores, ${helpers} helper thread${helpers === 1 ? '' : 's'}: ${helpers ? `threads gain ${((ms(oneThread) / ms(cliRuns) - 1) * 100).toFixed(0)}% here` : 'so the check and its one-thread run are the same and differ only by the machine\'s noise'}; one helper asked for gains ${((ms(oneThread) / ms(oneHelper) - 1) * 100).toFixed(0)}% on the one-thread run)`);
  console.log(`  --cache: a file of ${cacheMb.toFixed(1)} MB for ${checked} files, loaded in ${fmt(cachedPhases.cache)} (median of 3 runs) as the run starts; each unchanged file is stat-ed, not read`);
  console.log(`  what two threads can do on this machine: two CPU-bound loops side by side take ${capacity.toFixed(2)}× the time of one (1.00× for two free cores; the most two threads can gain here is ${(2 / capacity).toFixed(2)}×)`);
  const perK = ((peakMb(cliRuns) - peakMb(ours)) / (checked - files.length)) * 1000;
  console.log(`  peak memory: ${peakMb(ours).toFixed(0)} MB for ${files.length} files, ${peakMb(cliRuns).toFixed(0)} MB for ${checked}: ${perK.toFixed(1)} MB more per 1000 files (the problems found and the index; no parsed document is kept)`);
  console.log('  rerun (a site with 20 copies of the corpus under src/content/fraga-doktorn/copy-NN): node bin/qa-articles.js check --format json --root <site>;  node bench/floor.cjs <site> sync');
  console.log('         with --cache (twice: the first run writes it): QA_ARTICLES_PROFILE=1 node bin/qa-articles.js check --format json --root <site> --cache --cache-location <file> >/dev/null');
  printPhases(`Where the time goes: ${checked} files (QA_ARTICLES_PROFILE=1, median of 3 runs; per-file phases summed over the ${helpers + 1} threads)`, bigPhases, `QA_ARTICLES_PROFILE=1 node bin/qa-articles.js check --format json --root <site> >/dev/null`);

  // 3. The worst small input, in a process of its own with a time limit.
  const probe = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'small.ts')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  const worst = probe.status === 0 ? (JSON.parse(probe.stdout) as { input: string; ms: number }[]).sort((a, b) => b.ms - a.ms) : undefined;
  if (worst) {
    table('The worst small inputs (one check each, as while typing; the three slowest)', ['input', 'bytes', 'time', 'target'], worst.slice(0, 3).map((w) => [JSON.stringify(w.input), String(Buffer.byteLength(w.input)), fmt(w.ms), '< 50 ms']));
    console.log(`  target: no input of a few bytes over 50 ms — ${worst[0].ms < 50 ? 'met' : 'NOT met'} (${fmt(worst[0].ms)})`);
  } else console.log(`\nThe worst small inputs: the probe did not finish within 120 s (${probe.error?.message ?? probe.stderr.slice(-300)}) — target < 50 ms NOT met`);
  console.log('  rerun: node --import tsx bench/small.ts');
}

/** How two CPU-bound threads fare side by side against one alone (median of 3): 1.0 where the two cores are truly free. */
function parallelCapacity(): number {
  const loop = '(() => { let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; return x; })()';
  const script = `const { Worker } = require('worker_threads');
const one = () => { const t = performance.now(); ${loop}; return performance.now() - t; };
one();
const alone = one();
const w = new Worker('${loop}', { eval: true });
w.once('online', () => {
  const t = performance.now();
  one();
  w.once('exit', () => console.log(JSON.stringify((performance.now() - t) / alone)));
});`;
  const runs = Array.from({ length: 3 }, () => Number(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout));
  return stats(runs).median;
}

/**
 * What the corpus index keeps per article, its texts read and dropped as a check does (bytes of
 * heap, median of 3 builds): its entries only, not the texts they were read from.
 */
function indexFootprint(files: string[]): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  const build = () => {
    const kept = new CorpusIndex();
    for (const f of files) kept.set(f, entryOf(parseArticle(fs.readFileSync(f, 'utf8'))));
    return kept;
  };
  build();
  const sizes = Array.from({ length: 3 }, () => {
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = build();
    gc();
    const bytes = process.memoryUsage().heapUsed - before;
    return kept.size ? bytes / kept.size : 0;
  });
  return stats(sizes).median;
}

/** One article in the engine, as the editor checks it while someone types. */
export function inProcess(files: string[]): void {
  // First, before the texts below are read and kept.
  const footprint = indexFootprint(files);
  // One article: typical and 1 MB.
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const index = new CorpusIndex();
  texts.forEach((t, i) => index.set(files[i], entryOf(parseArticle(t))));
  const checker = createChecker({ index });
  const bySize = texts.map((t, i) => [t.length, i] as const).sort((a, b) => a[0] - b[0]);
  const typicalIdx = bySize[Math.floor(bySize.length / 2)][1];
  const typical = texts[typicalIdx];
  timeSync(200, () => checker.check(typical, files[typicalIdx]));
  const one = stats(timeSync(3000, () => checker.check(typical, files[typicalIdx])));
  const bodies = texts.map((t) => parseArticle(t).body).join('\n\n');
  let mega = typical;
  while (mega.length < 1024 * 1024) mega += '\n\n' + bodies;
  mega = mega.slice(0, 1024 * 1024);
  const megaT = stats(timeSync(15, () => checker.check(mega, 'mega.md')));
  // The frontmatter reading alone: the fast reader of the common shapes vs the full YAML reading (CPU time, all 649 articles).
  const parseCpu = (exact: boolean) => {
    for (const t of texts) parseArticle(t, { exact });
    const u = process.cpuUsage();
    for (let r = 0; r < 10; r++) for (const t of texts) parseArticle(t, { exact });
    const d = process.cpuUsage(u);
    return (d.user + d.system) / 1000 / 10 / texts.length;
  };
  const full = parseCpu(true);
  const fast = parseCpu(false);
  table('Parsing one article (frontmatter + YAML + line index), CPU time per article over the 649', ['reading', 'CPU per article', 'vs full'], [
    ['the full YAML reading (parseArticle(text, { exact: true }))', fmt(full), '1.0×'],
    ['as the product reads (common shapes fast, the rest in full)', fmt(fast), `${(full / fast).toFixed(1)}× faster`],
  ]);
  // Every article once, in a warm process: the typical figure repeats one text, whose strings
  // the caches (folded keys, name patterns) already know; here each check meets a new article.
  const eachOnce = () => texts.forEach((t, i) => checker.check(t, files[i]));
  eachOnce();
  const u = process.cpuUsage();
  for (let r = 0; r < 5; r++) eachOnce();
  const du = process.cpuUsage(u);
  const eachMs = (du.user + du.system) / 1000 / 5 / texts.length;
  table('Validating one article (all rules, with the corpus index)', ['article', 'median', 'p99', 'target'], [
    [`typical (${typical.length} chars, the median size), the same text again and again`, fmt(one.median), fmt(one.p99), '< 1 ms median'],
    [`each of the ${texts.length} once in turn (mean CPU time, 5 rounds)`, fmt(eachMs), '', '< 1 ms'],
    [`1 MB (${mega.length} chars)`, fmt(megaT.median), fmt(megaT.p99), '< 50 ms'],
  ]);
  if (footprint !== undefined) {
    const avgText = texts.reduce((n, t) => n + t.length, 0) / texts.length;
    console.log(`  the corpus index keeps ${(footprint / 1024).toFixed(2)} KB of heap per article; the articles average ${(avgText / 1024).toFixed(1)} K characters`);
  }
}
