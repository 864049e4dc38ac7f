import { Parser, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { escapeHtml } from './text';

/**
 * Raw HTML written in an answer, shown as the site shows it but for what the preview never
 * runs or loads. markdown-it hands raw HTML over in pieces (an HTML block ends at a blank line,
 * an inline tag is a token of its own), and the site's parser reads the answer's HTML as one
 * stream: a box opened in one piece is closed in another. So each piece is filtered on its own,
 * tag by tag, with nothing closed or balanced (filterRawHtml), and the answer's HTML, once put
 * together, is read once more as a whole (wellNested), as the site's parser reads it.
 */

/** Elements shown, with the attributes below. */
const ALLOWED = new Set([
  'div', 'p', 'span', 'strong', 'b', 'em', 'i', 'u', 's', 'br', 'hr', 'ul', 'ol', 'li',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  'sup', 'sub', 'small', 'mark', 'details', 'summary', 'figure', 'figcaption', 'code', 'pre', 'a',
]);
/**
 * Elements dropped with all they hold: code, styles, frames, plug-ins, form fields and foreign
 * content (an `<svg>` can hold its own `<script>`). Any other element not allowed loses its tag
 * and keeps its text.
 */
const DROPPED_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'object', 'applet', 'template', 'noscript', 'noembed', 'noframes', 'frameset',
  'textarea', 'select', 'svg', 'math', 'title', 'xmp', 'plaintext', 'canvas', 'video', 'audio', 'head',
]);
/**
 * Elements that are blocks of their own on the page: in the text a reader sees, each of their
 * tags ends a sentence (an unpunctuated list item is one, as a markdown one is).
 */
const BLOCKS = new Set(['div', 'p', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'details', 'summary', 'figure', 'figcaption', 'pre', 'hr']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** CSS properties kept in a `style` attribute: the look of text and boxes, nothing that moves a box out of its place or loads anything. */
const STYLE_PROPERTY = new RegExp(
  '^(?:color|background(?:-color|-image)?|border(?:-(?:top|right|bottom|left))?(?:-(?:width|style|color))?|border(?:-(?:top|bottom)-(?:left|right))?-radius' +
    '|border-(?:collapse|spacing)|(?:padding|margin)(?:-(?:top|right|bottom|left))?|font(?:-(?:size|weight|style|family|variant))?' +
    '|text-(?:align|decoration|transform|indent|shadow)|line-height|(?:letter|word)-spacing|white-space|vertical-align|word-break|overflow-wrap' +
    '|list-style(?:-type|-position)?|(?:min-|max-)?(?:width|height)|display|gap|opacity|box-shadow|float|clear)$',
);
/** What no kept declaration may hold: a way to load something, to run something, or to hide either. */
const STYLE_REFUSED = /url\s*\(|expression|@import|\\|<|\/\*|javascript:|-moz-binding|behavior/i;
const STYLE_FUNCTIONS = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'calc', 'min', 'max', 'clamp',
  'linear-gradient', 'radial-gradient', 'conic-gradient', 'repeating-linear-gradient', 'repeating-radial-gradient',
]);

/** The declarations of a `style` attribute that are kept, or undefined when none is. */
export function filterStyle(value: string): string | undefined {
  if (STYLE_REFUSED.test(value)) return undefined;
  const kept: string[] = [];
  for (const decl of value.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const val = decl.slice(colon + 1).trim();
    if (!val || !STYLE_PROPERTY.test(prop)) continue;
    const fns = val.match(/[a-z-]+(?=\s*\()/gi) ?? [];
    if (fns.every((f) => STYLE_FUNCTIONS.has(f.toLowerCase())) && !/\(\s*\)|[{}]/.test(val)) kept.push(`${prop}: ${val}`);
  }
  return kept.length ? kept.join('; ') : undefined;
}

/** How the host writes what raw HTML cannot write itself: links (as markdown links are) and image placeholders. */
export interface RawWriters {
  /** The opening `<a …>` tag, given the link's address as written (undefined: none) and its other kept attributes. */
  link(href: string | undefined, attrs: [string, string][]): string;
  /** What stands for an image the answer writes as HTML. */
  image(alt: string, src: string): string;
}

const NUMBER = /^\d{1,3}$/;
const ALIGN = /^(?:left|right|center|justify)$/i;

/** The attributes of an allowed element that are kept, filtered. */
function keptAttributes(name: string, attrs: [string, string][]): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of attrs) {
    if (key === 'style') {
      const style = filterStyle(value);
      if (style !== undefined) out.push([key, style]);
    } else if (key === 'title') out.push([key, value]);
    else if ((key === 'colspan' || key === 'rowspan') && (name === 'td' || name === 'th') && NUMBER.test(value.trim())) out.push([key, value.trim()]);
    else if (key === 'align' && ALIGN.test(value.trim())) out.push([key, value.trim().toLowerCase()]);
    else if (key === 'start' && name === 'ol' && NUMBER.test(value.trim())) out.push([key, value.trim()]);
    else if (key === 'open' && name === 'details') out.push([key, '']);
  }
  return out;
}

