import MarkdownIt from 'markdown-it';
import { findSummaryBlock, type SummaryBlock } from '../document/summary';
import { LineIndex } from '../lines';
import { filterRawHtml, rawHtmlText, type RawWriters } from './rawHtml';
import { site } from './strings';

const imageLabel = site.image;

/**
 * The answer is rendered with raw HTML on, as the site renders it, but every piece of it goes
 * through the filter of render/rawHtml.ts: the preview must never run what an article smuggles
 * in, and the webview's CSP is only the second line of defence.
 */
export const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
// With those options these rules return at their first line without touching anything; left in,
// they would still be called for every punctuation mark.
md.disable(['linkify', 'replacements', 'smartquotes']);

export type Token = MarkdownIt.Token;

const defaultValidateLink = md.validateLink.bind(md);
// markdown-it lets data:image/png links through; nothing in an article needs them, and a
// data: URL opened from the preview could show arbitrary content.
md.validateLink = (url: string): boolean => {
  const u = url.trim().toLowerCase().replace(/[\u0000-\u0020]/g, '');
  if (/^(javascript|vbscript|data|file):/.test(u)) return false;
  return defaultValidateLink(url);
};

// An image's address as written (escapes undone), which markdown-it only keeps percent-encoded:
// the site reads the written one (a stray `%` stops its build, `%2541` is `%41` to it), so the
// address each link destination was normalized from is noted during a parse and put on its
// image tokens at the end of it.
const written = new Map<string, string>();
const defaultNormalizeLink = md.normalizeLink.bind(md);
md.normalizeLink = (url: string): string => {
  const n = defaultNormalizeLink(url);
  if (!written.has(n)) written.set(n, url);
  return n;
};
md.core.ruler.before('normalize', 'qa_written_reset', () => {
  written.clear();
});
md.core.ruler.push('qa_written_address', (state) => {
  const mark = (tokens: Token[] | null) => {
    for (const t of tokens ?? []) {
      if (t.type === 'image') {
        const address = written.get(String(t.attrGet('src') ?? ''));
        if (address !== undefined && t.attrGet('src') !== '') t.meta = { ...(t.meta as object | null), address };
      }
      if (t.children) mark(t.children);
    }
  };
  mark(state.tokens);
  written.clear();
});

/**
 * An image is written as a labelled placeholder that carries its address, alt text and title:
 * the answer's HTML is cached per segment for every article and host alike, and what an image
 * becomes (the picture, a note that it is broken, or the placeholder) is filled in per render
 * (render/images.ts). The preview makes no network requests (a pasted tracker pixel would tell
 * a third party a draft was opened), so a remote image stays a placeholder.
 */
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const t = tokens[idx];
  const esc = md.utils.escapeHtml;
  const address = (t.meta as { address?: unknown } | null)?.address;
  const title = t.attrGet('title');
  const data = typeof address === 'string' ? ` data-address="${esc(address)}"${title ? ` data-title="${esc(String(title))}"` : ''}` : '';
  return imagePlaceholder(self.renderInlineAsText(t.children ?? [], options, env), String(t.attrGet('src') ?? ''), data);
};

/** An image's labelled placeholder, `[Bild: alt]`; `data`: the attributes that let render/images.ts fill it in (none: it stays as it is). */
function imagePlaceholder(alt: string, src: string, data = ''): string {
  const esc = md.utils.escapeHtml;
  return `<span class="qa-image"${data} data-alt="${esc(alt)}" title="${esc(src)}">[${esc(imageLabel)}${alt ? `: ${esc(alt)}` : ''}]</span>`;
}

/** What the answer's renderer is told per render. */
export interface RenderEnv {
  [key: string | symbol]: unknown;
  /**
   * Links carry their target in `data-href`, not `href`. VS Code's webview follows every
   * `<a href>` clicked with a handler of its own that ignores `preventDefault()` — a link would
   * open twice, and schemes our allow-list refuses (`vscode:`) would open anyway — so in the
   * preview only the host opens links, after checking them.
   */
  hostLinks?: boolean;
}

