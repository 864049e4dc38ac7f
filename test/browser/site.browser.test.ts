import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { previewCommand } from '../../src/cli/preview';

const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SITE = path.join(__dirname, '..', 'fixtures', 'site', 'src', 'data');
const chromiumMissing = existsSync(CHROMIUM) ? undefined : `chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;
if (chromiumMissing) console.log(`# skipping the site-page browser tests: ${chromiumMissing}`);

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
let browser: Browser | undefined;
let project: string;

/** An article of the test project, written in the corpus's shape. */
function write(name: string, fields: Record<string, string>, body = 'Ett svar i ett stycke.\n\n**Sammanfattning:**\n- Det viktigaste\n'): string {
  const fm = Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n');
  const file = path.join(project, 'src', 'content', 'fraga-doktorn', `${name}.md`);
  writeFileSync(file, `---\n${fm}\n---\n\n${body}`);
  return file;
}

const base = (title: string, more: Record<string, string> = {}) => ({
  title: JSON.stringify(title),
  description: JSON.stringify(`${title}: en beskrivning som är lagom lång för att synas i en sökträff hos en sökmotor, med några ord till.`),
  category: '"axel"',
  date: '2021-03-04',
  author: '"Dr. Test Testsson"',
  question: '|\n  Hej doktorn!\n  Det gör ont.',
  ...more,
});

before(async () => {
  if (chromiumMissing) return;
  project = mkdtempSync(path.join(tmpdir(), 'qa-site-browser-'));
  mkdirSync(path.join(project, 'src', 'content', 'fraga-doktorn'), { recursive: true });
  cpSync(SITE, path.join(project, 'src', 'data'), { recursive: true });
  writeFileSync(path.join(project, '.qa-articles.json'), '{}\n');
  write('a-forsta', base('Första frågan om axeln'));
  write('b-andra', base('Andra frågan om axeln', { published: 'false' }));
  write('c-tredje', base('Tredje frågan om axeln', { tags: '["frozen shoulder"]' }));
  write('d-fjarde', base('Fjärde frågan om axeln'));
  write('e-femte', base('Femte frågan om axeln'));
  write('k-kna', base('En fråga om knät', { category: '"kna"' }));
  write('stel-axel-efter-fall', base('Stel och öm axel efter ett fall på isen förra vintern, vad kan det vara?', {
    topic: '"frusen-axel"',
    relatedCondition: '"/sjukdomar/axel/frusen-axel"',
    tags: '["frozen-shoulder", "stelhet"]',
    patientName: '"Eva"',
    patientAge: '58',
  }));
  write('opublicerad', base('En opublicerad fråga', { published: 'false', tags: '["stelhet"]' }));
  write('utan-beskrivning', { ...base('Utan beskrivning'), description: '""' });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
});

after(async () => {
  await browser?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Exports an article's page through the CLI, as a user would, and opens it. */
async function open(name: string): Promise<Page> {
  const out = path.join(project, `${name}.html`);
  let err = '';
  const code = await previewCommand([path.join(project, 'src', 'content', 'fraga-doktorn', `${name}.md`), '--out', out], { stdout: () => {}, stderr: (s) => (err += s), cwd: project });
  assert.equal(code, 0, err);
  assert.equal(err, '');
  const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(out).href);
  return page;
}

const text = async (page: Page, sel: string) => norm(await page.locator(sel).first().textContent());
const texts = async (page: Page, sel: string) => (await page.locator(sel).allTextContents()).map(norm);
const style = (page: Page, sel: string, prop: string) => page.locator(sel).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);

