import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findProjectRoot } from '../../src/core/project/root';
import { createArticleService, MAX_ARTICLE_BYTES, type Analysis, type AnalysisPool, type PoolBatch, type PoolRun } from '../../src/core/project/service';
import { article } from './helpers';
import { MemoryHost } from './memoryHost';

const A = '/site/src/content/fraga-doktorn';
const tick = () => new Promise((r) => setTimeout(r, 80));

describe('project root', () => {
  it('is the nearest folder with .qa-articles.json, else astro.config.*, else package.json', async () => {
    const host = new MemoryHost({ '/a/package.json': '{}', '/a/b/astro.config.mjs': '', '/a/b/c/d/x.md': '', '/q/.qa-articles.json': '{}', '/q/r/package.json': '{}', '/q/r/s/x.md': '' });
    assert.deepEqual(await findProjectRoot(host, '/a/b/c/d'), { root: '/a/b', marker: 'astro' });
    assert.deepEqual(await findProjectRoot(host, '/a'), { root: '/a', marker: 'package' });
    // A config file above wins over a package.json nearer by.
    assert.deepEqual(await findProjectRoot(host, '/q/r/s'), { root: '/q', marker: 'config' });
    assert.equal(await findProjectRoot(host, '/elsewhere'), undefined);
  });
});

describe('which files are articles', () => {
  it('the include setting decides, searching only below its folders', async () => {
    const host = new MemoryHost({
      '/site/package.json': '{}',
      [`${A}/a.md`]: article(),
      [`${A}/sub/b.md`]: article(),
      [`${A}/_draft.md`]: article(),
      [`${A}/.hidden/c.md`]: article(),
      '/site/src/content/blog/post.md': '---\ntitle: x\n---\n',
      '/site/docs/README.md': '# docs',
      '/site/node_modules/pkg/readme.md': '# no',
    });
    const s = createArticleService({ files: host, root: '/site' });
    assert.deepEqual(await s.findArticles(), [`${A}/a.md`, `${A}/sub/b.md`]);
    assert.ok(!host.entered('/site/docs') && !host.entered('/site/node_modules') && !host.entered('/site/src/content/blog'), `listed: ${host.listed.join(', ')}`);
    assert.ok(s.isArticle(`${A}/new.md`));
    assert.ok(!s.isArticle('/site/src/content/blog/post.md'));
    assert.ok(!s.isArticle(`${A}/_draft.md`), 'the site skips files whose name starts with _');
  });
  it('only .md files, as the site builds them: a .markdown, .mdown or .MD file among them is checked and said to get no page, never part of the corpus', async () => {
    const files = {
      '/site/package.json': '{}',
      [`${A}/a.md`]: article(),
      [`${A}/b.markdown`]: article(),
      [`${A}/sub/C.MD`]: article(),
      [`${A}/_d.markdown`]: article(),
      [`${A}/e.txt`]: 'x',
      '/site/docs/f.markdown': article(),
    };
    const s = createArticleService({ files: new MemoryHost(files), root: '/site' });
    assert.deepEqual(await s.findArticles(), [`${A}/a.md`]);
    assert.deepEqual(s.unbuiltFiles, [`${A}/b.markdown`, `${A}/sub/C.MD`]);
    assert.equal(s.unbuiltName(`${A}/b.markdown`), 'b.md');
    assert.equal(s.unbuiltName(`${A}/sub/C.MD`), 'C.md');
    for (const f of [`${A}/a.md`, `${A}/_d.markdown`, `${A}/e.txt`, '/site/docs/f.markdown']) assert.equal(s.unbuiltName(f), undefined, f);
    // Checked as any article: the same title as a.md is a duplicate of it, and the file is told it gets no page.
    await s.buildIndex();
    assert.deepEqual([...s.index.files()].map(([f]) => f), [`${A}/a.md`]);
    const b = s.check(`${A}/b.markdown`, article());
    assert.deepEqual(b.map((p) => `${p.rule}@${p.range.start.line}:${p.range.start.character}-${p.range.end.character}`), ['file-left-out@0:0-3', 'duplicate-title@1:7-20']);
    assert.match(b[0].message, /makes no page of “b\.markdown”\. Rename the file “b\.md”/);
    // Publishing it would publish nothing: Publish is stopped by default.
    assert.deepEqual(s.publishBlockers(b).map((p) => p.rule), ['file-left-out']);
    // a.md has no duplicate: b.markdown is no page of the site.
    assert.deepEqual(s.check(`${A}/a.md`, article()).map((p) => p.rule), []);
    const [res] = await s.checkFiles([`${A}/sub/C.MD`]);
    assert.deepEqual(res.problems.map((p) => p.rule), ['file-left-out', 'duplicate-title']);
    // Off like any rule.
    const off = createArticleService({ files: new MemoryHost({ ...files, '/site/.qa-articles.json': '{"rules": {"file-left-out": "off"}}' }), root: '/site' });
    await off.ready;
    assert.deepEqual(off.check(`${A}/b.markdown`, article()).map((p) => p.rule), []);
  });
  it('a file at the root is found too, where the include takes the root: x.Markdown for *.md', async () => {
    const s = createArticleService({ files: new MemoryHost({ '/p/.qa-articles.json': '{"include": ["*.md"]}', '/p/x.Markdown': article(), '/p/y.md': article(), '/p/sub/z.markdown': article() }), root: '/p' });
    assert.deepEqual(await s.findArticles(), ['/p/y.md']);
    assert.deepEqual(s.unbuiltFiles, ['/p/x.Markdown']);
    assert.equal(s.unbuiltName('/p/x.Markdown'), 'x.md');
    assert.equal(s.unbuiltName('/p/sub/z.markdown'), undefined);
    assert.equal(s.unbuiltName('/elsewhere/x.markdown'), undefined);
  });
  it('a project whose include takes .markdown has no word about it', async () => {
    const host = new MemoryHost({ '/p/.qa-articles.json': '{"include": ["articles/**/*.markdown"]}', '/p/articles/a.markdown': article(), '/p/articles/b.md': article() });
    const s = createArticleService({ files: host, root: '/p' });
    assert.deepEqual(await s.findArticles(), ['/p/articles/a.markdown']);
    assert.deepEqual(s.unbuiltFiles, []);
    assert.deepEqual(s.check('/p/articles/a.markdown', article()).map((p) => p.rule), []);
  });
  it('include and exclude from .qa-articles.json; the host setting replaces the include', async () => {
    const host = new MemoryHost({ '/p/.qa-articles.json': '{"include": ["articles/**/*.md"], "exclude": ["articles/old/**"]}', '/p/articles/a.md': article(), '/p/articles/old/b.md': article(), '/p/other/c.md': article() });
    assert.deepEqual(await createArticleService({ files: host, root: '/p' }).findArticles(), ['/p/articles/a.md']);
    assert.deepEqual(await createArticleService({ files: host, root: '/p', settings: { include: ['other/*.md'] } }).findArticles(), ['/p/other/c.md']);
  });
});

