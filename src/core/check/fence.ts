// Where the fields of a frontmatter end when its closing `---` is missing, indented or
// mistyped, and the fix that puts the fence where the writer meant it.
import type { CheckContext } from './context';
import type { YamlIssue } from '../parse';
import type { Fix } from '../types';
import { codePointName, INVISIBLE, siteErrorKind, withoutInvisible } from '../yaml/siteErrors';
import { readAsSite } from '../yaml/siteReader';

/** A closing fence mistyped as `--` or `----` (a line below the opening one): the fields then run on into the answer. */
const FENCE_TYPO = /^(?:--|-{4,})[ \t]*$/;

/** `\ufeff---`, `\u00a0---`: a fence with an invisible character before or in it (pasted text). */
const hiddenFence = (line: string) => INVISIBLE.test(line) && /^[ \t]*-{2,}[ \t]*$/.test(withoutInvisible(line));

/**
 * The fields end at a line `--` (a fence mistyped), and the site's reader stumbled at or after
 * it, on the answer it took for fields (the block closes at a `---` further down): the error
 * is that line, and its fix is the fence the writer meant.
 */
export function mistypedFence(ctx: CheckContext, issue: YamlIssue): boolean {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  if (siteErrorKind(issue.message) === 'control-char') return false;
  const { stop } = likelyEnd(ctx);
  if (stop === undefined || lines.starts[stop] <= fm.openEnd || lines.starts[stop] >= fm.contentEnd || issue.start < lines.starts[stop]) return false;
  const start = lines.starts[stop];
  const typed = lines.lineText(stop).trimEnd();
  const hidden = hiddenFence(typed);
  if (!hidden && !FENCE_TYPO.test(lines.lineText(stop))) return false;
  const message = hidden ? ctx.msg('yaml-fence-invisible', codePointName(typed[typed.search(INVISIBLE)])) : ctx.msg('yaml-fence-typo', typed);
  ctx.report('yaml-syntax', start, start + typed.length, message, [fenceTypoFix(ctx, stop)]);
  return true;
}

/**
 * The fix of a fence mistyped on line `stop`: `---` in its place, and a lone CR before it (a
 * break the editor shows and the site's fence search does not) made a line break the site reads.
 */
function fenceTypoFix(ctx: CheckContext, stop: number): Fix {
  const { lines, text } = ctx.article;
  const fm = ctx.article.frontmatter!;
  const loneCr = stop > 0 && lines.lineBreak(stop - 1) === '\r';
  const start = loneCr ? lines.lineEnd(stop - 1) : lines.starts[stop];
  const typed = lines.lineText(stop).trimEnd();
  const edit = { start, end: lines.starts[stop] + lines.lineText(stop).length, newText: (loneCr ? ctx.eol : '') + '---' };
  const title = INVISIBLE.test(typed) ? ctx.msg('fix-fence-clean') : ctx.msg('fix-fence-here', typed);
  return { title, edits: [edit], preferred: readsAsFields(text.slice(fm.siteStart, start)) };
}

/**
 * Where an unclosed frontmatter most likely ends: the last line of the fields (`lastYaml`)
 * before the first line that cannot be YAML (`stop`: prose at the left margin, or a fence
 * mistyped as `--`).
 */
function likelyEnd(ctx: CheckContext): { lastYaml?: number; stop?: number } {
  const { lines } = ctx.article;
  const fm = ctx.article.frontmatter!;
  const known = new Set(ctx.schema.fields);
  let lastYaml: number | undefined;
  let afterBlank = false;
  // From the line after the opening fence (a fence such as `------` is not a field's line).
  for (let l = lines.positionAt(fm.openEnd).line + 1; l < lines.lineCount && lines.starts[l] < ctx.article.text.length; l++) {
    const t = lines.lineText(l);
    if (t.trim() === '') {
      afterBlank = true;
      continue;
    }
    const key = /^([A-Za-z_][\w-]*):(\s|$)/.exec(t)?.[1];
    // After a blank line, "Svaret: …" is prose unless it names a field. A line after a lone CR
    // goes on with the line before it (the editor shows a break where the writer typed none),
    // and a flow collection (`{…}`, `[…]`) is YAML too.
    // A fence with an invisible character in it (`\ufeff---`) is where the writer ended the fields.
    if (hiddenFence(t)) return { lastYaml, stop: l };
    const goesOn = l > 0 && lastYaml === l - 1 && lines.lineBreak(l - 1) === '\r';
    const yamlLine = goesOn || /^\s/.test(t) || /^#/.test(t) || /^-(\s|$)/.test(t) || /^[{[]/.test(t) || (key !== undefined && (!afterBlank || known.has(key)));
    if (!yamlLine) return { lastYaml, stop: l };
    lastYaml = l;
    afterBlank = false;
  }
  return { lastYaml };
}

/** Whether YAML reads, as the site reads it, as fields (a mapping, or nothing yet). */
export function readsAsFields(yaml: string): boolean {
  const r = readAsSite(yaml);
  return r.ok && (r.value === null || r.value === undefined || (typeof r.value === 'object' && !Array.isArray(r.value) && !(r.value instanceof Date)));
}

/**
 * The fix of an unclosed frontmatter: un-indent a fence written indented (` ---`), else close it
 * after the last field. Where the fields above the fence do not read as YAML, where they end is
 * only a guess: the fix is offered, not applied by a fix-all.
 */
export function closingFixes(ctx: CheckContext): Fix[] {
  const { lines, text } = ctx.article;
  const fm = ctx.article.frontmatter!;
  for (let l = lines.positionAt(fm.contentStart).line + 1; l < lines.lineCount; l++) {
    const t = lines.lineText(l);
    if (hiddenFence(t)) return [fenceTypoFix(ctx, l)];
    const m = /^[ \t]*(?=---[ \t]*$)/.exec(t);
    if (!m) continue;
    // A fence the site does not see: indented, or after a lone CR (the editor shows a line break, the site's fence search does not).
    const loneCr = lines.lineBreak(l - 1) === '\r';
    if (!loneCr && m[0] === '') continue;
    const start = loneCr ? lines.lineEnd(l - 1) : lines.starts[l];
    const edit = { start, end: lines.starts[l] + m[0].length, newText: loneCr ? ctx.eol : '' };
    return [{ title: ctx.msg(loneCr ? 'fix-close-frontmatter' : 'fix-unindent-fence'), edits: [edit], preferred: readsAsFields(text.slice(fm.siteStart, start)) }];
  }
  const { lastYaml, stop } = likelyEnd(ctx);
  // The first line after the fields is a fence mistyped (`--`, `----`): that is where the writer closed them.
  if (stop !== undefined && lines.starts[stop] > fm.openEnd && FENCE_TYPO.test(lines.lineText(stop))) return [fenceTypoFix(ctx, stop)];
  if (lastYaml === undefined || lastYaml + 1 >= lines.lineCount) return [];
  const at = lines.starts[lastYaml + 1];
  return [{ title: ctx.msg('fix-close-frontmatter'), edits: [{ start: at, end: at, newText: '---' + ctx.eol }], preferred: readsAsFields(text.slice(fm.siteStart, at)) }];
}
