import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { previewCommand } from '../../src/cli/preview';
import type { ProjectChange } from '../../src/core/project/api';
import { createArticleService } from '../../src/core/project/service';
import { parseArticle } from '../../src/core/parse';
import { renderArticle, renderPage, type RenderOptions } from '../../src/core/render';
import { article } from './helpers';
import { MemoryHost } from './memoryHost';

const A = '/site/src/content/fraga-doktorn';
const FILE = `${A}/a.md`;
/** What the test host loads a file by. */
const src = (p: string) => `test-src:${p}`;

function site(files: Record<string, string> = {}) {
  const host = new MemoryHost({ '/site/package.json': '{}', [`${A}/axel.jpg`]: 'x', '/site/src/assets/a.png': 'x', '/site/public/bilder/a.jpg': 'x', ...files });
  return { host, service: createArticleService({ files: host, root: '/site' }) };
}

/** The images of the answer as the page shows them: each `<img>` or placeholder, in order. */
function images(html: string): string[] {
  const answer = html.slice(html.indexOf('data-qa="answer"'));
  return answer.slice(0, answer.indexOf('</section>')).match(/<img [^>]*>|<span class="qa-image[^"]*"[^>]*>\[[^<]*(?:<span class="qa-image-note">[^<]*<\/span>)?<\/span>/g) ?? [];
}

/** Renders the body as the preview does, after the check that asks about the files. */
async function render(body: string, opts: RenderOptions = {}, files: Record<string, string> = {}): Promise<string[]> {
  const { host, service } = site(files);
  const text = article({}, body);
  host.write(FILE, text);
  await service.checkFile(FILE);
  return images(renderArticle(parseArticle(text), { file: FILE, imageFiles: service.articleFiles(FILE), imageSrc: src, ...opts }));
}

const broken = (title: string, label: string, note: string) => `<span class="qa-image qa-image-broken" data-qa="image-broken" title="${title}">${label} <span class="qa-image-note">${note}</span></span>`;
const placeholder = (title: string, label: string) => `<span class="qa-image" title="${title}">${label}</span>`;