describe('config and schema', () => {
  it('a broken config is reported at its fault, and the built-in settings stand in', async () => {
    const host = new MemoryHost({ '/p/.qa-articles.json': '{\n  "titleMax": 70,\n  "rulez": {}\n}' });
    const s = createArticleService({ files: host, root: '/p' });
    await s.ready;
    assert.equal(s.settings.errors.length, 1);
    const e = s.settings.errors[0];
    assert.deepEqual([e.kind, e.key, e.line, e.column], ['config', 'config-unknown-key', 2, 2]);
    assert.match(s.describe(e), /unknown setting "rulez"/);
    assert.equal(s.settings.config.titleMax, 60);
    const sv = createArticleService({ files: host, root: '/p', lang: 'sv' });
    await sv.ready;
    assert.match(sv.describe(sv.settings.errors[0]), /okänd inställning "rulez"/);
  });
  it('schemas: not JSON, null, a missing file named by the config, and none read in an untrusted workspace', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ '/p/.qa-articles.schema.json': '{ nope' }, 'schema-not-json'],
      [{ '/p/.qa-articles.schema.json': 'null' }, 'schema-not-object'],
      [{ '/p/.qa-articles.json': '{"schema": "s/x.json"}' }, 'schema-missing'],
      [{ '/p/.qa-articles.schema.json': '{"type": "object", "properties": {"title": {"type": "nope"}}}' }, 'schema-invalid'],
    ];
    for (const [files, key] of cases) {
      const s = createArticleService({ files: new MemoryHost(files), root: '/p' });
      await s.ready;
      assert.deepEqual(s.settings.errors.map((e) => e.key), [key], key);
      assert.equal(s.settings.schemaSource, 'bundled');
    }
    const own = { '/p/.qa-articles.schema.json': '{"type": "object", "required": ["rubrik"]}' };
    const trustedHost = new MemoryHost(own);
    const trusted = createArticleService({ files: trustedHost, root: '/p' });
    await trusted.ready;
    assert.equal(trusted.settings.schemaSource, 'project');
    assert.ok(trustedHost.reads.includes('/p/.qa-articles.schema.json'));
    const untrustedHost = new MemoryHost(own);
    const untrusted = createArticleService({ files: untrustedHost, root: '/p', settings: { trusted: false } });
    await untrusted.ready;
    assert.equal(untrusted.settings.schemaSource, 'bundled');
    assert.ok(!untrustedHost.reads.includes('/p/.qa-articles.schema.json'), 'an untrusted workspace\'s schema is never read');
  });
  it('limits of the config reach the rules; a changed config file takes effect through the watcher', async () => {
    const host = new MemoryHost({ '/p/.qa-articles.json': '{"include": "*.md", "titleMax": 70}', '/p/a.md': article({ title: `title: "${'x'.repeat(65)}"` }) });
    const s = createArticleService({ files: host, root: '/p' });
    const w = s.watch();
    await s.ready;
    assert.deepEqual((await s.checkFile('/p/a.md')).map((p) => p.rule), []);
    let settingsEvents = 0;
    s.onDidChange((e) => e.kind === 'settings' && settingsEvents++);
    host.write('/p/.qa-articles.json', '{"include": "*.md", "titleMax": 60}');
    await tick();
    assert.equal(settingsEvents, 1);
    assert.deepEqual((await s.checkFile('/p/a.md')).map((p) => p.rule), ['title-length']);
    w.dispose();
    assert.equal(host.watcherCount, 0);
  });
});

