import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CheckCache, RACY_MS } from '../../src/cli/cache';
import type { CorpusFacts } from '../../src/core/check/corpus';
import type { IndexEntry } from '../../src/core/corpus';
import type { FileStat } from '../../src/core/project/host';
import { createArticleService, type Analysis } from '../../src/core/project/service';
import type { Problem } from '../../src/core/types';
import { article, CORPUS } from './helpers';
import { MemoryHost } from './memoryHost';

const made: string[] = [];
after(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-cache-'));
  made.push(dir);
  return dir;
}

const KEY = CheckCache.keyOf({ version: 'test', lang: 'en' });
/** A run that began at NOW: files last changed at OLD are safely before it. */
const NOW = 1_800_000_000_000;
const OLD = NOW - 60_000;
const stat = (over: Partial<FileStat> = {}): FileStat => ({ type: 'file', size: 100, mtime: OLD + 0.123, ctime: OLD + 0.456, ino: 4242, dev: 66306, ...over });

/** An analysis of every kind of part the cache stores. */
function sample(): Analysis {
  const entry: IndexEntry = { title: 'Ont i axeln', description: 'Beskrivning med åäö och \ud83d\ude00', category: 'axel', topic: 'impingement', tags: ['smärta', 'operation'], author: 'Dr. A', status: undefined, published: false, questionLine: 'Hej!', slug: 'axel/ont-i-axeln' };
  const range = (a: number, b: number, c: number, d: number) => ({ start: { line: a, character: b }, end: { line: c, character: d } });
  const facts: CorpusFacts = {
    untrusted: true,
    entry,
    tags: [
      { value: 'smärta', start: 120, end: 128, range: range(5, 7, 5, 15), quote: 'double' },
      { value: 'operation', start: 130, end: 139, range: range(6, 4, 6, 13), quote: 'plain' },
    ],
    topic: { value: 'impingement', start: 100, end: 113, range: range(4, 7, 4, 20), quote: 'single' },
    // Not the entry's title (the two YAML readers may disagree), and over two lines.
    title: { value: 'Ont i\naxeln', start: 4, end: 30, range: range(1, 7, 2, 9), quote: 'double' },
  };
  const problems: Problem[] = [
    { rule: 'yaml-type', severity: 'error', message: 'Remove the quotes: "x"', range: range(7, 6, 7, 18), start: 200, end: 212 },
    { rule: 'summary-block', severity: 'warning', message: 'A lone surrogate \ud800 stays one', range: range(20, 0, 24, 3), start: 900, end: 1000 },
    // The same start and end column, one line apart.
    { rule: 'answer-bold', severity: 'hint', message: 'x', range: range(20, 0, 20, 3), start: 900, end: 903 },
    // A range far out on a long line.
    { rule: 'sentence-length', severity: 'info', message: '', range: range(3000, 5000, 3000, 5100), start: 90000, end: 90100 },
  ];
  return { entry, problems, facts, recheck: true };
}

/** Where a cache file's words are (the layout in cache.ts): after the two header lines, padded to 8 bytes, six counts and five doubles a file. */
function layout(b: Buffer): { words: number; nWords: number; nTable: number } {
  const body = b.indexOf('\n', b.indexOf('\n') + 1) + 1;
  const at = body + ((8 - (body % 8)) % 8);
  return { words: at + 24 + b.readUInt32LE(at) * 40, nWords: b.readUInt32LE(at + 4), nTable: b.readUInt32LE(at + 8) };
}
const resum = (b: Buffer) => {
  b.write(createHash('sha1').update(b.subarray(0, b.length - 40)).digest('hex'), b.length - 40, 'latin1');
  return b;
};

function saved(location: string, files: [string, FileStat, boolean, Analysis][], started = NOW): void {
  const c = new CheckCache(location, KEY, started);
  for (const [f, s, target, a] of files) c.set(f, s, target, a);
  c.save();
}