describe('images in the preview', () => {
  it('a relative image whose file is there is shown from the article\'s folder, written ./bild.jpg, bild.jpg, ../../assets/a.png or by reference', async () => {
    assert.deepEqual(await render('![Axeln](./axel.jpg "Höger axel") ![Igen](axel.jpg)\n\n![Tillgång](../../assets/a.png)\n\n![Ref][r]\n\n[r]: ./axel.jpg\n'), [
      `<img class="qa-image-file" data-qa="image" src="${src(`${A}/axel.jpg`)}" alt="Axeln" title="Höger axel">`,
      `<img class="qa-image-file" data-qa="image" src="${src(`${A}/axel.jpg`)}" alt="Igen">`,
      `<img class="qa-image-file" data-qa="image" src="${src('/site/src/assets/a.png')}" alt="Tillgång">`,
      `<img class="qa-image-file" data-qa="image" src="${src(`${A}/axel.jpg`)}" alt="Ref">`,
    ]);
  });

  it('an address from / is shown from the site\'s public folder; %20 in an address is the space of the file name', async () => {
    assert.deepEqual(await render('![Bild](/bilder/a.jpg) ![Två](bild%20två.jpg)\n', {}, { [`${A}/bild två.jpg`]: 'x' }), [
      `<img class="qa-image-file" data-qa="image" src="${src('/site/public/bilder/a.jpg')}" alt="Bild">`,
      `<img class="qa-image-file" data-qa="image" src="${src(`${A}/bild två.jpg`)}" alt="Två">`,
    ]);
  });

  it('a missing file, wrong capitals, a file type the site cannot show and a stray % keep the placeholder, with the reason in the editor\'s language', async () => {
    const body = '![Saknas](./saknas.jpg) ![Stor](./Axel.jpg) ![Pdf](./skanning.pdf) ![Borta](/bilder/borta.jpg) ![Procent](bild%zz.jpg)\n';
    assert.deepEqual(await render(body), [
      broken('./saknas.jpg', '[Bild: Saknas]', "The image ./saknas.jpg is not there: the site&#39;s build stops at it. Put the file beside the article or correct the name."),
      broken('./Axel.jpg', '[Bild: Stor]', "The image ./Axel.jpg is not there as written: the file is called axel.jpg. The site&#39;s build tells capital letters from small ones and stops at it. Write the name as the file has it."),
      broken('./skanning.pdf', '[Bild: Pdf]', 'The site cannot show ./skanning.pdf as a picture: readers will see nothing in its place, not even its description. Use a picture file (.jpeg, .jpg, .png, .tiff, .webp, .gif, .svg, .avif).'),
      broken('/bilder/borta.jpg', '[Bild: Borta]', "The image /bilder/borta.jpg is not in the site&#39;s public folder (public/bilder/borta.jpg is missing): readers will see a broken image. Put the file there or correct the address."),
      broken('bild%25zz.jpg', '[Bild: Procent]', 'The address bild%zz.jpg has a % sign that does not start a code such as %20: the site cannot read the answer, and the page shows no answer at all. Rename the file without the %, or write %25 for it.'),
    ]);
    assert.deepEqual((await render('![Saknas](./saknas.jpg)\n', { lang: 'sv' }))[0], broken('./saknas.jpg', '[Bild: Saknas]', 'Bilden ./saknas.jpg finns inte: webbplatsens bygge stannar vid den. Lägg filen bredvid artikeln eller rätta namnet.'));
  });

  it('a remote image and a data: address are not loaded; nor is any image without the host\'s part, or one outside the project root', async () => {
    assert.deepEqual(await render('![Fjärran](https://example.com/a.png) ![Data](data:image/png;base64,AAAA)\n'), [placeholder('https://example.com/a.png', '[Bild: Fjärran]')]);
    assert.deepEqual(await render('![Axeln](./axel.jpg)\n', { imageSrc: undefined }), [placeholder('./axel.jpg', '[Bild: Axeln]')]);
    assert.deepEqual(await render('![Axeln](./axel.jpg)\n', { imageFiles: undefined }), [placeholder('./axel.jpg', '[Bild: Axeln]')]);
    assert.deepEqual(await render('![Ute](../../../../ute.png)\n', {}, { '/ute.png': 'x' }), [placeholder('../../../../ute.png', '[Bild: Ute]')]);
    // No address at all: nothing to look for.
    assert.deepEqual(await render('![Tom]()\n'), [placeholder('', '[Bild: Tom]')]);
    // Without the project's files, today's placeholder, to the letter.
    const html = renderArticle(parseArticle(article({}, '![Axeln](./axel.jpg)\n')));
    assert.deepEqual(images(html), [placeholder('./axel.jpg', '[Bild: Axeln]')]);
  });

  it('an image in the summary box is shown too, and one written as code is not an image', async () => {
    assert.deepEqual(await render('Svar.\n\n**Sammanfattning:** Se ![Axeln](./axel.jpg)\n\n`![Kod](./axel.jpg)`\n'), [`<img class="qa-image-file" data-qa="image" src="${src(`${A}/axel.jpg`)}" alt="Axeln">`]);
  });

  it('an editor\'s text shows the placeholder until the file is known; the service then names the article, and a file that appears or goes names it again', async () => {
    const { host, service } = site();
    await service.ready;
    const changes: ProjectChange[] = [];
    service.onDidChange((e) => changes.push(e));
    service.watch();
    await new Promise((r) => setTimeout(r, 0));
    const parsed = parseArticle(article({}, '![Ny](./ny.png)\n'));
    const shown = () => images(renderArticle(parsed, { file: FILE, imageFiles: service.articleFiles(FILE), imageSrc: src }));
    assert.deepEqual(shown(), [placeholder('./ny.png', '[Bild: Ny]')], 'not known yet');
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(changes, [{ kind: 'images', path: FILE }]);
    assert.match(shown()[0], /qa-image-broken/);
    host.write(`${A}/ny.png`, 'x');
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(changes.slice(1), [{ kind: 'images', path: FILE }]);
    assert.deepEqual(shown(), [`<img class="qa-image-file" data-qa="image" src="${src(`${A}/ny.png`)}" alt="Ny">`]);
    host.remove(`${A}/ny.png`);
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(changes.slice(2), [{ kind: 'images', path: FILE }]);
    assert.match(shown()[0], /qa-image-broken/);
    service.dispose();
  });

  it('a picture written again under the same name (the same size too) names the article again and gets a new address, so an open preview loads it anew', async () => {
    const { host, service } = site({ [`${A}/ny.png`]: 'x' });
    await service.ready;
    const changes: ProjectChange[] = [];
    service.onDidChange((e) => changes.push(e));
    service.watch();
    const text = article({}, '![Ny](./ny.png)\n');
    host.write(FILE, text);
    await service.checkFile(FILE);
    await new Promise((r) => setTimeout(r, 0));
    changes.length = 0;
    const versioned = (p: string, v?: string) => `test-src:${p}?v=${v}`;
    const shown = () => images(renderArticle(parseArticle(text), { file: FILE, imageFiles: service.articleFiles(FILE), imageSrc: versioned }))[0];
    const before = shown();
    assert.match(before, /^<img class="qa-image-file" data-qa="image" src="test-src:[^"]*\/ny\.png\?v=[^"]+" alt="Ny">$/);
    host.write(`${A}/ny.png`, 'y');
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(changes, [{ kind: 'images', path: FILE }]);
    const after = shown();
    assert.match(after, /^<img class="qa-image-file" data-qa="image" src="test-src:[^"]*\/ny\.png\?v=[^"]+" alt="Ny">$/);
    assert.notEqual(after, before);
    // Nothing changed: the same address, and no news.
    await service.checkFile(FILE);
    assert.equal(shown(), after);
    assert.deepEqual(changes, [{ kind: 'images', path: FILE }]);
    service.dispose();
  });

  it('the standalone page lets images load only from the sources the host names', () => {
    const a = parseArticle(article());
    assert.match(renderPage(a), /img-src data:; base-uri/);
    assert.match(renderPage(a, { imageCsp: 'file:; script-src *' }), /img-src data: file: script-src \*; base-uri/);
  });
});