describe('the corpus index', () => {
  it('follows adds, changes, deletions and renames; a second event for one save changes nothing', async () => {
    const host = new MemoryHost({ '/p/.qa-articles.json': '{"include": "*.md"}', '/p/a.md': article({ tags: 'tags: ["smärta"]' }) });
    const s = createArticleService({ files: host, root: '/p' });
    s.watch();
    assert.equal(await s.buildIndex(), true);
    assert.equal(s.index.tags.get('smärta'), 1);
    host.write('/p/b.md', article({ title: 'title: "B"', tags: 'tags: ["smärta", "axel"]' }));
    await tick();
    assert.equal(s.index.tags.get('smärta'), 2);
    const rev = s.index.revision;
    host.write('/p/b.md', article({ title: 'title: "B"', tags: 'tags: ["smärta", "axel"]' }));
    await tick();
    assert.equal(s.index.revision, rev, 'the same content is not indexed twice');
    // A rename: the old path goes, the new one comes.
    const text = new TextDecoder().decode(host.files.get('/p/b.md'));
    host.remove('/p/b.md');
    host.write('/p/c.md', text);
    await tick();
    assert.deepEqual([...s.index.files()].map(([f]) => f).sort(), ['/p/a.md', '/p/c.md']);
    assert.deepEqual([...(s.index.titleFiles('B') ?? [])], ['/p/c.md']);
    host.remove('/p/c.md');
    await tick();
    assert.equal(s.index.tags.get('axel'), 0);
    assert.deepEqual([...(s.index.titleFiles('B') ?? [])], []);
  });
  it('a build can be cancelled, and a newer build cancels an older one', async () => {
    const files: Record<string, string> = { '/p/.qa-articles.json': '{"include": "*.md"}' };
    for (let i = 0; i < 250; i++) files[`/p/a${i}.md`] = article({ title: `title: "T${i}"` });
    const s = createArticleService({ files: new MemoryHost(files), root: '/p' });
    let n = 0;
    const token = { get isCancellationRequested() { return n > 120; } };
    assert.equal(await s.buildIndex(token, () => n++), false);
    assert.ok(s.index.size < 250);
    const first = s.buildIndex();
    const second = s.buildIndex();
    assert.deepEqual(await Promise.all([first, second]), [false, true]);
    assert.equal(s.index.size, 250);
  });
  it('a changed include setting is another corpus', async () => {
    const host = new MemoryHost({ '/p/.qa-articles.json': '{"include": "a/*.md"}', '/p/a/x.md': article(), '/p/b/y.md': article(), '/p/b/z.md': article() });
    const s = createArticleService({ files: host, root: '/p' });
    await s.buildIndex();
    assert.equal(s.index.size, 1);
    await s.reload({ include: ['b/*.md'] });
    assert.equal(s.index.size, 2);
  });
});

