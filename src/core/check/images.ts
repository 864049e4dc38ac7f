// Images in the answer, and what the site's build does with each (Astro 5.18, a `type: 'content'`
// collection): a Markdown image whose address is no URL and does not start with `/` is imported
// from beside the article, and the build stops when its file is not there; an address from `/`
// is left to the browser (the site's public folder); a URL is left alone.
import type { MessageKey } from '../i18n/messages';
import type { ParsedArticle } from '../parse';
import { dirname, join, normalize, relative } from '../project/paths';
import type { Fix } from '../types';
import { answerLines } from './answerStyle';
import type { ArticleFiles, CheckContext, ImageFile } from './context';

/** One image of the answer, as the site's Markdown reader finds it. */
export interface AnswerImage {
  /** The address as written (escapes and character references undone). */
  address: string;
  /** Offsets of the address in the text (for an image by reference: of the whole image). */
  start: number;
  end: number;
  /** Written as an HTML `<img>` tag (the site passes it through untouched). */
  html: boolean;
  /** The address exactly as typed, when it can be edited in place (an inline image, no escapes). */
  typed?: boolean;
}

/** The image formats the site imports (astro/src/assets/consts.ts, VALID_INPUT_FORMATS). */
export const IMAGE_FORMATS = ['jpeg', 'jpg', 'png', 'tiff', 'webp', 'gif', 'svg', 'avif'] as const;

/** What the site does with an image: which file it needs, or why it shows none. */
export type ImageTarget =
  /** Imported by the build from beside the article: a missing file stops the build. */
  | { kind: 'local'; path: string }
  /** Left to the browser, served from the site's public folder: a missing file is a broken image. */
  | { kind: 'public'; path: string }
  /** An address the build cannot decode (a `%` that starts no code): it fails to render the answer. */
  | { kind: 'undecodable' }
  /** A local file of a kind the build does not import: the page gets an image with no picture and no text. */
  | { kind: 'unsupported' };

const NONE: readonly AnswerImage[] = [];
let last: { article: ParsedArticle; images: readonly AnswerImage[] } | undefined;

/** The images of the answer (cached for the article asked about last). */
export function answerImages(article: ParsedArticle): readonly AnswerImage[] {
  if (last?.article !== article) last = { article, images: findImages(article) };
  return last.images;
}

function findImages(article: ParsedArticle): readonly AnswerImage[] {
  const { text, bodyStart } = article;
  // Nearly every answer has neither: nothing more is read.
  const md = text.indexOf('![', bodyStart) >= 0;
  const html = /<img[\s/>]/i.test(article.body);
  if (!md && !html) return NONE;
  const lines = codeFree(article);
  const defs = md ? definitions(lines) : new Map<string, Definition>();
  const out: AnswerImage[] = [];
  for (const line of lines) {
    const t = maskCode(line.text);
    if (md && t.includes('![')) markdownImages(t, line.start, defs, out);
    if (html && /<img/i.test(t)) htmlImages(t, line.start, out);
  }
  return out.length ? out : NONE;
}

interface Line {
  start: number;
  text: string;
}

/** The answer's lines outside fenced and indented code. */
function codeFree(article: ParsedArticle): Line[] {
  const out: Line[] = [];
  let blank = true;
  let inList = false;
  let code = false;
  for (const line of answerLines({ article })) {
    const t = line.text;
    if (t.trim() === '') {
      blank = true;
      continue;
    }
    const indent = columns(t);
    if (indent >= 4 && (code || (blank && !inList))) {
      code = true;
      blank = false;
      continue;
    }
    code = false;
    if (indent < 4 && /^\s{0,3}(?:[-*+]|\d{1,9}[.)])(?:\s|$)/.test(t)) inList = true;
    else if (blank && indent === 0) inList = false;
    blank = false;
    out.push(line);
  }
  return out;
}

function columns(t: string): number {
  let n = 0;
  for (const c of t) {
    if (c === ' ') n++;
    else if (c === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}

/** Inline code replaced by spaces (same length), so an image written as code is not read. */
function maskCode(text: string): string {
  if (!text.includes('`')) return text;
  return text.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length));
}

interface Definition {
  address: string;
}

const DEFINITION = /^ {0,3}\[((?:[^\[\]\\]|\\.){1,999})\]:[ \t]*(?:<((?:[^<>\n\\]|\\.)*)>|([^\s<]\S*))(?=\s|$)/;

/** `[label]: address` lines; the first of a label counts, as in CommonMark. */
function definitions(lines: Line[]): Map<string, Definition> {
  const defs = new Map<string, Definition>();
  for (const l of lines) {
    if (!l.text.includes(']:')) continue;
    const m = DEFINITION.exec(l.text);
    if (!m) continue;
    const key = labelKey(m[1]);
    if (key !== '' && !defs.has(key)) defs.set(key, { address: unescape(m[2] ?? m[3]) });
  }
  return defs;
}

