// What stands at or above the place where the site's reader stumbled in the fields: a key
// written twice, a quote left open, a bracket its line does not close. The frontmatter check
// names the cause it finds there instead of the reader's own words.
import type { CheckContext } from './context';

/** The key written twice at (or just after) `pos`: the repeat of a field, else the word there (a nested key). */
export function duplicateKeyAt(ctx: CheckContext, pos: number): { key: string; start: number; end: number } | undefined {
  const seen = new Set<string>();
  let best: { key: string; start: number; end: number } | undefined;
  for (const f of ctx.article.fieldList) {
    if (seen.has(f.key) && f.keyStart <= pos + 1) best = { key: f.key, start: f.keyStart, end: f.keyEnd };
    seen.add(f.key);
  }
  if (best) return best;
  // A nested duplicate: take the word at the position.
  const t = ctx.article.text;
  let s = pos;
  let e = pos;
  while (s > 0 && /[\w-]/.test(t[s - 1])) s--;
  while (e < t.length && /[\w-]/.test(t[e])) e++;
  return e > s ? { key: t.slice(s, e), start: s, end: e } : undefined;
}

/**
 * A quote left open on its line whose "closing" quote is really the opening quote of a later
 * value (text follows it on its line): `title: "Ont` above `description: "Text"`.
 */
export function danglingQuoteBefore(ctx: CheckContext, pos: number): { start: number; end: number } | undefined {
  const open = openingQuoteBefore(ctx, pos);
  if (!open) return undefined;
  const { text } = ctx.article;
  const q = text[open.start];
  let i = open.start + 1;
  for (; i < pos; i++) {
    if (q === '"' && text[i] === '\\') i++;
    else if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else break;
    }
  }
  if (i >= pos) return open;
  const after = text.slice(i + 1, ctx.article.lines.lineEnd(ctx.article.lines.positionAt(i).line));
  return /^[ \t]*(#.*)?$/.test(after) ? undefined : open;
}

/** The quote that opens a value and is not closed on its line, searching back from `pos`. */
export function openingQuoteBefore(ctx: CheckContext, pos: number): { start: number; end: number } | undefined {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  const last = lines.positionAt(Math.min(pos, fm.contentEnd)).line;
  for (let l = last; l >= 0 && lines.starts[l] >= fm.contentStart; l--) {
    const t = lines.lineText(l);
    const m = /^(\s*(?:-\s+|[^\s:#][^:]*:\s+))(["'])(.*)$/.exec(t);
    if (!m) continue;
    const q = m[2];
    const rest = m[3];
    const closed = q === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
    if (!closed) {
      const s = lines.starts[l] + m[1].length;
      return { start: s, end: lines.starts[l] + t.length };
    }
  }
  return undefined;
}

/** The offset of a `[` or `{` on a line at or above `pos` that its line does not close. */
export function unclosedBracketBefore(ctx: CheckContext, pos: number): number | undefined {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  for (let l = lines.positionAt(Math.min(pos, fm.contentEnd)).line; l >= 0 && lines.starts[l] >= fm.contentStart; l--) {
    const t = lines.lineText(l);
    let depth = 0;
    let quote: string | undefined;
    let open: number | undefined;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') {
        if (depth++ === 0) open = i;
      } else if (c === ']' || c === '}') depth--;
    }
    if (depth > 0 && open !== undefined) return lines.starts[l] + open;
  }
  return undefined;
}