describe('reading and checking', () => {
  it('special files are not listed and never read; a file over the limit is not read; binary data is refused', async () => {
    const host = new MemoryHost({ '/p/.qa-articles.json': '{"include": "*.md"}', '/p/big.md': new Uint8Array(MAX_ARTICLE_BYTES + 1), '/p/bin.md': new Uint8Array([0x89, 0x50, 0, 1]), '/p/ok.md': article() });
    host.special.add('/p/pipe.md');
    const s = createArticleService({ files: host, root: '/p' });
    // The site's listing (fdir under tinyglobby) returns no pipe, socket or device: it is not an article of the site.
    const found = await s.findArticles();
    assert.deepEqual(found, ['/p/big.md', '/p/bin.md', '/p/ok.md']);
    // Asked for all the same (a link to one, which the site does list): an error, never read.
    const results = await s.checkFiles([...found, '/p/pipe.md']);
    const by = Object.fromEntries(results.map((r) => [r.file, r.problems.map((p) => p.message).join(' ')]));
    assert.match(by['/p/pipe.md'], /Not a regular file/);
    assert.equal(results.find((r) => r.file === '/p/pipe.md')?.problems[0].severity, 'error');
    assert.match(by['/p/big.md'], /larger than 10 MB/);
    assert.match(by['/p/bin.md'], /not a text file/);
    assert.equal(by['/p/ok.md'], '');
    assert.ok(!host.reads.includes('/p/big.md'));
  });
  it('an article saved as UTF-16 (with its byte order mark, or without one) is an error the writer can act on, as the site finds no field in it', async () => {
    const text = article();
    const utf16 = (bigEndian: boolean, mark: boolean) => {
      const out = new Uint8Array((text.length + (mark ? 1 : 0)) * 2);
      const units = (mark ? '\ufeff' : '') + text;
      for (let i = 0; i < units.length; i++) {
        const c = units.charCodeAt(i);
        out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
        out[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
      }
      return out;
    };
    const host = new MemoryHost({ '/p/.qa-articles.json': '{"include": "*.md"}', '/p/le.md': utf16(false, true), '/p/be.md': utf16(true, true), '/p/le-no-mark.md': utf16(false, false), '/p/be-no-mark.md': utf16(true, false), '/p/ok.md': text });
    const s = createArticleService({ files: host, root: '/p' });
    const results = await s.checkFiles(await s.findArticles());
    const message = 'This file is saved as UTF-16 (Windows calls it "Unicode"), and the site reads articles as UTF-8 only: it finds none of the fields, and its build fails. Save the file as UTF-8 (in VS Code: click the encoding in the status bar, then Save with Encoding → UTF-8).';
    for (const f of ['/p/le.md', '/p/be.md', '/p/le-no-mark.md', '/p/be-no-mark.md']) {
      assert.deepEqual(results.find((r) => r.file === f)?.problems.map((p) => [p.severity, p.rule, p.message]), [['error', 'file-unreadable', message]], f);
    }
    assert.deepEqual(results.find((r) => r.file === '/p/ok.md')?.problems, []);
    const sv = createArticleService({ files: host, root: '/p', lang: 'sv' });
    assert.match((await sv.checkFile('/p/le.md'))[0].message, /^Filen är sparad som UTF-16/);
  });
  it('an editor\'s text to be saved in another encoding than UTF-8 gets the problem the saved file will have on the site', () => {
    const s = createArticleService({ files: new MemoryHost({ '/p/.qa-articles.json': '{"include": "*.md"}' }), root: '/p' });
    const text = article({ title: 'title: "Ont i knät"' });
    const plain = s.check('/p/a.md', text, 1, 'utf8');
    assert.deepEqual(plain, []);
    assert.deepEqual(s.check('/p/a.md', text, 1, 'utf8bom'), []);
    // The same version in another encoding is checked again (Save with Encoding changes no text).
    const [latin, ...rest] = s.check('/p/a.md', text, 1, 'windows1252');
    assert.deepEqual(rest, []);
    assert.deepEqual([latin.severity, latin.rule, text.slice(latin.start, latin.end)], ['warning', 'file-encoding', 'ä']);
    assert.equal(latin.message, 'This file is saved as Windows 1252, and the site reads articles as UTF-8 only: it will show å, ä, ö and other such characters as �. Save the file as UTF-8 (click Windows 1252 in the status bar, then Save with Encoding → UTF-8).');
    assert.equal(latin.range.start.line, text.slice(0, latin.start).split('\n').length - 1);
    // Plain ASCII is the same bytes in it: nothing to say.
    const ascii = article({ title: 'title: "Ont i foten"', tags: 'tags: ["fot"]', question: 'question: |\n  Hej!\n  Vad kan det vara?' }, 'Svaret.\n\n**Sammanfattning:**\n- En punkt\n');
    assert.deepEqual(s.check('/p/b.md', ascii, 1, 'windows1252'), []);
    // UTF-16: the site reads none of it; the text's own problems still show, for after it is saved as UTF-8.
    const broken = article({ date: null });
    const u = s.check('/p/c.md', broken, 1, 'utf16le');
    assert.deepEqual([u[0].severity, u[0].rule, u[0].start], ['error', 'file-unreadable', 0]);
    assert.match(u[0].message, /saved as UTF-16/);
    assert.deepEqual(u.slice(1), [...s.check('/p/c.md', broken, 1, 'utf8')]);
    assert.ok(u.length > 1);
    // Back to UTF-8: the problem is gone.
    assert.deepEqual(s.check('/p/a.md', text, 1, 'utf8'), []);
  });
  it('a file the site cannot read is a warning that the site leaves it out, in the editor\'s check as in a batch, in English and Swedish', async () => {
    // Astro's glob loader lists the file, logs its read error and builds the rest: no page, no failed build.
    const host = new MemoryHost({ '/p/.qa-articles.json': '{"include": "*.md"}', '/p/locked.md': article(), '/p/ok.md': article({ title: 'title: "Ont i knät"' }) });
    host.denied.add('/p/locked.md');
    const s = createArticleService({ files: host, root: '/p' });
    assert.deepEqual(await s.findArticles(), ['/p/locked.md', '/p/ok.md']);
    const results = await s.checkFiles(['/p/locked.md', '/p/ok.md']);
    const locked = results.find((r) => r.file === '/p/locked.md')!;
    assert.equal(locked.readable, false);
    assert.deepEqual(
      locked.problems.map((p) => [p.severity, p.rule, p.message]),
      [['warning', 'file-left-out', "The site cannot read this file and leaves it out: no page is made for it. The file's permissions do not allow reading it."]],
    );
    assert.deepEqual(results.find((r) => r.file === '/p/ok.md')?.problems, []);
    // One file at a time (the editor's Check All and a file closed after it) says the same.
    assert.deepEqual((await s.checkFile('/p/locked.md')).map((p) => [p.severity, p.rule]), [['warning', 'file-left-out']]);
    const sv = createArticleService({ files: host, root: '/p', lang: 'sv' });
    assert.equal((await sv.checkFile('/p/locked.md'))[0].message, 'Webbplatsen kan inte läsa filen och hoppar över den: ingen sida skapas för den. Filens behörigheter tillåter inte att den läses.');
    // A project may rank it otherwise, as any rule.
    host.files.set('/p/.qa-articles.json', new TextEncoder().encode('{"include": "*.md", "rules": {"file-left-out": "error"}}'));
    await s.reload();
    assert.equal((await s.checkFile('/p/locked.md'))[0].severity, 'error');
  });
  it('checks are cached per version and redone when the corpus or the settings change', async () => {
    const host = new MemoryHost({ '/p/.qa-articles.json': '{"include": "*.md"}', '/p/a.md': article({ tags: 'tags: ["Smärta"]' }) });
    const s = createArticleService({ files: host, root: '/p' });
    s.watch();
    await s.buildIndex();
    const text = article({ title: 'title: "Ny"', tags: 'tags: ["Smärta"]' });
    const first = s.check('/p/new.md', text, 1);
    assert.equal(s.check('/p/new.md', text, 1), first, 'the same version is not checked twice');
    assert.deepEqual(first.map((p) => p.rule), []);
    host.write('/p/b.md', article({ title: 'title: "B"', tags: 'tags: ["smärta"]' }));
    host.write('/p/c.md', article({ title: 'title: "C"', tags: 'tags: ["smärta"]' }));
    await tick();
    assert.deepEqual(s.check('/p/new.md', text, 1).map((p) => p.rule), ['tag-variant']);
    await s.reload({ rules: { 'tag-variant': 'off' } });
    assert.deepEqual(s.check('/p/new.md', text, 1).map((p) => p.rule), []);
  });
  it('a crash inside one file\'s check becomes that file\'s problem, and the others are checked', async () => {
    const host = new MemoryHost({ '/p/.qa-articles.json': '{"include": "*.md"}', '/p/.qa-articles.schema.json': '{"type": "object"}', '/p/a.md': article(), '/p/b.md': article({ title: 'title: "B"' }) });
    const logged: string[] = [];
    const s = createArticleService({ files: host, root: '/p', log: (m) => logged.push(m) });
    await s.ready;
    // A schema whose validator throws (the project's own, compiled for this service) stands for any bug inside the checker.
    assert.equal(s.settings.schemaSource, 'project');
    (s.settings.schema as { validate: unknown }).validate = () => {
      throw new Error('boom');
    };
    const results = await s.checkFiles(['/p/a.md', '/p/b.md']);
    assert.equal(results.length, 2);
    for (const r of results) assert.deepEqual(r.problems.map((p) => [p.rule, /could not be checked \(boom\)/.test(p.message)]), [['file-unreadable', true]]);
    assert.ok(logged.some((m) => m.includes('boom')));
  });
  it('publish blockers: every error and the blockPublish warnings of the config', async () => {
    const host = new MemoryHost({ '/p/.qa-articles.json': '{"include": "*.md", "blockPublish": ["title-length"]}' });
    const s = createArticleService({ files: host, root: '/p' });
    await s.ready;
    const problems = s.check('/p/a.md', article({ title: `title: "${'x'.repeat(70)}"`, date: 'date: "2017-08-15"' }));
    assert.deepEqual(s.publishBlockers(problems).map((p) => p.rule).sort(), ['title-length', 'yaml-type']);
  });
});

describe("the site's generated schema", () => {
  // In the shape `astro sync` writes (.astro/collections/<collection>.schema.json).
  const generated = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      $ref: '#/definitions/fraga-doktorn',
      definitions: {
        'fraga-doktorn': {
          type: 'object',
          properties: {
            title: { type: 'string' },
            category: { type: 'string', enum: ['axel', 'kna', 'armbage', 'annat'] },
            date: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'string', format: 'date' }, { type: 'integer', format: 'unix-time' }] },
            question: { type: 'string' },
            published: { type: 'boolean', default: true },
            ...extra,
          },
          required: ['title', 'category', 'date', 'question'],
          additionalProperties: false,
        },
      },
      $schema: 'http://json-schema.org/draft-07/schema#',
    });
  const SCHEMA = `/site/.astro/collections/fraga-doktorn.schema.json`;

  it('is the contract when present, after the project\'s own schema settings; a field added to it is accepted without a reload', async () => {
    const host = new MemoryHost({ '/site/package.json': '{}', [SCHEMA]: generated(), [`${A}/a.md`]: article({ topic: null, tags: null, description: null, author: null }) + '' });
    const s = createArticleService({ files: host, root: '/site' });
    s.watch();
    await s.ready;
    assert.equal(s.settings.schemaSource, 'site');
    const text = article({ topic: null, tags: null, description: null, author: null, published: 'published: true\nrubrik: "x"' });
    assert.deepEqual(s.check(`${A}/a.md`, text).map((p) => p.rule), ['unknown-field']);
    // A quoted date is text to the site, whatever the anyOf says.
    assert.deepEqual(s.check(`${A}/a.md`, text.replace('date: 2017-08-15', 'date: "2017-08-15"')).map((p) => p.rule).sort(), ['unknown-field', 'yaml-type']);
    host.write(SCHEMA, generated({ rubrik: { type: 'string' } }));
    await tick();
    assert.deepEqual(s.check(`${A}/a.md`, text).map((p) => p.rule), []);
    // A project schema file comes first.
    host.write('/site/.qa-articles.schema.json', '{"type": "object", "required": ["ingress"]}');
    await tick();
    assert.equal(s.settings.schemaSource, 'project');
  });
  it('a generated file that is not such a schema is reported, and the bundled contract stands in', async () => {
    const s = createArticleService({ files: new MemoryHost({ '/site/package.json': '{}', [SCHEMA]: '{"type": "string"}' }), root: '/site' });
    await s.ready;
    assert.equal(s.settings.schemaSource, 'bundled');
    assert.deepEqual(s.settings.errors.map((e) => [e.kind, e.file]), [['schema', SCHEMA]]);
  });
});

