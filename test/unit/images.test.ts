import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main';
import { createArticleService } from '../../src/core/project/service';
import type { ProjectChange } from '../../src/core/project/api';
import type { Problem } from '../../src/core/types';
import { article, check } from './helpers';
import { MemoryHost } from './memoryHost';

const A = '/site/src/content/fraga-doktorn';
/** The answer of `article()` starts on this line (1-based). */
const BODY = 15;

/** What the user sees of a problem: rule, severity, line (1-based) and message. */
const seen = (ps: readonly Problem[]) => ps.filter((p) => p.rule.startsWith('answer-image')).map((p) => ({ rule: p.rule, severity: p.severity, line: p.range.start.line + 1, message: p.message }));

function site(body: string, files: Record<string, string> = {}) {
  const host = new MemoryHost({ '/site/package.json': '{}', [`${A}/a.md`]: article({}, body), ...files });
  return { host, service: createArticleService({ files: host, root: '/site' }) };
}

const missing = (img: string) => `The image ${img} is not there: the site's build stops at it. Put the file beside the article or correct the name.`;

describe('images in the answer', () => {
  it('a local image whose file is missing is an error at the image, whether written ./bild.jpg or bild.jpg; one that exists is not', async () => {
    const body = 'Se bilden.\n\n![Axeln](./axel.jpg)\n\n![Saknas](./saknas.jpg) och ![Också](borta.png)\n\n**Sammanfattning:**\n- En punkt\n';
    const { service } = site(body, { [`${A}/axel.jpg`]: 'x' });
    const ps = await service.checkFile(`${A}/a.md`);
    assert.deepEqual(seen(ps), [
      { rule: 'answer-image', severity: 'error', line: BODY + 4, message: missing('./saknas.jpg') },
      { rule: 'answer-image', severity: 'error', line: BODY + 4, message: missing('borta.png') },
    ]);
    const p = ps.find((x) => x.rule === 'answer-image')!;
    assert.equal(article({}, body).slice(p.start, p.end), './saknas.jpg', 'the range is the address');
    // The batch check (the CLI, Check All) says the same.
    const [r] = await service.checkFiles([`${A}/a.md`]);
    assert.deepEqual(seen(r.problems), seen(ps));
  });

  it('a path out of the article\'s folder, one with %20 or a space, and one by reference say which file the site looks for', async () => {
    const body = '![a](../../assets/a.png "Titel")\n\n![b](bild%20ett.jpg) ![c](<bild två.jpg>) ![d][ref]\n\n[ref]: ./ref.webp\n';
    const { service } = site(body, { [`${A}/bild två.jpg`]: 'x' });
    assert.deepEqual(seen(await service.checkFile(`${A}/a.md`)), [
      { rule: 'answer-image', severity: 'error', line: BODY, message: "The image ../../assets/a.png is not there (the site looks for src/assets/a.png): the site's build stops at it. Put the file there or correct the name." },
      { rule: 'answer-image', severity: 'error', line: BODY + 2, message: "The image bild%20ett.jpg is not there (the site looks for src/content/fraga-doktorn/bild ett.jpg): the site's build stops at it. Put the file there or correct the name." },
      { rule: 'answer-image', severity: 'error', line: BODY + 2, message: missing('./ref.webp') },
    ]);
  });

  it('a file named with other capitals is an error whose fix writes the name as the file has it', async () => {
    const { service } = site('![x](./axel.JPG)\n', { [`${A}/axel.jpg`]: 'x' });
    const ps = await service.checkFile(`${A}/a.md`);
    assert.deepEqual(seen(ps), [
      { rule: 'answer-image', severity: 'error', line: BODY, message: "The image ./axel.JPG is not there as written: the file is called axel.jpg. The site's build tells capital letters from small ones and stops at it. Write the name as the file has it." },
    ]);
    assert.deepEqual(ps.find((p) => p.rule === 'answer-image')!.fixes?.[0].edits.map((e) => e.newText), ['./axel.jpg']);
  });

  it('in Swedish', async () => {
    const host = new MemoryHost({ '/site/package.json': '{}', [`${A}/a.md`]: article({}, '![x](./bild.jpg)\n') });
    const service = createArticleService({ files: host, root: '/site', lang: 'sv' });
    assert.deepEqual(seen(await service.checkFile(`${A}/a.md`)).map((p) => p.message), ['Bilden ./bild.jpg finns inte: webbplatsens bygge stannar vid den. Lägg filen bredvid artikeln eller rätta namnet.']);
  });

  it('an address from / is looked for in the site\'s public folder, as a warning, and only when the root has one', async () => {
    const body = '![a](/images/finns.jpg) ![b](/images/saknas.jpg)\n\n<img src="/images/tagg.png" alt="x">\n';
    const withPublic = site(body, { '/site/public/images/finns.jpg': 'x' });
    const pub = (f: string) => `The image ${f} is not in the site's public folder (public${f} is missing): readers will see a broken image. Put the file there or correct the address.`;
    assert.deepEqual(seen(await withPublic.service.checkFile(`${A}/a.md`)), [
      { rule: 'answer-image-broken', severity: 'warning', line: BODY, message: pub('/images/saknas.jpg') },
      { rule: 'answer-image-broken', severity: 'warning', line: BODY + 2, message: pub('/images/tagg.png') },
    ]);
    assert.deepEqual(seen(await site(body).service.checkFile(`${A}/a.md`)), [], 'no public folder: nothing is known');
  });

  it('a file of a kind the site cannot show and a stray % are warnings; URLs, code and <img> tags with a relative address are left alone', async () => {
    const body = '![a](./skanning.pdf) ![b](bild%zz.jpg)\n\n![c](https://example.com/a.jpg) `![d](./kod.jpg)` <img src="./tagg.jpg">\n\n```\n![e](./block.jpg)\n```\n\n    ![f](./indraget.jpg)\n\n\\![g](./inte.jpg)\n';
    const { service } = site(body);
    assert.deepEqual(seen(await service.checkFile(`${A}/a.md`)), [
      { rule: 'answer-image-broken', severity: 'warning', line: BODY, message: 'The site cannot show ./skanning.pdf as a picture: readers will see nothing in its place, not even its description. Use a picture file (.jpeg, .jpg, .png, .tiff, .webp, .gif, .svg, .avif).' },
      { rule: 'answer-image-broken', severity: 'warning', line: BODY, message: 'The address bild%zz.jpg has a % sign that does not start a code such as %20: the site cannot read the answer, and the page shows no answer at all. Rename the file without the %, or write %25 for it.' },
    ]);
  });

  it('the rules follow the project\'s settings', async () => {
    const { service } = site('![x](./bild.jpg)\n', { '/site/.qa-articles.json': '{"rules": {"answer-image": "warning"}}' });
    assert.deepEqual(seen(await service.checkFile(`${A}/a.md`)).map((p) => p.severity), ['warning']);
    const off = site('![x](./bild.jpg)\n', { '/site/.qa-articles.json': '{"rules": {"answer-image": "off"}}' });
    assert.deepEqual(seen(await off.service.checkFile(`${A}/a.md`)), []);
  });

  it('an editor\'s text is checked at once; the answer about the file follows and names the article to check again, as does a picture that appears', async () => {
    const { host, service } = site('Svar.\n');
    await service.ready;
    const changes: ProjectChange[] = [];
    service.onDidChange((e) => changes.push(e));
    service.watch();
    await new Promise((r) => setTimeout(r, 0));
    const text = article({}, 'Svar.\n\n![x](./ny.jpg)\n');
    assert.deepEqual(seen(service.check(`${A}/a.md`, text, 1)), [], 'not known yet: nothing is said');
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(changes, [{ kind: 'images', path: `${A}/a.md` }]);
    assert.deepEqual(seen(service.check(`${A}/a.md`, text, 1)).map((p) => p.line), [BODY + 2]);
    host.write(`${A}/ny.jpg`, 'x');
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(changes.slice(1), [{ kind: 'images', path: `${A}/a.md` }]);
    assert.deepEqual(seen(service.check(`${A}/a.md`, text, 1)), []);
    host.remove(`${A}/ny.jpg`);
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(seen(service.check(`${A}/a.md`, text, 1)).map((p) => p.rule), ['answer-image']);
    service.dispose();
  });

  it('after prepare (Check All, a closed file) the check knows the files at once', async () => {
    const { service } = site('Svar.\n');
    const text = article({}, 'Svar.\n\n![x](./ny.jpg)\n');
    await service.prepare(`${A}/a.md`, text);
    assert.deepEqual(seen(service.check(`${A}/a.md`, text)), [{ rule: 'answer-image', severity: 'error', line: BODY + 2, message: missing('./ny.jpg') }]);
  });

  it('an article without images gets the same problems with or without the image rules\' knowledge', () => {
    const text = article({ title: 'title: "Ett mycket långt namn på en artikel som inte får plats i sökresultatet"' });
    const ask = { lookup: () => assert.fail('no image, no question') };
    assert.deepEqual(check(text, { images: ask, publicDir: '/site/public', root: '/site' }, `${A}/a.md`), check(text, {}, `${A}/a.md`));
  });
});

