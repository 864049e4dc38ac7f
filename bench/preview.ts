// Preview render time: what one preview update costs in the extension host (parse, check-free render).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../src/core/parse';
import { renderArticle } from '../src/core/render';
import { CORPUS } from './core';
import { fmt, stats, table, timeSync } from './util';

export interface RenderFigures {
  label: string;
  bytes: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

/** Splits an article into its frontmatter block (with fences) and its body. */
function split(text: string): { head: string; body: string } {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return m ? { head: m[0], body: text.slice(m[0].length) } : { head: '', body: text };
}

function measure(label: string, text: string, runs: number): RenderFigures {
  const render = () => void renderArticle(parseArticle(text), { lang: 'sv', problems: [] });
  for (let i = 0; i < Math.min(5, runs); i++) render(); // warm the JIT and markdown-it's caches
  const s = stats(timeSync(runs, render));
  return { label, bytes: Buffer.byteLength(text), runs, medianMs: s.median, p95Ms: s.p95 };
}

/** Median and p95 of one preview render (parse + render) for a median-sized corpus article and a 1 MB article. */
export function benchPreview(): { typical: RenderFigures; large: RenderFigures } {
  const texts = fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));
  const bySize = [...texts].sort((a, b) => a.length - b.length);
  const typicalText = bySize[Math.floor(bySize.length / 2)];
  const typical = measure('typical corpus article', typicalText, 500);

  // One frontmatter, then the corpus answers one after another until the file passes 1 MB.
  const { head } = split(typicalText);
  const parts = [head];
  let size = Buffer.byteLength(head);
  for (let i = 0; size < 1024 * 1024; i = (i + 1) % texts.length) {
    const body = split(texts[i]).body + '\n';
    parts.push(body);
    size += Buffer.byteLength(body);
  }
  const large = measure('1 MB article', parts.join(''), 20);

  table('Preview render (parse + render, one update)', ['article', 'size', 'runs', 'median', 'p95'], [typical, large].map((r) => [r.label, `${(r.bytes / 1024).toFixed(1)} KB`, String(r.runs), fmt(r.medianMs), fmt(r.p95Ms)]));
  return { typical, large };
}

if (require.main === module) benchPreview();