const attrsHtml = (attrs: [string, string][]) => attrs.map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('');

// The markers that carry a dropped element's content across pieces (the site's parser reads
// `<script>` in one piece up to `</script>` in another): comments, which nothing an article
// writes can make (its comments are dropped, its text escaped).
const SKIP = 'qa-skip ';
const END = 'qa-end ';

/** One run of htmlparser2's tokenizer over a piece of raw HTML: its tags and text, never a tree. */
class Piece implements TokenizerCallbacks {
  private src = '';
  private out = '';
  /** Same-length text of the piece with all but its visible text blanked (newlines kept), in `mask` mode. */
  private mask: string[] = [];
  private masking = false;
  /** How much of the source the mask covers. */
  private maskLength = 0;
  /** Where the tags of blocks start, in order, in `mask` mode. */
  private stops: number[] = [];
  private tagStart = 0;
  private writers: RawWriters | undefined;
  private tagName = '';
  private attrs: [string, string][] = [];
  private attrName = '';
  private attrValue = '';
  /** The dropped element whose content is being read past, and how deep. */
  private skip: string | undefined;
  private depth = 0;

  run(src: string, writers: RawWriters | undefined): string {
    this.src = src;
    this.out = '';
    this.masking = writers === undefined;
    this.mask = [];
    this.maskLength = 0;
    this.stops = [];
    this.writers = writers;
    this.skip = undefined;
    this.depth = 0;
    // A tokenizer of its own per piece: reset() leaves one that stopped inside `<script>` reading as if still in it.
    const tokenizer = new Tokenizer({ decodeEntities: true }, this);
    tokenizer.write(src);
    tokenizer.end();
    if (this.masking) {
      const text = this.mask.join('');
      if (!this.stops.length) return text;
      // A block's tag is a full stop, in the blanks it leaves.
      let out = '';
      let at = 0;
      for (const i of this.stops) {
        out += text.slice(at, i) + '.';
        at = i + 1;
      }
      return out + text.slice(at);
    }
    if (this.skip !== undefined) this.out += `<!--${SKIP}${this.skip}-->`.repeat(this.depth);
    return this.out;
  }