const defaultLinkOpen: NonNullable<typeof md.renderer.rules.link_open> = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env: RenderEnv | undefined, self) => {
  const t = tokens[idx];
  const raw = t.attrGet('href');
  const href = raw === null ? null : String(raw);
  // A link within the page (`#…`) only scrolls, which the webview does itself without opening anything.
  if (env?.hostLinks && href !== null && !href.startsWith('#')) {
    // The token is cached with its segment and shared by other renders: build the tag, never edit it.
    const attrs: [string, string | number][] = [...(t.attrs ?? []).filter(([name]) => name !== 'href' && name !== 'title'), ['data-href', href], ['title', t.attrGet('title') ?? href], ['role', 'link'], ['tabindex', '0']];
    return `<a${self.renderAttrs({ attrs } as Token)}>`;
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// A raw `<a>` is written as a markdown link is (the link_open rule above), its address checked
// as one's is; a raw `<img>` is an image's placeholder without an address: never loaded.
const LinkToken = new md.core.State('', md, {}).Token;
const rawWriters = (env: RenderEnv | undefined): RawWriters => ({
  link(href, attrs) {
    const t = new LinkToken('link_open', 'a', 1);
    t.attrs = [...attrs];
    if (href !== undefined) {
      const url = defaultNormalizeLink(href);
      if (md.validateLink(href) && md.validateLink(url)) t.attrs.unshift(['href', url]);
    }
    return md.renderer.rules.link_open!([t], 0, md.options, env, md.renderer);
  },
  image: (alt, src) => imagePlaceholder(alt, src),
});
const rawHtmlRule: NonNullable<typeof md.renderer.rules.html_block> = (tokens, idx, _options, env: RenderEnv | undefined) => filterRawHtml(tokens[idx].content, rawWriters(env));
md.renderer.rules.html_block = rawHtmlRule;
md.renderer.rules.html_inline = rawHtmlRule;

/** The summary block of an answer, found where the house style puts it: the last one wins. */
export interface Summary {
  /** Markdown text after the `**Sammanfattning:**` label in the same paragraph (the inline form). */
  intro?: string;
  /** Markdown source of each bullet (first paragraph of each top-level item). */
  items: string[];
  /** 0-based lines of the markdown given, end exclusive. */
  startLine: number;
  endLine: number;
}

/** Index of the token closing the block opened at `i` (or `i` for a self-contained block). */
export function blockEnd(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (t.nesting !== 1) return i;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    depth += tokens[j].nesting;
    if (depth === 0) return j;
  }
  return tokens.length - 1;
}

/** Token span of a summary block the core's detector found: the label block to the end of its list. */
export function summarySpan(tokens: Token[], block: SummaryBlock | undefined, lineOffset: number): { start: number; end: number; listStart?: number } | undefined {
  if (!block) return undefined;
  const label = block.labelLine - lineOffset;
  const endLine = block.endLine - lineOffset;
  const start = tokens.findIndex((t) => t.level === 0 && t.nesting !== -1 && t.map?.[0] === label);
  if (start < 0) return undefined;
  let end = blockEnd(tokens, start) + 1;
  let listStart: number | undefined;
  while (end < tokens.length && tokens[end].map && tokens[end].map![0] < endLine) {
    if (listStart === undefined && (tokens[end].type === 'bullet_list_open' || tokens[end].type === 'ordered_list_open')) listStart = end;
    end = blockEnd(tokens, end) + 1;
  }
  return { start, end, listStart };
}

/** Markdown source of the first inline of each top-level item of the list opened at `listStart`. */
export function listItems(tokens: Token[], listStart: number): string[] {
  const items: string[] = [];
  const listLevel = tokens[listStart].level;
  const end = blockEnd(tokens, listStart);
  for (let i = listStart + 1; i < end; i++) {
    const t = tokens[i];
    if (t.type !== 'list_item_open' || t.level !== listLevel + 1) continue;
    const itemEnd = blockEnd(tokens, i);
    let text = '';
    for (let j = i + 1; j < itemEnd; j++) {
      if (tokens[j].type === 'inline') {
        text = tokens[j].content.trim();
        break;
      }
    }
    items.push(text);
    i = itemEnd;
  }
  return items;
}

/**
 * The summary block of an answer: a `**Sammanfattning:**` paragraph (or a `Sammanfattning`
 * heading) with the list right after it. The inline form `**Sammanfattning:** text` that many
 * older articles use is found too, with its text as `intro` and no items.
 */
export function extractSummary(markdown: string): Summary | undefined {
  const block = findSummaryBlock(new LineIndex(markdown), 0);
  const tokens = md.parse(markdown, {});
  const span = summarySpan(tokens, block, 0);
  if (!block || !span) return undefined;
  return {
    intro: block.intro,
    items: span.listStart !== undefined ? listItems(tokens, span.listStart) : [],
    startLine: block.labelLine,
    endLine: block.endLine,
  };
}

/**
 * The answer's readable text, one block per paragraph, heading or list item, so that LIX
 * counts an unpunctuated bullet as a sentence rather than gluing it to the next one. A fenced
 * block (``` or ~~~) is code, not prose: it is left out, as the readability rule leaves it out
 * (check/readability.ts), so the preview's counts and the rule's are the same. Of raw HTML,
 * the text between its tags is read (rawHtmlText), as the rule reads it.
 */
export function plainText(tokens: Token[]): string {
  const blocks: string[] = [];
  for (const t of tokens) {
    if (t.type === 'inline') {
      let s = '';
      for (const c of t.children ?? []) {
        if (c.type === 'text' || c.type === 'code_inline') s += c.content;
        else if (c.type === 'html_inline') s += rawHtmlText(c.content);
        else if (c.type === 'softbreak' || c.type === 'hardbreak') s += ' ';
      }
      blocks.push(s);
    } else if (t.type === 'code_block') {
      blocks.push(t.content);
    } else if (t.type === 'html_block') {
      blocks.push(rawHtmlText(t.content));
    }
  }
  return blocks.join('\n\n');
}