function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The `]` that closes the bracket opened before `from`, brackets inside balanced, or -1. */
function closeBracket(t: string, from: number): number {
  let depth = 0;
  for (let i = from; i < t.length; i++) {
    const c = t[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function markdownImages(t: string, offset: number, defs: Map<string, Definition>, out: AnswerImage[]): void {
  for (let i = t.indexOf('!['); i >= 0; i = t.indexOf('![', i + 2)) {
    if (escaped(t, i)) continue;
    const close = closeBracket(t, i + 2);
    if (close < 0) return;
    const alt = t.slice(i + 2, close);
    if (t[close + 1] === '(') {
      const d = destination(t, close + 2);
      if (d) {
        if (d.address !== '') out.push({ address: d.address, start: offset + d.start, end: offset + d.end, html: false, typed: d.typed });
        i = d.after - 2;
        continue;
      }
    }
    // By reference: ![alt][label], ![alt][] or ![alt].
    let label = alt;
    let end = close + 1;
    if (t[close + 1] === '[') {
      const c2 = closeBracket(t, close + 2);
      if (c2 >= 0) {
        if (c2 > close + 2) label = t.slice(close + 2, c2);
        end = c2 + 1;
      }
    }
    const def = defs.get(labelKey(label));
    if (def && def.address !== '') out.push({ address: def.address, start: offset + i, end: offset + end, html: false });
    i = end - 2;
  }
}

function escaped(t: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && t[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

/** An inline image's `(address "title")` from just after `(`, or undefined when it is none. */
function destination(t: string, from: number): { address: string; start: number; end: number; after: number; typed: boolean } | undefined {
  let i = from;
  while (t[i] === ' ' || t[i] === '\t') i++;
  let start: number;
  let end: number;
  let raw: string;
  if (t[i] === '<') {
    start = i + 1;
    let j = start;
    for (; j < t.length && t[j] !== '>'; j++) {
      if (t[j] === '<') return undefined;
      if (t[j] === '\\') j++;
    }
    if (t[j] !== '>') return undefined;
    end = j;
    raw = t.slice(start, end);
    i = j + 1;
  } else {
    start = i;
    let depth = 0;
    let j = i;
    for (; j < t.length; j++) {
      const c = t[j];
      if (c === '\\' && j + 1 < t.length) {
        j++;
        continue;
      }
      if (c === ' ' || c === '\t' || c < ' ') break;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
    }
    if (depth !== 0) return undefined;
    end = j;
    raw = t.slice(start, end);
    i = j;
  }
  const gap = i;
  while (t[i] === ' ' || t[i] === '\t') i++;
  const q = t[i];
  if (i > gap && (q === '"' || q === "'" || q === '(')) {
    const closeQ = q === '(' ? ')' : q;
    let j = i + 1;
    for (; j < t.length && t[j] !== closeQ; j++) if (t[j] === '\\') j++;
    if (t[j] !== closeQ) return undefined;
    i = j + 1;
    while (t[i] === ' ' || t[i] === '\t') i++;
  }
  if (t[i] !== ')') return undefined;
  const address = unescape(raw);
  return { address, start, end, after: i + 1, typed: address === raw };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Backslash escapes and character references undone, as CommonMark reads an address. */
function unescape(s: string): string {
  if (!s.includes('\\') && !s.includes('&')) return s;
  return references(s.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}

/** Character references (`&amp;`, `&#228;`) undone. */
function references(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (m, dec?: string, hex?: string, name?: string) => {
      if (name) return ENTITIES[name] ?? m;
      const cp = dec ? parseInt(dec, 10) : parseInt(hex!, 16);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    });
}

const IMG_SRC = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

function htmlImages(t: string, offset: number, out: AnswerImage[]): void {
  IMG_SRC.lastIndex = 0;
  for (let m = IMG_SRC.exec(t); m; m = IMG_SRC.exec(t)) {
    const value = m[1] ?? m[2] ?? m[3];
    const start = m.index + m[0].length - value.length - (m[3] === undefined ? 1 : 0);
    if (value !== '') out.push({ address: references(value), start: offset + start, end: offset + start + value.length, html: true });
  }
}

/** A scheme (`https:`, `data:`, `c:`): an address the build takes for a URL and leaves alone. */
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/**
 * What the site does with an image of the article at `articlePath`; undefined when the build
 * and the browser do nothing this checker can know (a URL, a relative `<img>` tag).
 */
export function imageTarget(image: Pick<AnswerImage, 'address' | 'html'>, articlePath: string, publicDir: string | undefined): ImageTarget | undefined {
  let address = image.address;
  if (!image.html) {
    // remark-collect-images.ts: `decodeURI(node.url)`, which throws for a stray `%`.
    try {
      address = decodeURI(address);
    } catch {
      return { kind: 'undecodable' };
    }
  }
  if (SCHEME.test(address) || address.startsWith('//')) return undefined;
  if (address.startsWith('/')) {
    if (!publicDir) return undefined;
    let path = address.replace(/[?#].*$/s, '');
    if (image.html) {
      try {
        path = decodeURI(path);
      } catch {
        return undefined;
      }
    }
    return { kind: 'public', path: join(publicDir, path) };
  }
  // An <img> tag with a relative address is resolved by the browser against the page's address.
  if (image.html) return undefined;
  const ext = address.split('.').at(-1)?.toLowerCase() ?? '';
  if (!(IMAGE_FORMATS as readonly string[]).includes(ext)) return { kind: 'unsupported' };
  // The import id is `address?astroContentImageFlag…`, cut at the first `?` when resolved.
  return { kind: 'local', path: normalize(join(dirname(articlePath), address.split('?')[0])) };
}

/** The files an article's images need, to be looked up before the check. */
export function imagePaths(article: ParsedArticle, articlePath: string, publicDir: string | undefined): string[] {
  const images = answerImages(article);
  if (images.length === 0) return [];
  const out = new Set<string>();
  for (const img of images) {
    const t = imageTarget(img, articlePath, publicDir);
    if (t && (t.kind === 'local' || t.kind === 'public')) out.add(t.path);
  }
  return [...out];
}

/** What readers get of one image, as far as the files known tell. */
export type ImageVerdict =
  /** Nothing this checker can know: a URL, an `<img>` tag with a relative address, no public folder, a file not asked about yet. */
  | { kind: 'unknown' }
  /** The file the site shows (`realPath`: where a link at the path leads). */
  | { kind: 'file'; path: string; realPath?: string; version?: string }
  /** Broken on the site, and the message that says why (`named`: the file's name on disk, written with other capitals). */
  | { kind: 'problem'; rule: 'answer-image' | 'answer-image-broken'; key: MessageKey; args: string[]; named?: string };

const UNKNOWN: ImageVerdict = { kind: 'unknown' };

/** What the site does with one image of the article `files.path`: the file it shows, or the problem in its way. */
export function imageVerdict(img: Pick<AnswerImage, 'address' | 'html'>, files: ArticleFiles): ImageVerdict {
  const { path: article, publicDir, images: lookup, root } = files;
  const t = imageTarget(img, article ?? '/', publicDir);
  if (!t) return UNKNOWN;
  if (t.kind === 'undecodable') return { kind: 'problem', rule: 'answer-image-broken', key: 'answer-image-undecodable', args: [img.address] };
  if (t.kind === 'unsupported') return { kind: 'problem', rule: 'answer-image-broken', key: 'answer-image-unsupported', args: [img.address, IMAGE_FORMATS.map((f) => '.' + f).join(', ')] };
  if (!article || !lookup) return UNKNOWN;
  const found = lookup.lookup(t.path, article);
  if (!found) return UNKNOWN;
  if (found.exists) return { kind: 'file', path: t.path, realPath: found.realPath, version: found.version };
  const shown = root ? relative(root, t.path) : t.path;
  if (t.kind === 'public') return { kind: 'problem', rule: 'answer-image-broken', key: 'answer-image-public', args: [img.address, shown] };
  if (found.named) return { kind: 'problem', rule: 'answer-image', key: 'answer-image-case', args: [img.address, found.named], named: found.named };
  // Beside the article, and named as written: else the message says which file the site looks for.
  const beside = dirname(t.path) === dirname(article) && t.path.endsWith('/' + img.address.replace(/^\.\//, ''));
  return beside ? { kind: 'problem', rule: 'answer-image', key: 'answer-image-missing', args: [img.address] } : { kind: 'problem', rule: 'answer-image', key: 'answer-image-missing-at', args: [img.address, shown] };
}

/** `answer-image` (a file the build needs is missing) and `answer-image-broken` (what readers see broken). */
export function checkImages(ctx: CheckContext): void {
  const images = answerImages(ctx.article);
  if (images.length === 0) return;
  if (!ctx.on('answer-image') && !ctx.on('answer-image-broken')) return;
  for (const img of images) {
    const v = imageVerdict(img, ctx.files ?? {});
    if (v.kind !== 'problem' || !ctx.on(v.rule)) continue;
    ctx.report(v.rule, img.start, img.end, ctx.msg(v.key, ...v.args), v.named ? caseFix(ctx, img, v.named) : undefined);
  }
}

/** The address with the mistyped part written as the file is named, when it can be edited in place. */
function caseFix(ctx: CheckContext, img: AnswerImage, named: string): Fix[] | undefined {
  if (!img.typed) return undefined;
  const parts = img.address.split('/');
  const wanted = named.toLowerCase();
  const at = parts.findIndex((p) => p !== named && p.toLowerCase() === wanted);
  if (at < 0) return undefined;
  parts[at] = named;
  const newText = parts.join('/');
  return [{ title: ctx.msg('fix-replace', newText), edits: [{ start: img.start, end: img.end, newText }], preferred: true }];
}