  ontext(start: number, end: number): void {
    if (this.skip !== undefined) return;
    if (this.masking) this.visible(start, end, this.src.slice(start, end));
    else this.out += escapeHtml(this.src.slice(start, end));
  }
  ontextentity(cp: number, end: number): void {
    if (this.skip !== undefined) return;
    const ch = String.fromCodePoint(cp);
    // The entity ends at `end` and starts at its `&` (an entity holds no other).
    const start = this.src.lastIndexOf('&', end - 1);
    if (this.masking) this.visible(start, end, ch.padEnd(end - start, ' '));
    else this.out += escapeHtml(ch);
  }
  onopentagname(start: number, end: number): void {
    this.tagName = this.src.slice(start, end).toLowerCase();
    this.tagStart = start - 1;
    this.attrs = [];
  }
  onattribname(start: number, end: number): void {
    this.attrName = this.src.slice(start, end).toLowerCase();
    this.attrValue = '';
  }
  onattribdata(start: number, end: number): void {
    this.attrValue += this.src.slice(start, end);
  }
  onattribentity(cp: number): void {
    this.attrValue += String.fromCodePoint(cp);
  }
  onattribend(): void {
    // The first of two attributes of a name wins, as in a browser.
    if (!this.attrs.some(([k]) => k === this.attrName)) this.attrs.push([this.attrName, this.attrValue]);
  }
  onselfclosingtag(): void {
    // `<div/>` is an opening tag in HTML: the slash means nothing.
    this.onopentagend();
  }
  onopentagend(): void {
    const name = this.tagName;
    if (this.skip !== undefined) {
      if (name === this.skip) this.depth++;
      return;
    }
    if (DROPPED_WITH_CONTENT.has(name)) {
      this.skip = name;
      this.depth = 1;
      return;
    }
    if (this.masking) {
      if (BLOCKS.has(name)) this.stops.push(this.tagStart);
      return;
    }
    const w = this.writers!;
    if (name === 'a') {
      const href = this.attrs.find(([k]) => k === 'href')?.[1];
      this.out += w.link(href, keptAttributes(name, this.attrs));
    } else if (name === 'img') {
      const get = (k: string) => this.attrs.find(([n]) => n === k)?.[1] ?? '';
      this.out += w.image(get('alt'), get('src'));
    } else if (ALLOWED.has(name)) this.out += `<${name}${attrsHtml(keptAttributes(name, this.attrs))}>`;
  }
  onclosetag(start: number, end: number): void {
    const name = this.src.slice(start, end).toLowerCase();
    if (this.skip !== undefined) {
      if (name === this.skip && --this.depth === 0) this.skip = undefined;
      return;
    }
    if (this.masking) {
      if (BLOCKS.has(name)) this.stops.push(this.src.lastIndexOf('<', start));
      return;
    }
    if (DROPPED_WITH_CONTENT.has(name)) this.out += `<!--${END}${name}-->`;
    // `</br>` is a line break to a browser, and to the site's parser.
    else if (name === 'br') this.out += '<br>';
    else if (ALLOWED.has(name) && !VOID.has(name)) this.out += `</${name}>`;
  }
  oncomment(): void {}
  oncdata(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {
    if (this.masking) this.visibleEnd();
  }

  /** Adds source text `[start, end)` to the mask as `text` (same length), blanks before it. */
  private visible(start: number, end: number, text: string): void {
    this.pad(start);
    this.mask.push(text);
    this.maskLength = end;
  }
  private visibleEnd(): void {
    this.pad(this.src.length);
  }
  /** Blanks from where the mask ends to `to`, newlines kept. */
  private pad(to: number): void {
    const gap = this.src.slice(this.maskLength, to);
    // Most gaps (a tag, its attributes) hold no newline: blanks of the same length, without a regex over each character.
    if (gap) this.mask.push(gap.includes('\n') ? gap.replace(/[^\n]/g, ' ') : ' '.repeat(gap.length));
    this.maskLength = to;
  }
}

const piece = new Piece();

/**
 * One piece of raw HTML (an html_block or html_inline token's content) as the preview shows it:
 * allowed tags rebuilt with their filtered attributes, text escaped, everything else dropped.
 * Nothing is closed that the piece does not close: another piece may close it.
 */
export function filterRawHtml(html: string, writers: RawWriters): string {
  return piece.run(html, writers);
}

/**
 * The text a reader sees of a piece of raw HTML, in place: the piece with its tags, comments and
 * dropped content blanked, newlines kept (an entity is its character and blanks), and a full stop
 * where a block's tag starts (a block ends a sentence). The preview's LIX and the readability rule
 * read the same.
 */
export function rawHtmlText(html: string): string {
  return piece.run(html, undefined);
}

const MARKER = /^(qa-skip|qa-end) ([a-z]+)$/;

/**
 * The answer's HTML, once its pieces are put together, read as one stream as the site's parser
 * reads it: a tag closing nothing opened in the answer is dropped (it would close the page's own
 * boxes), what is left open is closed at the answer's end (it would hold the rest of the page),
 * and a dropped element's content is dropped up to its end in a later piece. Fed segment by
 * segment: one without raw HTML, met with nothing open, is well nested as markdown-it wrote it
 * and is passed on unread, so only the segments with raw HTML (and what they leave open) cost a parse.
 */
export class Nester {
  private out = '';
  private skip: string | undefined;
  private depth = 0;
  /** Per element the parser has open: whether its opening tag was written (none is while skipping). */
  private readonly written: boolean[] = [];
  private readonly parser = new Parser(
    {
      onopentag: (name, attribs) => {
        const shown = this.skip === undefined;
        this.written.push(shown);
        if (!shown) return;
        this.out += `<${name}`;
        for (const k in attribs) this.out += ` ${k}="${attribs[k]}"`;
        this.out += '>';
      },
      onclosetag: (name) => {
        if (this.written.pop() && !VOID.has(name)) this.out += `</${name}>`;
      },
      ontext: (text) => {
        if (this.skip === undefined) this.out += text;
      },
      oncomment: (data) => {
        const m = MARKER.exec(data);
        if (!m) return;
        if (m[1] === 'qa-skip') {
          if (this.skip === undefined) this.skip = m[2];
          if (this.skip === m[2]) this.depth++;
        } else if (this.skip === m[2] && --this.depth === 0) this.skip = undefined;
      },
    },
    // Attribute values and text as written: the renderer escaped them, and quotes with `"`.
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  /** Adds a segment's HTML; `raw`: it has raw HTML. */
  add(html: string, raw: boolean): void {
    if (!raw && this.written.length === 0 && this.skip === undefined) this.out += html;
    else this.parser.write(html);
  }

  /** The HTML, with what is left open closed. */
  end(): string {
    this.parser.end();
    return this.out;
  }
}

/** `html` read as one stream (see Nester). */
export function wellNested(html: string): string {
  const n = new Nester();
  n.add(html, true);
  return n.end();
}