describe('a cache of the batch check', () => {
  it('knows an unchanged file by its stat: the file is not read again', async () => {
    const host = new MemoryHost({ '/p/.qa-articles.json': '{"include": "*.md"}', '/p/a.md': article({ date: 'date: "2017-08-15"' }), '/p/b.md': article({ title: 'title: "B"' }) });
    const store = new Map<string, unknown>();
    const cache = {
      get: (file: string, stat: { size: number }, target: boolean) => store.get(`${file}|${stat.size}|${target}`) as never,
      set: (file: string, stat: { size: number }, target: boolean, a: unknown) => void store.set(`${file}|${stat.size}|${target}`, a),
    };
    const s = createArticleService({ files: host, root: '/p' });
    const first = await s.checkFiles(['/p/a.md', '/p/b.md'], { cache });
    host.reads.length = 0;
    const again = await s.checkFiles(['/p/a.md', '/p/b.md'], { cache });
    assert.deepEqual(host.reads.filter((r) => r.endsWith('.md')), []);
    assert.deepEqual(again.map((r) => r.problems.map((p) => p.rule)), first.map((r) => r.problems.map((p) => p.rule)));
    assert.deepEqual(again.map((r) => r.problems.map((p) => p.rule)), [['yaml-type'], []]);
  });
});