describe('the --cache file', () => {
  it('gives back what was stored: every field, the facts sharing the entry, no fixes', () => {
    const file = path.join(tmp(), 'c');
    const a = sample();
    a.problems![0].fixes = [{ title: 'Fix', edits: [{ start: 1, end: 2, newText: '' }] }];
    const bare: Analysis = { entry: { title: undefined, description: undefined, category: undefined, topic: undefined, tags: [], author: undefined, status: undefined, published: true, questionLine: undefined, slug: undefined } };
    const noTitle: Analysis = { entry: { ...a.entry!, title: undefined }, problems: [] };
    noTitle.facts = { entry: noTitle.entry!, tags: [], topic: undefined, title: { value: 'T', start: 0, end: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, quote: 'plain' } };
    saved(file, [
      ['/p/a.md', stat(), true, a],
      ['/p/b.md', stat({ ino: 1 }), false, bare],
      ['/p/c.md', stat({ ino: 2 }), true, { entry: undefined, problems: [] }],
      ['/p/d.md', stat({ ino: 3 }), true, noTitle],
    ]);
    const c = new CheckCache(file, KEY, NOW + 1000);
    const got = c.get('/p/a.md', stat(), true)!;
    const { fixes: _f, ...first } = a.problems![0];
    assert.deepEqual(got, { ...a, problems: [first, ...a.problems!.slice(1)] });
    assert.equal(got.facts!.entry, got.entry, 'one entry object, as the check made it');
    assert.deepEqual(c.get('/p/b.md', stat({ ino: 1 }), false), { entry: bare.entry, problems: undefined, facts: undefined });
    assert.deepEqual(c.get('/p/c.md', stat({ ino: 2 }), true), { entry: undefined, problems: [], facts: undefined });
    assert.deepEqual(c.get('/p/d.md', stat({ ino: 3 }), true), { ...noTitle, facts: noTitle.facts });
  });

  it('is keyed on the running checker: its code, Node and ICU', () => {
    assert.equal(CheckCache.checker(), CheckCache.checker());
    assert.match(CheckCache.checker(), new RegExp(`^[0-9a-f]{40} node ${process.version.replace(/\./g, '\\.')} icu `));
  });

  it('reuses a result only for the very same stat, and a corpus-only result never for a check', () => {
    const file = path.join(tmp(), 'c');
    saved(file, [
      ['/p/a.md', stat(), true, sample()],
      ['/p/b.md', stat(), false, { entry: sample().entry }],
    ]);
    const c = new CheckCache(file, KEY, NOW);
    for (const over of [{ size: 101 }, { mtime: OLD }, { ctime: OLD + 1 }, { ino: 4243 }, { dev: 1 }, { ctime: undefined }, { ino: undefined }, { dev: undefined }]) {
      assert.equal(c.get('/p/a.md', stat(over), true), undefined, JSON.stringify(over));
    }
    assert.equal(c.get('/p/b.md', stat(), true), undefined);
    assert.ok(c.get('/p/b.md', stat(), false));
    assert.ok(c.get('/p/a.md', stat(), false));
    assert.equal(c.get('/p/other.md', stat(), false), undefined);
    // Another checker (version, schema, config, language) finds nothing.
    assert.equal(new CheckCache(file, CheckCache.keyOf({ version: 'test', lang: 'sv' }), NOW).get('/p/a.md', stat(), true), undefined);
  });

  it('keeps no result of a file changed within RACY_MS of the run\'s start (it may change again unseen), nor of a stat without ctime, inode and device', () => {
    const file = path.join(tmp(), 'c');
    const racy = stat({ mtime: NOW - RACY_MS + 1 });
    const racyCtime = stat({ ino: 2, ctime: NOW - 1 });
    const during = stat({ ino: 3, mtime: NOW + 5, ctime: NOW + 5 });
    const settled = stat({ ino: 4, mtime: NOW - RACY_MS - 1, ctime: NOW - RACY_MS - 1 });
    const memory: FileStat = { type: 'file', size: 100, mtime: 0 };
    saved(file, [
      ['/p/a.md', racy, true, sample()],
      ['/p/b.md', racyCtime, true, sample()],
      ['/p/c.md', during, true, sample()],
      ['/p/d.md', settled, true, sample()],
      ['/p/e.md', memory, true, sample()],
    ]);
    // Even a stat that is the same in every field.
    const c = new CheckCache(file, KEY, NOW + 60_000);
    assert.equal(c.get('/p/a.md', racy, true), undefined);
    assert.equal(c.get('/p/b.md', racyCtime, true), undefined);
    assert.equal(c.get('/p/c.md', during, true), undefined);
    assert.equal(c.get('/p/e.md', memory, true), undefined);
    assert.ok(c.get('/p/d.md', settled, true));
    // Checked again by a run that begins once it has been left alone, it is kept.
    c.set('/p/a.md', racy, true, sample());
    c.save();
    assert.ok(new CheckCache(file, KEY, NOW + 120_000).get('/p/a.md', racy, true));
  });

  it('ignores a file that is damaged, cut short, from an older version, from elsewhere or not a cache, and then writes a good one', () => {
    const dir = tmp();
    const file = path.join(dir, 'c');
    saved(file, [
      ['/p/a.md', stat(), true, sample()],
      ['/p/b.md', stat({ ino: 2 }), false, { entry: sample().entry }],
    ]);
    const good = fs.readFileSync(file);
    const hit = () => new CheckCache(file, KEY, NOW).get('/p/a.md', stat(), true);
    assert.ok(hit());
    const bad: Buffer[] = [Buffer.alloc(0), Buffer.from('{nope'), Buffer.from(JSON.stringify({ key: KEY, files: { '/p/a.md': { size: 100, mtimeMs: OLD, target: true, result: { problems: [] } } } }))];
    for (let n = 1; n < good.length; n += Math.max(1, Math.floor(good.length / 60))) bad.push(good.subarray(0, n));
    for (let i = 0; i < good.length; i += Math.max(1, Math.floor(good.length / 60))) {
      const flipped = Buffer.from(good);
      flipped[i] ^= 0x20;
      bad.push(flipped);
    }
    bad.push(Buffer.concat([good, Buffer.from('x')]));
    // The same results in another byte order's file.
    bad.push(Buffer.from(good.toString('latin1').replace(` ${os.endianness()}\n`, os.endianness() === 'LE' ? ' BE\n' : ' LE\n'), 'latin1'));
    for (const b of bad) {
      fs.writeFileSync(file, b);
      assert.equal(hit(), undefined, `${b.length} bytes`);
    }
    // A folder where the file should be: nothing read, nothing written, nothing thrown.
    fs.rmSync(file);
    fs.mkdirSync(file);
    assert.equal(hit(), undefined);
    saved(file, [['/p/a.md', stat(), true, sample()]]);
    // A location that cannot be written costs only speed.
    saved(path.join(dir, 'missing', 'c'), [['/p/a.md', stat(), true, sample()]]);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['c']);
    fs.rmdirSync(file);
    saved(file, [['/p/a.md', stat(), true, sample()]]);
    assert.ok(hit());
  });

  it('refuses, without throwing or a large allocation, a file whose sum is right but whose contents are not as written', () => {
    const file = path.join(tmp(), 'c');
    saved(file, [
      ['/p/a.md', stat(), true, sample()],
      ['/p/b.md', stat({ ino: 2 }), false, { entry: sample().entry }],
    ]);
    const good = fs.readFileSync(file);
    const { words: start, nWords: words } = layout(good);
    const sampleOf = (a: Analysis | undefined) => a && JSON.stringify(a);
    let refused = 0;
    // Every word in turn set to a few values: a count, an index, a length, a flag out of range.
    for (let i = 0; i < words; i++) {
      for (const v of [0xfffffffe, 0x7fffffff, 1000, 1]) {
        if (os.endianness() !== 'LE') continue;
        const b = Buffer.from(good);
        if (b.readUInt32LE(start + i * 4) === v) continue;
        b.writeUInt32LE(v, start + i * 4);
        fs.writeFileSync(file, resum(b));
        const c = new CheckCache(file, KEY, NOW);
        const got = c.get('/p/a.md', stat(), true);
        if (got === undefined) refused++;
        // What is accepted is well formed: strings where strings belong, numbers where numbers.
        else for (const p of got.problems ?? []) assert.ok(typeof p.message === 'string' && Number.isInteger(p.range.end.character), sampleOf(got));
      }
    }
    assert.ok(refused > words, `${refused} of ${words * 4} refused`);
  });

  it('refuses a file whose flags claim less than its words hold (facts that would go missing)', { skip: os.endianness() !== 'LE' && 'the test writes little-endian words' }, () => {
    const file = path.join(tmp(), 'c');
    saved(file, [['/p/a.md', stat(), true, sample()]]);
    const b = fs.readFileSync(file);
    // The words: the table's strings, then the file's path and its flags.
    const { words, nTable } = layout(b);
    const flags = words + (nTable + 1) * 4;
    const HAS_FACTS_TOPIC_TITLE = 4 | 8 | 16;
    assert.equal(b.readUInt32LE(flags) & HAS_FACTS_TOPIC_TITLE, HAS_FACTS_TOPIC_TITLE);
    b.writeUInt32LE(b.readUInt32LE(flags) & ~HAS_FACTS_TOPIC_TITLE, flags);
    fs.writeFileSync(file, resum(b));
    assert.equal(new CheckCache(file, KEY, NOW).get('/p/a.md', stat(), true), undefined);
  });
});

