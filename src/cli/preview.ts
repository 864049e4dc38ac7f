import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { format, type Lang } from '../core/i18n/messages';
import { parseArticle } from '../core/parse';
import { renderPage } from '../core/render';
import { ui } from '../core/render/strings';
import type { Problem } from '../core/types';

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
 * standalone HTML page. `problemsFor` is how the CLI entry passes the checker in, so the page
 * can list the article's problems without this module depending on the checker.
 */
export async function previewCommand(
  args: string[],
  io: PreviewIo,
  problemsFor?: (text: string, path: string) => Problem[],
  defaultLang: Lang = 'en',
): Promise<number> {
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
      const value = eq ? eq[2] : args[++i];
      if (value === undefined || value === '') {
        io.stderr(format(lang, 'cli-bad-value', name, '""') + '\n' + format(lang, 'cli-usage') + '\n');
        return EXIT_USAGE;
      }
      if (name === '--lang' && value !== 'en' && value !== 'sv') {
        io.stderr(format(lang, 'cli-bad-value', name, value) + '\n');
        return EXIT_USAGE;
      }
      if (name === '--out') out = value;
    } else if (a === '-h' || a === '--help') {
      io.stdout(format(lang, 'cli-usage') + '\n');
      return EXIT_OK;
    } else if (a.startsWith('-') && a !== '-') {
      io.stderr(format(lang, 'cli-bad-option', a) + '\n' + format(lang, 'cli-usage') + '\n');
      return EXIT_USAGE;
    } else if (file === undefined) {
      file = a;
    } else {
      io.stderr(format(lang, 'cli-bad-option', a) + '\n' + format(lang, 'cli-usage') + '\n');
      return EXIT_USAGE;
    }
  }
  if (!file) {
    io.stderr(format(lang, 'cli-usage') + '\n');
    return EXIT_USAGE;
  }

  const abs = path.resolve(io.cwd, file);
  let bytes: Buffer;
  try {
    const st = await fs.stat(abs);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    bytes = await fs.readFile(abs);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.stderr((err.code === 'ENOENT' ? format(lang, 'path-missing', file) : format(lang, 'file-unreadable', `${file}: ${err.code ?? err.message}`)) + '\n');
    return EXIT_USAGE;
  }
  if (bytes.includes(0)) {
    io.stderr(`${file}: ${format(lang, 'file-binary')}\n`);
    return EXIT_USAGE;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    io.stderr(`${file}: ${format(lang, 'file-encoding')}\n`);
    return EXIT_USAGE;
  }

  let problems: Problem[] | undefined;
  if (problemsFor) {
    try {
      problems = problemsFor(text, abs);
    } catch (e) {
      // A checker bug must not cost the user the preview; say so and render without problems.
      io.stderr(`${file}: ${(e as Error).message}\n`);
    }
  }
  const html = renderPage(parseArticle(text), { lang, problems });

  if (out === undefined || out === '-') {
    io.stdout(html);
    return EXIT_OK;
  }
  const outAbs = path.resolve(io.cwd, out);
  try {
    await fs.writeFile(outAbs, html, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.stderr(ui(lang, 'writeFailed', out, err.code ?? err.message) + '\n');
    return EXIT_USAGE;
  }
  return EXIT_OK;
}