describe('a burst of changes', () => {
  it('is reconciled with the disk when it is over, so events the watcher lost cost no article', async () => {
    const host = new MemoryHost({ '/p/.qa-articles.json': '{"include": "**/*.md"}', '/p/a.md': article() });
    const s = createArticleService({ files: host, root: '/p' });
    s.watch();
    await s.buildIndex();
    // 40 files copied at once; the watcher tells of only 30 of them.
    for (let i = 0; i < 40; i++) {
      const p = `/p/copy/x${i}.md`;
      const text = article({ title: `title: "Kopia ${i}"` });
      if (i % 4 === 0) host.files.set(p, new TextEncoder().encode(text));
      else host.write(p, text);
    }
    await tick();
    assert.ok(s.index.size < 41, 'the lost events are not in the index yet');
    await new Promise((r) => setTimeout(r, 1300));
    assert.equal(s.index.size, 41);
  });
});

/**
 * A pool whose helpers are services of their own over the same host, run in turns with the
 * service (as worker threads share a batch): `fail` files are claimed and never returned, as by a
 * helper that crashed.
 */
function servicePool(host: MemoryHost, root: string, opts: { fail?: Set<string> } = {}): AnalysisPool & { analysed: string[] } {
  const analysed: string[] = [];
  return {
    analysed,
    minFiles: 3,
    start({ files, target, listed, fixes }: PoolBatch): PoolRun {
      const helper = createArticleService({ files: host, root });
      let next = 0;
      const chunks = Math.ceil(files.length / 2);
      const claim = () => (next < chunks ? next++ : -1);
      const done = (async () => {
        const out = new Map<string, Analysis>();
        // The helper takes every other chunk it can get.
        for (let c = claim(); c >= 0; c = claim()) {
          for (let i = c * 2; i < Math.min(files.length, c * 2 + 2); i++) {
            analysed.push(files[i]);
            if (!opts.fail?.has(files[i])) out.set(files[i], await helper.analyze(files[i], { target: target[i], listed: listed[i], fixes }));
          }
          await new Promise((r) => setTimeout(r, 0));
        }
        return out;
      })();
      return { chunk: 2, claim, stop: () => (next = chunks), done };
    },
  };
}

