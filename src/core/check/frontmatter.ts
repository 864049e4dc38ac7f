import type { CheckContext } from './context';
import type { YamlIssue } from '../parse';

/** Frontmatter presence and YAML syntax, with messages in the writer's terms. */
export function checkFrontmatter(ctx: CheckContext): void {
  const { article } = ctx;
  const fm = article.frontmatter;
  if (!fm) {
    const end = article.lines.lineEnd(0);
    ctx.report('frontmatter-missing', 0, end, ctx.msg('frontmatter-missing'));
    return;
  }
  if (fm.closeStart === undefined) {
    // Without its closing fence the site sees no frontmatter at all: the YAML errors of the
    // answer below would only be noise.
    const at = likelyEnd(ctx);
    const fixes = at === undefined ? [] : [{ title: ctx.msg('fix-close-frontmatter'), edits: [{ start: at, end: at, newText: '---' + ctx.eol }], preferred: true }];
    ctx.report('frontmatter-unclosed', fm.openStart, fm.openEnd, ctx.msg('frontmatter-unclosed'), fixes);
    return;
  }
  if (article.yamlIssues.length === 0) {
    if (article.doc && article.data === undefined) ctx.report('yaml-syntax', fm.contentStart, fm.contentEnd, ctx.msg('frontmatter-not-map'));
    return;
  }
  // A missing space after a key's colon derails the parser on the lines below it: name the cause, not the fallout.
  const seenLines = new Set<number>();
  for (const line of keysWithoutSpace(ctx)) {
    seenLines.add(line).add(line + 1);
  }
  let reported = seenLines.size > 0;
  for (const issue of article.yamlIssues) {
    const line = article.lines.positionAt(issue.start).line;
    if (seenLines.has(line) && issue.code !== 'DUPLICATE_KEY') continue; // one message per line: the rest is fallout
    // Once the parser has lost its way, its "unexpected token" complaints on later lines are fallout too.
    if (reported && issue.code === 'UNEXPECTED_TOKEN') continue;
    seenLines.add(line);
    reportYamlIssue(ctx, issue);
    reported = true;
  }
}

/** Reports top-level lines such as `author:"Dr A"`, with a fix; returns their line numbers. */
function keysWithoutSpace(ctx: CheckContext): number[] {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  const out: number[] = [];
  for (let l = lines.positionAt(fm.contentStart).line; l < lines.lineCount && lines.starts[l] < fm.contentEnd; l++) {
    const t = lines.lineText(l);
    const m = /^([A-Za-z_][\w-]*):([^\s/][^]*)$/.exec(t);
    if (!m) continue;
    const colon = lines.starts[l] + m[1].length;
    const fix = { title: ctx.msg('fix-colon-space'), edits: [{ start: colon + 1, end: colon + 1, newText: ' ' }], preferred: true };
    ctx.report('yaml-syntax', lines.starts[l], lines.starts[l] + t.length, ctx.msg('yaml-colon-space', m[1], m[2]), [fix]);
    out.push(l);
  }
  return out;
}

