import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { previewCommand } from '../../src/cli/preview';
import { createArticleService } from '../../src/core/project/service';
import { fromCorePath, nodeFileHost, toCorePath } from '../../src/node/host';
import { parseArticle, type ParsedArticle } from '../../src/core/parse';
import { categoryLabels, extractSummary, formatSwedishDate, renderArticle, renderArticleHead, renderWebviewHtml } from '../../src/core/render';

const CHROMIUM = '/usr/bin/chromium';
const CORPUS = '/work/shared/corpus/fraga-doktorn';
const HOSTILE = path.join(__dirname, 'fixtures', 'hostile-article.md');
/** A 1×1 PNG. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const chromiumMissing = existsSync(CHROMIUM) ? undefined : `chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;
if (chromiumMissing) console.log(`# skipping browser tests: ${chromiumMissing}`);

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** What a reader sees of inline Markdown, near enough to compare text. */
const mdText = (s: string) => norm(s.replace(/\*\*|__|`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));

let browser: Browser | undefined;
let work: string;

before(async () => {
  if (chromiumMissing) return;
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
  work = mkdtempSync(path.join(tmpdir(), 'qa-browser-'));
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Watch {
  page: Page;
  dialogs: string[];
  requests: string[];
}

/** Waits until an image has loaded or failed to. */
function loaded(el: HTMLImageElement): Promise<unknown> | undefined {
  if (el.complete) return undefined;
  return new Promise((r) => {
    el.addEventListener('load', r, { once: true });
    el.addEventListener('error', r, { once: true });
  });
}

async function open(): Promise<Watch> {
  const page = await browser!.newPage();
  const w: Watch = { page, dialogs: [], requests: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => w.requests.push(r.url()));
  return w;
}

/** Exports an article through the CLI, as a user would, and returns the page's file URL. */
async function exportPage(src: string, name: string): Promise<string> {
  const out = path.join(work, `${name}.html`);
  let err = '';
  const code = await previewCommand([src, '--out', out], { stdout: () => {}, stderr: (s) => (err += s), cwd: work });
  assert.equal(code, 0, err);
  return pathToFileURL(out).href;
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map(norm);
}

/** Every hook holds what the article says. */
async function assertHooks(page: Page, a: ParsedArticle, label: string): Promise<void> {
  const d = a.data ?? {};
  assert.deepEqual(await texts(page, '[data-qa="title"]'), [norm(String(d.title))], `${label}: title`);
  assert.deepEqual(await texts(page, '[data-qa="category"]'), [categoryLabels[String(d.category)]], `${label}: category`);
  assert.deepEqual(await texts(page, '[data-qa="date"]'), [formatSwedishDate(d.date as Date)], `${label}: date`);
  assert.deepEqual(await texts(page, '[data-qa="author"]'), [norm(String(d.author))], `${label}: author`);
  assert.equal(norm(await page.locator('[data-qa="question"]').textContent()), norm(String(d.question)), `${label}: question`);
  const asker = norm(await page.locator('[data-qa="asker"]').textContent());
  assert.ok(asker.startsWith(d.patientName ? String(d.patientName) : 'Patient'), `${label}: asker ${asker}`);
  if (d.patientAge !== undefined) assert.ok(asker.endsWith(`, ${d.patientAge} år`), `${label}: age in ${asker}`);

  // The question keeps its line breaks: as many visual lines as the source has non-blank lines.
  const qLines = (await page.locator('[data-qa="question"]').innerText()).split('\n').filter((l) => l.trim()).length;
  assert.equal(qLines, String(d.question).split('\n').filter((l) => l.trim()).length, `${label}: question lines`);

  const summary = extractSummary(a.body);
  if (summary) {
    assert.equal(await page.locator('[data-qa="summary"]').count(), 1, `${label}: one summary box`);
    if (summary.items.length) assert.deepEqual(await texts(page, '[data-qa="summary"] li'), summary.items.map(mdText), `${label}: summary items`);
    if (summary.intro) assert.ok(norm(await page.locator('[data-qa="summary"]').textContent()).includes(mdText(summary.intro)), `${label}: summary intro`);
  }

  const tags = Array.isArray(d.tags) ? d.tags.map(String) : [];
  if (tags.length) {
    assert.equal(await page.locator('[data-qa="tags"] > *').count(), tags.length, `${label}: one child per tag`);
    assert.deepEqual(await texts(page, '[data-qa="tags"] > *'), tags.map(norm), `${label}: tag text`);
  }
  assert.equal(await page.locator('[data-qa="status"]').count(), d.published === false || d.status ? 1 : 0, `${label}: status banner`);
}

/** Picks corpus articles that exercise the most hooks: a summary list, and a patient's name. */
function pickCorpus(): string[] {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
  const read = (f: string) => parseArticle(readFileSync(path.join(CORPUS, f), 'utf8'));
  const chosen = new Set<string>();
  const firstWhere = (pred: (a: ParsedArticle) => boolean) => files.find((f) => pred(read(f)));
  const both = firstWhere((a) => !!a.data?.patientName && !!extractSummary(a.body)?.items.length);
  if (both) chosen.add(both);
  else {
    const withList = firstWhere((a) => !!extractSummary(a.body)?.items.length) ?? firstWhere((a) => !!extractSummary(a.body));
    const withName = firstWhere((a) => !!a.data?.patientName && !!extractSummary(a.body)) ?? firstWhere((a) => !!a.data?.patientName);
    for (const f of [withList, withName]) if (f) chosen.add(f);
  }
  return [...chosen];
}

describe('exported preview page in Chromium', { skip: chromiumMissing }, () => {
  it('shows a real corpus article as the site would', async (t) => {
    if (!existsSync(CORPUS)) {
      console.log(`# skipping corpus article: ${CORPUS} not found`);
      t.skip(`corpus not found at ${CORPUS}`);
      return;
    }
    const picks = pickCorpus();
    assert.ok(picks.length > 0, 'no corpus article with a summary or a patient name');
    for (const file of picks) {
      const src = path.join(CORPUS, file);
      const url = await exportPage(src, path.basename(file, '.md'));
      const w = await open();
      await w.page.goto(url);
      await assertHooks(w.page, parseArticle(readFileSync(src, 'utf8')), file);
      assert.deepEqual(w.requests, [url], `${file}: only the page itself is loaded`);
      await w.page.close();
    }
  });

  it('shows the bundled seed article with its summary list', async (t) => {
    const seed = '/work/shared/seed/example-article.md';
    if (!existsSync(seed)) {
      t.skip(`seed article not found at ${seed}`);
      return;
    }
    const url = await exportPage(seed, 'seed');
    const w = await open();
    await w.page.goto(url);
    const a = parseArticle(readFileSync(seed, 'utf8'));
    await assertHooks(w.page, a, 'seed');
    assert.equal(await w.page.locator('[data-qa="summary"] li').count(), 4);
    // Every top-level answer block can be found from its source line.
    const lines = await w.page.locator('[data-qa="answer"] > [data-line]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-line'))));
    const src = a.text.split(/\r\n|\r|\n/);
    for (const n of lines) assert.ok(src[n].trim() !== '', `data-line ${n} points at a blank line`);
    await w.page.close();
  });

  for (const variant of ['exported page (with its CSP)', 'page body without any CSP']) {
    it(`runs nothing from a hostile article: ${variant}`, async () => {
      const w = await open();
      let url: string;
      if (variant.startsWith('exported')) {
        url = await exportPage(HOSTILE, 'hostile');
        await w.page.goto(url);
      } else {
        // Without the CSP only escaping stands between the article and the reader's browser.
        const body = renderArticle(parseArticle(readFileSync(HOSTILE, 'utf8')), { problems: [] });
        const file = path.join(work, 'hostile-nocsp.html');
        writeFileSync(file, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
        url = pathToFileURL(file).href;
        await w.page.goto(url);
      }
      const page = w.page;
      // Give onerror/onload handlers a chance to fire if any survived.
      await page.waitForTimeout(300);
      await page.locator('[data-qa="answer"]').hover();

      assert.deepEqual(w.dialogs, [], 'no dialog opened');
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, 'no injected code ran');
      assert.equal(await page.locator('script, iframe, object, embed, svg, form, base, meta[http-equiv="refresh"]').count(), 0, 'no active elements');
      const onAttrs = await page.evaluate(() => Array.from(document.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}.${a.name}`)));
      assert.deepEqual(onAttrs, [], 'no on* attributes');
      const badHrefs = await page.evaluate(() => Array.from(document.querySelectorAll('[href], [data-href], [src], [srcdoc], [action], [formaction]')).map((el) => el.getAttribute('href') ?? el.getAttribute('data-href') ?? el.getAttribute('src') ?? el.getAttribute('srcdoc') ?? '').filter((h) => /^\s*(javascript|vbscript|data):|<script/i.test(h)));
      assert.deepEqual(badHrefs, [], 'no script URLs');
      assert.deepEqual(w.requests, [url], 'no request besides the page itself');

      // The hostile text is still shown, as text, in the right places.
      assert.match(norm(await page.locator('[data-qa="title"]').textContent()), /^<script>window.__pwned=1;alert\('title'\)<\/script><\/h1><img src=x/);
      assert.match(norm(await page.locator('[data-qa="question"]').textContent()), /<script>window.__pwned=5.*<\/p><img src=x onerror=.*<iframe/);
      assert.equal(await page.locator('[data-qa="tags"] > *').count(), 5, 'one chip per tag');
      // Raw HTML is shown as the site shows it: a script goes with its content, the rest is text.
      assert.deepEqual(await texts(page, '[data-qa="summary"] li'), ['Punkt med', '[Farlig](javascript:alert(1)) punkt']);
      assert.match(norm(await page.locator('[data-qa="answer"]').textContent()), /Svar med inbäddat skript\./);
      // Its stray closing tags close nothing of the page: the answer keeps its box, and the box its summary.
      assert.deepEqual(await texts(page, '[data-qa="answer"] p:has-text("ut och")'), ['ut och "> igen.']);
      assert.equal(await page.locator('.qa-main > .qa-answer > [data-qa="answer"] > [data-qa="summary"]').count(), 1);
      assert.equal(await page.locator('.qa-columns > .qa-side').count(), 1);
      assert.deepEqual(await texts(page, '[data-qa="answer"] a'), ['rå html-länk']);
      assert.equal(await page.locator('[data-qa="status"]').count(), 1);
      // The author, in the byline and in the answer's heading, is text.
      assert.equal(norm(await page.locator('[data-qa="author"]').textContent()), 'Dr. <b onmouseover=alert(1)>Elak</b>');
      assert.equal(norm(await page.locator('.qa-answer .qa-box-heading').textContent()), 'Dr. <b onmouseover=alert(1)>Elak</b> svarar');
      assert.equal(await page.locator('.qa-box-heading b, [data-qa="author"] b').count(), 0);
      await page.close();
    });
  }

  it('a long article\'s first part reads as the start of the page, and the whole page replaces it', async () => {
    const paragraphs = Array.from({ length: 900 }, (_, i) => `Stycke ${i}: axeln blir bättre med vila, träning och tid, skriver doktorn i ett långt svar.`);
    const article = parseArticle(`---\ntitle: "Ett långt svar"\ncategory: "axel"\ntags: ["axel"]\nquestion: "Hur länge?"\n---\n\n${paragraphs.join('\n\n')}\n`);
    const opts = { lang: 'sv' as const, problems: [], hostLinks: true };
    const head = renderArticleHead(article, opts);
    assert.ok(head !== undefined);
    const file = path.join(work, 'long-webview.html');
    writeFileSync(file, renderWebviewHtml(article, { ...opts, cspSource: 'https://x.invalid', nonce: 'n0nce', body: head }));
    const w = await open();
    const page = w.page;
    await page.goto(pathToFileURL(file).href);
    assert.equal(norm(await page.locator('[data-qa="lix"]').textContent()), 'LIX: räknas …');
    const note = page.locator('[data-qa="answer-more"]');
    assert.equal(norm(await note.textContent()), 'Resten av svaret visas strax …');
    assert.ok(await note.isVisible());
    // The note comes right after the last paragraph shown, and the page's frame is all there.
    const shown = await texts(page, '[data-qa="answer"] > p:not([data-qa])');
    assert.ok(shown.length > 50 && shown.length < 300, `${shown.length} paragraphs shown`);
    assert.deepEqual(shown, paragraphs.slice(0, shown.length));
    assert.deepEqual(await texts(page, '[data-qa="tags"] > *'), ['axel']);
    assert.equal(norm(await page.locator('[data-qa="question"]').textContent()), 'Hur länge?');

    // What the preview's script does with the next update: the whole page in place of the first part.
    const whole = renderArticle(article, opts);
    await page.evaluate((html) => {
      document.getElementById('qa-root')!.innerHTML = html;
    }, whole);
    assert.equal(await page.locator('[data-qa="answer-more"]').count(), 0);
    assert.match(norm(await page.locator('[data-qa="lix"]').textContent()), /^LIX \d+ \(/);
    assert.equal((await texts(page, '[data-qa="answer"] > p')).length, paragraphs.length);
    assert.deepEqual(w.dialogs, []);
    await page.close();
  });

  it('shows a picture of the answer whose file is there, and a broken one as its placeholder and reason', async () => {
    // A real project in the test's temp folder (removed with it): a 1×1 PNG beside the article.
    const folder = path.join(work, 'bild-site', 'src', 'content', 'fraga-doktorn');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(work, 'bild-site', 'package.json'), '{}');
    writeFileSync(path.join(folder, 'axel.png'), Buffer.from(PNG_1X1, 'base64'));
    const src = path.join(folder, 'a.md');
    writeFileSync(src, '---\ntitle: "Axeln"\ncategory: "axel"\nquestion: "Hur ser den ut?"\n---\n\n![Axeln i profil](./axel.png)\n\n![Saknas](./saknas.png) ![Fjärran](https://example.com/a.png)\n');
    const url = await exportPage(src, 'bild');
    const w = await open();
    await w.page.goto(url);
    const img = w.page.locator('[data-qa="answer"] img');
    assert.equal(await img.count(), 1, 'one picture: the missing and the remote one are no <img>');
    await img.evaluate(loaded);
    assert.deepEqual(await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight, el.alt]), [1, 1, 'Axeln i profil']);
    assert.match(norm(await w.page.locator('[data-qa="image-broken"]').textContent()), /^\[Bild: Saknas\] The image \.\/saknas\.png is not there/);
    assert.deepEqual(w.requests, [url, pathToFileURL(path.join(folder, 'axel.png')).href], 'the page and the picture, nothing remote');

    // The webview's document: its CSP lets the picture load from the host's own source.
    const service = createArticleService({ files: nodeFileHost(), root: toCorePath(path.join(work, 'bild-site')) });
    await service.checkFile(toCorePath(src));
    const file = path.join(work, 'bild-webview.html');
    const imageSrc = (p: string) => pathToFileURL(fromCorePath(p)).href;
    writeFileSync(file, renderWebviewHtml(parseArticle(readFileSync(src, 'utf8')), { cspSource: 'file:', nonce: 'n0nce', imageSrc, imageFiles: service.articleFiles(toCorePath(src)) }));
    service.dispose();
    const v = await open();
    await v.page.goto(pathToFileURL(file).href);
    const shown = v.page.locator('[data-qa="answer"] img');
    await shown.evaluate(loaded);
    assert.ok((await shown.evaluate((el: HTMLImageElement) => el.naturalWidth)) > 0, 'the picture loaded under the webview CSP');
    await w.page.close();
    await v.page.close();
  });

  it('the webview document keeps a hostile nonce and CSP source inside its policy', async () => {
    const w = await open();
    const html = renderWebviewHtml(parseArticle(readFileSync(HOSTILE, 'utf8')), {
      cspSource: 'https://x.invalid; script-src *"><script>window.__pwned=11</script>',
      nonce: '"><script>window.__pwned=10</script><meta x="',
    });
    const file = path.join(work, 'hostile-webview.html');
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    await w.page.goto(url);
    const page = w.page;
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, 'no injected code ran');
    assert.equal(await page.locator('script').count(), 0, 'no script element at all (no scriptUri was given)');
    const policies = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((els) => els.map((e) => e.getAttribute('content') ?? ''));
    assert.equal(policies.length, 1);
    assert.match(policies[0], /^default-src 'none'; img-src [^;]* data:; style-src [^;]* 'nonce-[A-Za-z0-9+/=_-]*'; style-src-attr 'unsafe-inline'; script-src 'nonce-[A-Za-z0-9+/=_-]*'$/);
    // Links in the webview carry data-href (the extension opens them): none has an href that leaves the page.
    const hrefs = await page.locator('[data-qa="answer"] a[href]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    assert.deepEqual(hrefs.filter((h) => !h?.startsWith('#')), []);
    assert.deepEqual(w.dialogs, []);
    assert.deepEqual(w.requests.filter((r) => r !== url), [], 'no request besides the page itself');
    await page.close();
  });
  it('shows an answer\'s raw HTML box under the webview\'s CSP: a div with its background, holding its paragraph; nothing hostile runs', async () => {
    const body = [
      'Inledning.',
      '',
      '<div style="background: #dcfce7; border-radius: 8px; padding: 1.5rem; border-left: 4px solid #16a34a;">',
      '<strong style="color: #166534;">Läkning tar tid</strong>',
      '',
      '<p>Texten i rutan, efter en tom rad.</p>',
      '</div>',
      '',
      'Efter rutan <img src=x onerror="window.__pwned=20"> och <script>window.__pwned=21</script> slut.',
      '',
      '<div onclick="window.__pwned=22" style="background:url(https://example.invalid/t.png); color: rgb(1, 2, 3)">Sista</div>',
      '',
      '<svg><script>window.__pwned=23</script></svg><a href="javascript:window.__pwned=24">länk</a>',
      '',
    ].join('\n');
    const article = parseArticle(`---\ntitle: "Rutor"\ncategory: "axel"\nquestion: "Syns rutan?"\n---\n\n${body}`);
    const file = path.join(work, 'box-webview.html');
    writeFileSync(file, renderWebviewHtml(article, { cspSource: 'https://x.invalid', nonce: 'n0nce', problems: [], lang: 'sv' }));
    const w = await open();
    const page = w.page;
    const url = pathToFileURL(file).href;
    await page.goto(url);
    await page.waitForTimeout(300);
    const box = page.locator('[data-qa="answer"] > div').first();
    assert.equal(await box.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(220, 252, 231)');
    assert.equal(await box.evaluate((el) => getComputedStyle(el).borderLeftColor), 'rgb(22, 163, 74)');
    assert.equal(norm(await box.locator('strong').textContent()), 'Läkning tar tid');
    assert.equal(await box.locator('strong').evaluate((el) => getComputedStyle(el).color), 'rgb(22, 101, 52)');
    assert.deepEqual(await texts(page, '[data-qa="answer"] > div > p'), ['Texten i rutan, efter en tom rad.']);
    // The refused background is gone, its colour kept; the handler is gone.
    const last = page.locator('[data-qa="answer"] > div', { hasText: 'Sista' });
    assert.equal(await last.evaluate((el) => [el.getAttribute('style'), el.getAttribute('onclick')].join('|')), '|');
    assert.equal(await last.evaluate((el) => getComputedStyle(el).backgroundImage), 'none');
    assert.equal(await page.locator('[data-qa="answer"] img, [data-qa="answer"] svg, script:not([nonce])').count(), 0);
    assert.equal(norm(await page.locator('[data-qa="answer"] a').textContent()), 'länk');
    assert.equal(await page.locator('[data-qa="answer"] a[href]').count(), 0);
    await page.locator('[data-qa="answer"] a').click();
    await last.click();
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, 'no injected code ran');
    assert.deepEqual(w.dialogs, []);
    assert.deepEqual(w.requests, [url], 'no request besides the page itself');
    await page.close();
  });
});