describe('the cache with the check', () => {
  const CORPUS_OK = fs.existsSync(CORPUS);
  it('gives back every real article\'s analysis as the check made it', { skip: !CORPUS_OK && `no corpus at ${CORPUS}` }, async () => {
    const names = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
    const files: Record<string, string | Uint8Array> = { '/p/.qa-articles.json': '{"include": ["**/*.md"]}', '/p/odd.md': article({ title: 'title: "Två\\nrader"' }), '/p/broken.md': '---\ntitle: [\n---\n' };
    for (const n of names) files[`/p/${n}`] = fs.readFileSync(path.join(CORPUS, n));
    const service = createArticleService({ files: new MemoryHost(files), root: '/p' });
    const location = path.join(tmp(), 'c');
    const cache = new CheckCache(location, KEY, NOW);
    const made = new Map<string, Analysis>();
    let i = 0;
    for (const f of Object.keys(files).filter((f) => f.endsWith('.md'))) {
      const target = i++ % 5 !== 0;
      const a = await service.analyze(f, { target, fixes: false });
      made.set(f, a);
      cache.set(f, stat({ ino: i }), target, a);
    }
    cache.save();
    const again = new CheckCache(location, KEY, NOW);
    i = 0;
    for (const [f, a] of made) {
      const target = i++ % 5 !== 0;
      const got = again.get(f, stat({ ino: i }), target);
      assert.ok(got, f);
      assert.deepEqual({ ...got, problems: got.problems ?? [], facts: got.facts }, { ...a, problems: a.problems ?? [], facts: a.facts }, f);
      if (got.facts) assert.equal(got.facts.entry, got.entry);
    }
  });
});
