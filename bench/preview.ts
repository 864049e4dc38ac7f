// Preview render time: what one preview update costs in the extension host (parse, check-free render).
// A preview opening a long article shows its first part at once (renderArticleHead) and the whole
// page right after; both are timed, as is the whole page rendered at once and markdown-it alone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../src/core/parse';
import { renderArticle, renderArticleHead } from '../src/core/render';
import { clearBodyCache } from '../src/core/render/blocks';
import { md } from '../src/core/render/markdown';
import { CORPUS } from './core';
import { fmt, stats, table, timeSync } from './util';

export interface RenderFigures {
  label: string;
  bytes: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** Undefined for a figure that is not a target but a floor to compare with. */
  targetMs?: number;
}

/** Splits an article into its frontmatter block (with fences) and its body. */
function split(text: string): { head: string; body: string } {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return m ? { head: m[0], body: text.slice(m[0].length) } : { head: '', body: text };
}

const OPTS = { lang: 'sv', problems: [] } as const;
const render = (text: string) => void renderArticle(parseArticle(text), OPTS);
/** What the preview does on opening: the first part if the answer is long, then the whole page. */
const firstPart = (text: string) => void renderArticleHead(parseArticle(text), OPTS);
const headThenWhole = (text: string) => {
  firstPart(text);
  render(text);
};
/** markdown-it alone on the answer, one parse and one render: the floor of a whole-page render. */
const markdownOnly = (text: string) => void md.render(split(text).body);

/**
 * `first`: the article has never been rendered (segment cache empty), as when a preview opens.
 * `edit`: the article was rendered before, then one character changed (a different place each
 * run, so every run re-parses the segment it touches), as while someone types.
 */
function measure(label: string, text: string, runs: number, mode: 'first' | 'edit', targetMs: number | undefined, fn: (text: string) => void = render): RenderFigures {
  const bytes = Buffer.byteLength(text);
  const texts: string[] = [];
  for (let i = 0; i < runs + 5; i++) {
    if (mode === 'first') texts.push(text);
    else {
      // Change a letter into another somewhere in the body, spread over the article.
      let at = Math.floor(((i + 0.5) / (runs + 5)) * text.length);
      while (at < text.length && !/[a-zåäö]/.test(text[at])) at++;
      texts.push(text.slice(0, at) + (text[at] === 'x' ? 'y' : 'x') + text.slice(at + 1));
    }
  }
  clearBodyCache();
  if (mode === 'edit') render(text);
  const one = (t: string) => {
    if (mode === 'first') clearBodyCache();
    fn(t);
  };
  for (let i = 0; i < 5; i++) one(texts[i]); // warm the JIT and markdown-it's caches
  let i = 5;
  const s = stats(timeSync(runs, () => one(texts[i++])));
  return { label, bytes, runs, medianMs: s.median, p95Ms: s.p95, targetMs };
}

/** Median and p95 of one preview render (parse + render) for a median-sized corpus article and a 1 MB article. */
export function benchPreview(): RenderFigures[] {
  const texts = fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));
  const bySize = [...texts].sort((a, b) => a.length - b.length);
  const typicalText = bySize[Math.floor(bySize.length / 2)];

  // One frontmatter, then the corpus answers one after another until the file passes 1 MB.
  const { head } = split(typicalText);
  const parts = [head];
  let size = Buffer.byteLength(head);
  for (let i = 0; size < 1024 * 1024; i = (i + 1) % texts.length) {
    const body = split(texts[i]).body + '\n';
    parts.push(body);
    size += Buffer.byteLength(body);
  }
  const large = parts.join('');
  // The same without the answers that write raw HTML (or any `<`): what the HTML filter costs the others.
  const noHtml = texts.filter((t) => !split(t).body.includes('<'));
  const plainParts = [head];
  size = Buffer.byteLength(head);
  for (let i = 0; size < 1024 * 1024; i = (i + 1) % noHtml.length) {
    const body = split(noHtml[i]).body + '\n';
    plainParts.push(body);
    size += Buffer.byteLength(body);
  }
  const plainLarge = plainParts.join('');

  const rows = [
    measure('typical corpus article, first render', typicalText, 500, 'first', 5),
    measure('typical corpus article, after an edit', typicalText, 500, 'edit', 5),
    measure('1 MB article, first render: first part shown', large, 20, 'first', 50, firstPart),
    measure('1 MB article, first render: whole page (after the first part)', large, 20, 'first', 50, headThenWhole),
    measure('1 MB article, first render: whole page at once', large, 20, 'first', 50),
    measure('1 MB article, markdown-it alone (parse + render, the floor)', large, 20, 'first', undefined, markdownOnly),
    measure('1 MB article, after an edit', large, 40, 'edit', 50),
    measure('1 MB article without any `<`, first render: whole page at once', plainLarge, 20, 'first', 50),
    measure('1 MB article without any `<`, after an edit', plainLarge, 40, 'edit', 50),
  ];
  table(
    'Preview render (parse + render, one update)',
    ['article', 'size', 'runs', 'median', 'p95', 'target', 'met'],
    rows.map((r) => [
      r.label,
      `${(r.bytes / 1024).toFixed(1)} KB`,
      String(r.runs),
      fmt(r.medianMs),
      fmt(r.p95Ms),
      r.targetMs === undefined ? '–' : `< ${r.targetMs} ms`,
      r.targetMs === undefined ? '–' : r.p95Ms < r.targetMs ? 'yes' : 'NO',
    ]),
  );
  console.log('  (rerun: node --import tsx bench/preview.ts)');
  return rows;
}

if (require.main === module) benchPreview();