describe('a batch shared with helpers', () => {
  const files = () => {
    const f: Record<string, string> = { '/p/.qa-articles.json': '{"include": "*.md"}' };
    for (let i = 0; i < 9; i++) f[`/p/a${i}.md`] = article({ title: `title: "Artikel ${i % 4}"`, tags: i % 3 ? 'tags: ["smärta"]' : 'tags: ["Smärta"]' });
    // A missing category, taken from the topic's other articles (a local rule that reads the index).
    f['/p/a0.md'] = article({ category: null, topic: 'topic: "impingement"' });
    return f;
  };
  const shown = (results: { file: string; problems: { rule: string; message: string }[] }[]) => results.map((r) => [r.file, r.problems.map((p) => `${p.rule}: ${p.message}`)]);

  it('gives the same results as the service alone, and the helpers did take a share', async () => {
    const alone = createArticleService({ files: new MemoryHost(files()), root: '/p' });
    const expected = shown(await alone.checkFiles(await alone.findArticles()));
    const host = new MemoryHost(files());
    const pool = servicePool(host, '/p');
    const s = createArticleService({ files: host, root: '/p', pool });
    const results = await s.checkFiles(await s.findArticles());
    assert.deepEqual(shown(results), expected);
    assert.ok(pool.analysed.length > 0 && pool.analysed.length < 9, `the helper analysed ${pool.analysed.length} of 9`);
    // Each file was read once, by whichever side claimed it; a0 (its category taken from the corpus) again once the index was complete.
    assert.deepEqual(host.reads.filter((r) => r.endsWith('.md')).sort(), [...Object.keys(files()).filter((f) => f.endsWith('.md')), '/p/a0.md'].sort());
    // The corpus rules ran over the whole index: duplicate titles name files either side analysed.
    assert.ok(results.some((r) => r.problems.some((p) => p.rule === 'duplicate-title')));
    assert.deepEqual([...s.index.files()].map(([f]) => f), [...alone.index.files()].map(([f]) => f));
  });
  it('the category a missing one is given comes from the whole corpus, whichever file was read first', async () => {
    const s = createArticleService({ files: new MemoryHost(files()), root: '/p' });
    const a0 = (await s.checkFiles(await s.findArticles())).find((r) => r.file === '/p/a0.md')!;
    const required = a0.problems.find((p) => p.rule === 'schema-required')!;
    assert.match(required.message, /category: "axel"/);
    assert.match(required.fixes![0].title, /axel/);
  });
  it('files a helper took and never returned are checked by the service', async () => {
    const host = new MemoryHost(files());
    const alone = createArticleService({ files: host, root: '/p' });
    const expected = shown(await alone.checkFiles(await alone.findArticles()));
    const pool = servicePool(host, '/p', { fail: new Set(['/p/a3.md', '/p/a4.md', '/p/a5.md', '/p/a6.md']) });
    const s = createArticleService({ files: host, root: '/p', pool });
    assert.deepEqual(shown(await s.checkFiles(await s.findArticles())), expected);
  });
  it('no helper below the pool\'s minimum, and none with a cache', async () => {
    const host = new MemoryHost(files());
    const pool = { ...servicePool(host, '/p'), minFiles: 100 };
    let started = 0;
    const s = createArticleService({ files: host, root: '/p', pool: { minFiles: 100, start: (b) => (started++, pool.start(b)) } });
    await s.checkFiles(await s.findArticles());
    const c = createArticleService({ files: host, root: '/p', pool: { minFiles: 1, start: (b) => (started++, pool.start(b)) } });
    const cache = new Map<string, Analysis>();
    await c.checkFiles(await c.findArticles(), { cache: { get: (f) => cache.get(f), set: (f, _s, _t, a) => void cache.set(f, a) } });
    assert.equal(started, 0);
  });
});

describe('the index build', () => {
  it('lets the host breathe every 100 files, not after every file (a 12,980-file build took 16 s waiting on timers)', async () => {
    const f: Record<string, string> = { '/p/.qa-articles.json': '{"include": "*.md"}' };
    for (let i = 0; i < 300; i++) f[`/p/a${i}.md`] = article({ title: `title: "A ${i}"` });
    const s = createArticleService({ files: new MemoryHost(f), root: '/p' });
    await s.ready;
    const real = globalThis.setTimeout;
    let yields = 0;
    globalThis.setTimeout = ((fn: () => void, ms?: number) => (yields++, real(fn, ms))) as typeof setTimeout;
    try {
      assert.equal(await s.buildIndex(), true);
    } finally {
      globalThis.setTimeout = real;
    }
    assert.equal(s.index.size, 300);
    assert.equal(yields, 3);
  });
});