describe('the preview page as the site lays it out, in Chromium', { skip: chromiumMissing }, () => {
  it('a published article with a known condition: breadcrumb, pill, boxes, tags, Fördjupning, Fler frågor, search result', async () => {
    const page = await open('stel-axel-efter-fall');
    assert.deepEqual(await texts(page, '[data-qa="breadcrumb"] .qa-crumb'), ['Hem', 'Fråga Doktorn', 'Frusen axel']);
    assert.equal(await text(page, '[data-qa="breadcrumb"] .qa-crumb-current'), 'Frusen axel');
    assert.equal(await text(page, '[data-qa="pill"]'), 'Frusen axel');
    assert.equal(await page.locator('[data-qa="pill"]').evaluate((el) => getComputedStyle(el).textTransform), 'uppercase');
    assert.equal(await text(page, '.qa-question .qa-box-heading'), 'Eva, 58 år frågar');
    assert.equal(await text(page, '.qa-answer .qa-box-heading'), 'Dr. Test Testsson svarar');
    assert.equal(await text(page, '.qa-tags-heading'), 'Relaterade ämnen');
    assert.deepEqual(await texts(page, '[data-qa="tags"] > li'), ['frozen-shoulder', 'stelhet']);
    // Another article's "frozen shoulder" makes a second tag page titled "Frozen shoulder".
    assert.match(await page.locator('[data-qa="tags"] > li').first().getAttribute('title') ?? '', /"Frozen shoulder", as is the page of "frozen shoulder"/);
    assert.match(await text(page, '[data-qa="tag-clash"]'), /Two tag pages with one title/);
    assert.equal(await text(page, '[data-qa="condition"] .qa-deeper-label'), 'Fördjupning');
    assert.equal(await text(page, '[data-qa="condition"] .qa-deeper-title'), 'Frusen axel');
    assert.match(await text(page, '[data-qa="condition"]'), /ledkapsel blir stel.*Läs hela artikeln/);
    assert.equal(await text(page, '.qa-related-heading'), 'Fler frågor om axel');
    // The first three other published axel articles by file name: not the unpublished one, not the knä one.
    assert.deepEqual(await texts(page, '.qa-related-title'), ['Första frågan om axeln', 'Tredje frågan om axeln', 'Fjärde frågan om axeln']);
    const title = await page.locator('[data-qa="serp-title"]');
    assert.equal(await title.getAttribute('data-full'), 'Stel och öm axel efter ett fall på isen förra vintern, vad kan det vara? - Fråga Doktorn | Södermalms Ortopedi');
    assert.equal(norm(await title.textContent()), 'Stel och öm axel efter ett fall på isen förra vintern, vad …', 'cut at a word where a search engine cuts');
    assert.equal(await text(page, '[data-qa="serp-url"]'), 'sodermalmsortopedi.se/fraga-doktorn/stel-axel-efter-fall');
    assert.match(await text(page, '[data-qa="serp-description"]'), /^Stel och öm axel efter ett fall på isen förra vintern, vad kan det vara\?: en beskrivning som är lagom lång/);
    assert.equal(await page.locator('[data-qa="status"]').count(), 0);
    // The site's colours: a dark slate hero, a slate question header, a sky answer header and border; the sidebar beside the answer.
    assert.match(await style(page, '.qa-hero', 'background-image'), /rgb\(15, 23, 42\)/);
    assert.equal(await style(page, '.qa-question .qa-box-heading', 'background-color'), 'rgb(51, 65, 85)');
    assert.equal(await style(page, '.qa-answer .qa-box-heading', 'background-color'), 'rgb(3, 105, 161)');
    assert.equal(await style(page, '.qa-answer', 'border-top-color'), 'rgb(186, 230, 253)');
    const main = await page.locator('.qa-main').boundingBox();
    const side = await page.locator('.qa-side').boundingBox();
    assert.ok(main && side && side.x > main.x + main.width - 1, 'the tags sit in a sidebar right of the answer');
    await page.close();
  });

  it('an unpublished article: the banner says what is true, the page still has its address and structure', async () => {
    const page = await open('opublicerad');
    const banner = await text(page, '[data-qa="unpublished"]');
    assert.match(banner, /^Inte publicerad: artikeln finns inte med i webbplatsens listor .* men sidan byggs ändå och kan nås på sin adress: sodermalmsortopedi\.se\/fraga-doktorn\/opublicerad$/);
    assert.doesNotMatch(banner, /syns inte på webbplatsen/);
    assert.deepEqual(await texts(page, '[data-qa="breadcrumb"] .qa-crumb'), ['Hem', 'Fråga Doktorn', 'Axel'], 'no condition: the body part');
    assert.equal(await text(page, '[data-qa="category"]'), 'Axel');
    assert.equal(await page.locator('[data-qa="condition"]').count(), 0);
    assert.equal(await text(page, '.qa-question .qa-box-heading'), 'Patient frågar');
    assert.deepEqual(await texts(page, '.qa-related-title'), ['Första frågan om axeln', 'Tredje frågan om axeln', 'Fjärde frågan om axeln']);
    assert.equal(await text(page, '[data-qa="serp-title"]'), 'En opublicerad fråga - Fråga Doktorn | Södermalms Ortopedi');
    await page.close();
  });

  it('without a description the search result shows the sentence the site writes instead', async () => {
    const page = await open('utan-beskrivning');
    assert.equal(await text(page, '[data-qa="serp-description"]'), 'Utan beskrivning. Dr. Carlos Rivero Siri svarar på patientfrågor om axel.');
    assert.match(await text(page, '.qa-serp-note'), /the site writes this sentence instead/);
    await page.close();
  });
});
