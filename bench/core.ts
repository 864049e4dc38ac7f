// Benchmarks of the article engine and `qa-articles check` (figures side by side with the peers).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../src/cli/main';
import { createChecker } from '../src/core/check/index';
import { CorpusIndex, entryOf } from '../src/core/corpus';
import { parseArticle } from '../src/core/parse';
import { defaultSchemaObject, type SchemaObject } from '../src/core/schema';
import { fmt, runNode, stats, table, timeAsync, timeSync } from './util';

export const ROOT = path.resolve(__dirname, '..');
export const CORPUS = path.resolve(ROOT, '../shared/corpus/fraga-doktorn');
export const WORK = path.join(__dirname, '.work');

const quietIo = { stdout: () => undefined, stderr: () => undefined, env: {}, isTTY: false };

/** The schema an equivalent remark-lint-frontmatter-schema setup gets: the same contract in plain JSON Schema (its YAML reads dates as text). */
function peerSchema(): object {
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

/** Makes (once) a tree of `copies` copies of the corpus, 649 files each. */
export function corpusCopies(copies: number): string {
  const dir = path.join(WORK, `corpus-x${copies}`);
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  for (let c = 0; c < copies; c++) {
    const sub = path.join(dir, `copy-${String(c + 1).padStart(2, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    for (const f of files) fs.copyFileSync(path.join(CORPUS, f), path.join(sub, f));
  }
  fs.writeFileSync(marker, '');
  return dir;
}

export async function benchCore(): Promise<void> {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).map((f) => path.join(CORPUS, f));

  // 1. The 649 articles, in-process: qa-articles check vs remark-lint-frontmatter-schema.
  const { remark } = await import('remark');
  const remarkFrontmatter = (await import('remark-frontmatter')).default;
  const peer = (await import('remark-lint-frontmatter-schema')).default;
  const { VFile } = await import('vfile');
  const processor = remark().use(remarkFrontmatter).use(peer, { embed: peerSchema() as never, ajvOptions: { strict: false } });
  const peerRun = async () => {
    let messages = 0;
    for (const f of files) {
      const file = await processor.process(new VFile({ path: f, value: await fs.promises.readFile(f, 'utf8') }));
      messages += file.messages.length;
    }
    return messages;
  };
  // The peer really validates: a file without a title gets a message.
  const sanity = await processor.process(new VFile({ path: 'x.md', value: '---\ncategory: axel\n---\n' }));
  if (sanity.messages.length === 0) throw new Error('the peer reported nothing on an invalid file: its setup is wrong');
  const ours = () => main(['check', '--format', 'json', '--root', CORPUS, CORPUS], { ...quietIo, cwd: ROOT });
  await ours();
  const peerMessages = await peerRun();
  const oursTimes = await timeAsync(7, ours);
  const peerTimes = await timeAsync(3, peerRun);
  const o = stats(oursTimes).median;
  const p = stats(peerTimes).median;
  table('Check of the 649 real articles (in-process, median of runs; includes finding and reading the files)', ['tool', 'time', 'per file', 'vs ours'], [
    ['qa-articles check (schema + all house-style rules + corpus index)', fmt(o), fmt(o / files.length), '1.0×'],
    [`remark-lint-frontmatter-schema 3.15 (schema only; ${peerMessages} messages)`, fmt(p), fmt(p / files.length), `${(p / o).toFixed(1)}× slower`],
  ]);
  console.log(`  target: at least 20× faster than the peer — ${p / o >= 20 ? 'met' : 'NOT met'} (${(p / o).toFixed(1)}×)`);

  // 2. 20 copies of the corpus (12,980 files): the CLI vs a process that only reads the files.
  const big = corpusCopies(20);
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const runs = 3;
  const cliRuns = Array.from({ length: runs }, () => runNode([cli, 'check', '--format', 'json', '--root', big, big], ROOT));
  const floorSync = Array.from({ length: runs }, () => runNode([path.join(__dirname, 'floor.cjs'), big, 'sync'], ROOT));
  const floorAsync = Array.from({ length: runs }, () => runNode([path.join(__dirname, 'floor.cjs'), big, 'async'], ROOT));
  // The same check with --cache after a first run: every file unchanged, nothing re-parsed.
  const cacheFile = path.join(WORK, 'check-cache');
  fs.rmSync(cacheFile, { force: true });
  const cached = () => runNode([cli, 'check', '--format', 'json', '--cache-location', cacheFile, '--root', big, big], ROOT);
  const primed = cached();
  const cachedRuns = Array.from({ length: runs }, cached);
  if (cachedRuns[0].stdout !== primed.stdout || primed.stdout !== cliRuns[0].stdout) throw new Error('--cache changed the output');
  const cachedMs = stats(cachedRuns.map((r) => r.ms)).median;
  const cliMs = stats(cliRuns.map((r) => r.ms)).median;
  const syncMs = stats(floorSync.map((r) => r.ms)).median;
  const asyncMs = stats(floorAsync.map((r) => r.ms)).median;
  // The floor is the faster of the two ways to read the files, so it is never made slow on purpose.
  const floorMs = Math.min(syncMs, asyncMs);
  const peak = (rs: { maxRssMb: number }[]) => `${Math.max(...rs.map((r) => r.maxRssMb)).toFixed(0)} MB`;
  const checked = JSON.parse(cliRuns[0].stdout).files as number;
  table(`Check of 20 copies of the corpus (${checked} files), whole process, median of ${runs} runs`, ['process', 'wall time', 'peak memory', 'vs floor'], [
    ['node: find + read the files, one after another (floor)', fmt(syncMs), peak(floorSync), `${(syncMs / floorMs).toFixed(2)}×`],
    ['node: find + read the files, 64 at a time', fmt(asyncMs), peak(floorAsync), `${(asyncMs / floorMs).toFixed(2)}×`],
    ['qa-articles check --format json', fmt(cliMs), peak(cliRuns), `${(cliMs / floorMs).toFixed(2)}×`],
    ['qa-articles check --format json --cache (unchanged files)', fmt(cachedMs), peak(cachedRuns), `${(cachedMs / floorMs).toFixed(2)}×`],
  ]);
  console.log(`  target: at most 3× the floor — ${cliMs / floorMs <= 3 ? 'met' : 'NOT met'} (${(cliMs / floorMs).toFixed(1)}× the fastest read-only floor)`);

  // 3. One article: typical and 1 MB.
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
  table('Validating one article (all rules, with the corpus index)', ['article', 'median', 'p99', 'target'], [
    [`typical (${typical.length} chars, the median size)`, fmt(one.median), fmt(one.p99), '< 1 ms median'],
    [`1 MB (${mega.length} chars)`, fmt(megaT.median), fmt(megaT.p99), '< 50 ms'],
  ]);
}