describe('images in the command-line checker', () => {
  it('reports a missing image with exit 1, and after the file appears nothing, with --cache too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-images-'));
    try {
      const folder = path.join(dir, 'src/content/fraga-doktorn');
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(dir, 'package.json'), '{}');
      fs.writeFileSync(path.join(folder, 'a.md'), article({}, 'Svar.\n\n![Axeln](./axel.jpg)\n\n**Sammanfattning:**\n- En punkt\n'));
      const run = async (...args: string[]) => {
        let stdout = '';
        const code = await main(['check', '--format', 'json', ...args], { stdout: (s) => (stdout += s), stderr: () => undefined, cwd: dir, env: {}, isTTY: false });
        return { code, out: JSON.parse(stdout) as { files: number; problems: { file: string; line: number; severity: string; rule: string; message: string }[] } };
      };
      const want = { file: 'src/content/fraga-doktorn/a.md', line: BODY + 2, severity: 'error', rule: 'answer-image', message: missing('./axel.jpg') };
      const pick = (ps: { file: string; line: number; severity: string; rule: string; message: string }[]) => ps.map(({ file, line, severity, rule, message }) => ({ file, line, severity, rule, message }));
      let r = await run('--cache');
      assert.equal(r.code, 1);
      assert.deepEqual(pick(r.out.problems), [want]);
      fs.writeFileSync(path.join(folder, 'axel.jpg'), 'x');
      // The article is unchanged: a cached result would still say the image is missing.
      r = await run('--cache');
      assert.equal(r.code, 0);
      assert.deepEqual(r.out.problems, []);
      fs.rmSync(path.join(folder, 'axel.jpg'));
      r = await run('--cache');
      assert.deepEqual(pick(r.out.problems), [want]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