function reportYamlIssue(ctx: CheckContext, issue: YamlIssue): void {
  const { lines, text } = ctx.article;
  const line = lines.positionAt(issue.start).line;
  const lineStart = lines.starts[line];
  const lineText = lines.lineText(line);
  // A tab in the indentation trips the parser in several ways (TAB_AS_INDENT, BAD_INDENT in a block scalar …): offer one fix for all.
  if (issue.code !== 'DUPLICATE_KEY' && /^ *\t[ \t]*\S/.test(lineText)) {
    const m = /^[ \t]*/.exec(lineText)!;
    const end = lineStart + m[0].length;
    const fix = { title: ctx.msg('fix-tab'), edits: [{ start: lineStart, end, newText: ' '.repeat(indentFor(ctx, line)) }], preferred: true };
    ctx.report('yaml-syntax', lineStart, Math.max(end, lineStart + 1), ctx.msg('yaml-tab'), [fix]);
    return;
  }
  switch (issue.code) {
    case 'DUPLICATE_KEY': {
      const dup = duplicateKeyAt(ctx, issue.start);
      if (dup) ctx.report('yaml-duplicate-key', dup.start, dup.end, ctx.msg('yaml-duplicate-key', dup.key));
      else ctx.report('yaml-duplicate-key', issue.start, issue.end, ctx.msg('yaml-duplicate-key', '?'));
      return;
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const m = /^([A-Za-z_][\w-]*):[ \t]+(.*?)[ \t]*$/.exec(lineText);
      if (m && /:\s/.test(m[2]) && !/^["'[{|>]/.test(m[2])) {
        const vStart = lineStart + lineText.indexOf(m[2], m[1].length + 1);
        const vEnd = vStart + m[2].length;
        const quoted = '"' + m[2].replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
        const fix = { title: ctx.msg('fix-quote-value'), edits: [{ start: vStart, end: vEnd, newText: quoted }], preferred: true };
        ctx.report('yaml-syntax', vStart, vEnd, ctx.msg('yaml-colon-in-value', m[1], m[2]), [fix]);
        return;
      }
      // Otherwise a line below is indented under a value that cannot hold it.
      const next = nextContentLine(ctx, line);
      ctx.report('yaml-syntax', next.start, next.end, ctx.msg('yaml-indent'));
      return;
    }
    case 'MISSING_CHAR': {
      if (/quote/i.test(issue.message)) {
        const open = openingQuoteBefore(ctx, issue.start);
        if (open) {
          ctx.report('yaml-syntax', open.start, open.end, ctx.msg('yaml-unclosed-quote', text[open.start]));
          return;
        }
      }
      break;
    }
    case 'BAD_INDENT':
    case 'BAD_DIRECTIVE':
    case 'UNEXPECTED_TOKEN': {
      if (/^Flow (sequence|mapping)/.test(issue.message)) {
        const open = unclosedBracketBefore(ctx, issue.start);
        if (open !== undefined) {
          ctx.report('yaml-syntax', open, lines.lineEnd(lines.positionAt(open).line), ctx.msg('yaml-unclosed-list'));
          return;
        }
      }
      if (/flow-seq-end token/.test(issue.message)) {
        ctx.report('yaml-syntax', issue.start, issue.start + 1, ctx.msg('yaml-extra-bracket'));
        return;
      }
      if (/^Unexpected scalar at node end/.test(issue.message)) {
        ctx.report('yaml-syntax', issue.start, Math.max(issue.end, lineStart + lineText.length), ctx.msg('yaml-text-after-quote'));
        return;
      }
      if (/^\s+\S/.test(lineText) && issue.code !== 'UNEXPECTED_TOKEN') {
        const s = lineStart + /^\s*/.exec(lineText)![0].length;
        ctx.report('yaml-syntax', s, lineStart + lineText.length, ctx.msg('yaml-indent'));
        return;
      }
      break;
    }
  }
  const end = issue.end > issue.start ? issue.end : Math.min(issue.start + 1, lineStart + lineText.length);
  ctx.report('yaml-syntax', issue.start, Math.max(end, issue.start), ctx.msg('yaml-syntax', issue.message.replace(/\.$/, '')));
}

function duplicateKeyAt(ctx: CheckContext, pos: number): { key: string; start: number; end: number } | undefined {
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

function nextContentLine(ctx: CheckContext, line: number): { start: number; end: number } {
  const { lines } = ctx.article;
  const fmEnd = ctx.article.frontmatter!.contentEnd;
  for (let l = line + 1; l < lines.lineCount && lines.starts[l] < fmEnd; l++) {
    const t = lines.lineText(l);
    if (t.trim() !== '') {
      const s = lines.starts[l] + /^\s*/.exec(t)![0].length;
      return { start: s, end: lines.starts[l] + t.length };
    }
  }
  return { start: lines.starts[line], end: lines.lineEnd(line) };
}

/** The quote that opens a value and is not closed on its line, searching back from `pos`. */
function openingQuoteBefore(ctx: CheckContext, pos: number): { start: number; end: number } | undefined {
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

/**
 * The indentation a tab-indented line most likely meant: one step under a line that opens a
 * block (`key:`, `key: |`), the same as a previous indented line, or none at the top level.
 */
function indentFor(ctx: CheckContext, line: number): number {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  for (let l = line - 1; l >= 0 && lines.starts[l] >= fm.contentStart; l--) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    const lead = /^[ \t]*/.exec(t)![0];
    const indent = lead.includes('\t') ? indentFor(ctx, l) : lead.length;
    if (/:[ \t]*(?:[|>][-+0-9]*)?[ \t]*(?:#.*)?$/.test(t)) return indent + 2;
    return indent;
  }
  return 0;
}

/** The offset of a `[` or `{` on a line at or above `pos` that its line does not close. */
function unclosedBracketBefore(ctx: CheckContext, pos: number): number | undefined {
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

/** Where an unclosed frontmatter most likely ends: before the first line that cannot be YAML (prose at the left margin), after the fields. */
function likelyEnd(ctx: CheckContext): number | undefined {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  const known = new Set(ctx.schema.fields);
  let lastYaml: number | undefined;
  let afterBlank = false;
  for (let l = lines.positionAt(fm.contentStart).line; l < lines.lineCount && lines.starts[l] < ctx.article.text.length; l++) {
    const t = lines.lineText(l);
    if (t.trim() === '') {
      afterBlank = true;
      continue;
    }
    const key = /^([A-Za-z_][\w-]*):(\s|$)/.exec(t)?.[1];
    // After a blank line, "Svaret: …" is prose unless it names a field.
    const yamlLine = /^\s/.test(t) || /^#/.test(t) || /^-(\s|$)/.test(t) || (key !== undefined && (!afterBlank || known.has(key)));
    if (!yamlLine) break;
    lastYaml = l;
    afterBlank = false;
  }
  if (lastYaml === undefined) return undefined;
  return lastYaml + 1 < lines.lineCount ? lines.starts[lastYaml + 1] : undefined;
}
