import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, ioReason, type Lang } from '../core/i18n/messages';
import { describeSiteError } from '../core/site/lookup';
import { parseArticle } from '../core/parse';
import { renderPage } from '../core/render';
import { ui } from '../core/render/strings';
import { categoryLabelsOf } from '../core/labels';
import { fromCorePath, toCorePath } from '../node/host';
import { printable } from './check';
import { openProject } from './project';

export interface PreviewIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

/** Exit codes shared with `check`: 2 is a usage or file error, never a verdict on the article. */
const EXIT_OK = 0;
const EXIT_USAGE = 2;

/**
 * `qa-articles preview <article.md> [--out page.html] [--lang en|sv]`: the article as a
 * standalone HTML page, with its problems as `check` reports them.
 */
export async function previewCommand(args: string[], io: PreviewIo, defaultLang: Lang = 'en'): Promise<number> {
  let lang: Lang = defaultLang;
  let out: string | undefined;
  let file: string | undefined;

  // --lang is read first so that every later message is already in the right language.
  for (let i = 0; i < args.length; i++) {
    const m = /^--lang(?:=(.*))?$/.exec(args[i]);
    if (!m) continue;
    const v = m[1] ?? args[i + 1];
    if (v === 'en' || v === 'sv') lang = v;
  }

  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = /^(--out|--lang)=(.*)$/.exec(a);
    const name = eq ? eq[1] : a;
    if (name === '--out' || name === '--lang') {
      const value = eq ? eq[2] : args[i + 1]?.startsWith('--') ? undefined : args[++i];
      if (value === undefined || value === '') {
        io.stderr(format(lang, 'cli-missing-value', name) + '\n' + format(lang, 'cli-usage') + '\n');
        return EXIT_USAGE;
      }
      if (name === '--lang' && value !== 'en' && value !== 'sv') {
        io.stderr(format(lang, 'cli-bad-value', name, value) + '\n');
        return EXIT_USAGE;
      }
      if (name === '--out') out = value;
    } else if (a === '-h' || a === '--help') {
      io.stdout(format(lang, 'cli-help') + '\n');
      return EXIT_OK;
    } else if (a.startsWith('-') && a !== '-') {
      io.stderr(format(lang, 'cli-bad-option', a) + '\n' + format(lang, 'cli-usage') + '\n');
      return EXIT_USAGE;
    } else if (file === undefined) {
      file = a;
    } else {
      io.stderr(format(lang, 'cli-preview-one', printable(file), printable(a)) + '\n' + format(lang, 'cli-usage') + '\n');
      return EXIT_USAGE;
    }
  }
  if (!file) {
    io.stderr(format(lang, 'cli-usage') + '\n');
    return EXIT_USAGE;
  }

  const opened = await openProject({ cwd: io.cwd, paths: [file], settings: {}, lang });
  if (!opened.ok) {
    io.stderr(opened.message + '\n');
    return EXIT_USAGE;
  }
  const service = opened.service;
  // The same settings as `check`: a config or schema that cannot be used stops here too.
  if (service.settings.errors.length) {
    for (const e of service.settings.errors) io.stderr(format(lang, e.kind === 'config' ? 'cli-bad-config' : 'cli-bad-schema', printable(e.file), service.describe(e)) + '\n');
    return EXIT_USAGE;
  }
  for (const e of service.site.errors) io.stderr(describeSiteError(e, lang) + '\n');
  const abs = toCorePath(path.resolve(io.cwd, file));
  const read = await service.readArticle(abs);
  if (!read.ok) {
    io.stderr(`${printable(file)}: ${format(lang, read.unreadable.key, ...read.unreadable.args)}\n`);
    return EXIT_USAGE;
  }
  // The page lists the problems as `check` would report them: the project's settings and corpus.
  const [result] = await service.checkFiles([abs]);
  const { config, schema } = service.settings;
  const outAbs = out === undefined || out === '-' ? undefined : path.resolve(io.cwd, out);
  const html = renderPage(parseArticle(read.text), {
    imageFiles: service.articleFiles(abs),
    imageSrc: (p) => imageUrl(fromCorePath(p), outAbs),
    imageCsp: 'file:',
    lang,
    problems: result?.problems ?? [],
    limits: config,
    categoryLabels: categoryLabelsOf(schema),
    site: service.site,
    index: service.index,
    file: abs,
    config,
  });

  if (out === undefined || outAbs === undefined) {
    io.stdout(html);
    return EXIT_OK;
  }
  try {
    await fs.writeFile(outAbs, html, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.stderr(ui(lang, 'writeFailed', printable(out), err.code ? ioReason(lang, err.code) : err.message) + '\n');
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

/**
 * How the page loads an image file: from the page written to `outFile`, by its path from there
 * (the page and the project can move together); from a page written to stdout, by its file URL.
 */
function imageUrl(file: string, outFile: string | undefined): string {
  if (outFile !== undefined) {
    const rel = path.relative(path.dirname(outFile), file);
    if (rel !== '' && !path.isAbsolute(rel)) return rel.split(path.sep).map(encodeURIComponent).join('/');
  }
  return pathToFileURL(file).href;
}