describe('images in the command-line preview', () => {
  it('loads a picture by its path from the written page, or by its file URL on stdout; a link that leads out of the project is not followed', async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-previmg-'));
    try {
      const folder = path.join(dir, 'site', 'src', 'content', 'fraga-doktorn');
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(dir, 'site', 'package.json'), '{}');
      fs.writeFileSync(path.join(folder, 'axel bild.png'), 'x');
      fs.writeFileSync(path.join(dir, 'ute.png'), 'x');
      let linked = true;
      try {
        fs.symlinkSync(path.join(dir, 'ute.png'), path.join(folder, 'länk.png'));
      } catch (e) {
        linked = false;
        console.log(`# no symbolic link made (${(e as Error).message}): the link case is left out`);
      }
      fs.writeFileSync(path.join(folder, 'a.md'), article({}, `![Axeln](<./axel bild.png>)${linked ? ' ![Länk](./länk.png)' : ''}\n`));
      const io = (out: { s: string }) => ({ stdout: (s: string) => (out.s += s), stderr: (s: string) => (out.s += s), cwd: dir });
      const out = { s: '' };
      assert.equal(await previewCommand([path.join(folder, 'a.md'), '--out', 'sida.html'], io(out)), 0, out.s);
      const page = fs.readFileSync(path.join(dir, 'sida.html'), 'utf8');
      assert.match(page, /img-src data: file:;/);
      const want = [`<img class="qa-image-file" data-qa="image" src="site/src/content/fraga-doktorn/axel%20bild.png" alt="Axeln">`];
      if (linked) want.push(placeholder('./l%C3%A4nk.png', '[Bild: Länk]'));
      assert.deepEqual(images(page), want);
      const stdout = { s: '' };
      assert.equal(await previewCommand([path.join(folder, 'a.md')], io(stdout)), 0);
      assert.equal(images(stdout.s)[0], `<img class="qa-image-file" data-qa="image" src="${pathToFileURL(path.join(folder, 'axel bild.png')).href}" alt="Axeln">`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    t.diagnostic('temp folder removed');
  });
});
