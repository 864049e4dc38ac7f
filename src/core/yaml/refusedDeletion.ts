// Whether the YAML error that deleting refused characters lets the site's reader reach was there
// all along. A NUL stops js-yaml before it reads anything, and another control character stops it
// where its value ends, so what lies beyond was never read: an error found there once the
// character is gone may be the edit's doing (a line left blank, a value left empty) or may stand
// whatever the character is. Reading the character as a letter instead tells the two apart.
import { parseArticle } from '../parse';
import type { TextEdit } from '../types';
import { refusedChars } from './siteErrors';

/** What stands for a deleted character in the reading to compare with: a letter that is no YAML indicator nor an escape after `\`. */
const LETTER = 'q';

/** The offsets of the refused characters an edit of `text` deletes, when that is all it does; else undefined. */
export function refusedDeleted(text: string, e: TextEdit): number[] | undefined {
  if (e.end <= e.start) return undefined;
  const at = refusedChars(text, e.start, e.end, e.end - e.start);
  if (!at.length) return undefined;
  return replaced(text, e, at, '') === e.newText ? at : undefined;
}

/** The text an edit covers with the characters at offsets `at` (inside it, ascending) each written as `put`. */
function replaced(text: string, e: TextEdit, at: readonly number[], put: string): string {
  let out = '';
  let from = e.start;
  for (const i of at) {
    out += text.slice(from, i) + put;
    from = i + 1;
  }
  return out + text.slice(from, e.end);
}

/**
 * Whether the site's reader stops on the same line for the same reason in the text after `edits`
 * (sorted, not overlapping) as in that text with the refused characters that the edits in
 * `deleting` delete put back as a letter: then the error does not come from their deletion.
 * False unless every edit in `deleting` only deletes refused characters, or when either reading
 * succeeds or is not of YAML fields.
 */
export function standsWithoutDeletion(text: string, edits: readonly TextEdit[], deleting: ReadonlySet<TextEdit>): boolean {
  if (!deleting.size) return false;
  const refusedOf = new Map<TextEdit, number[]>();
  for (const e of deleting) {
    const refused = refusedDeleted(text, e);
    if (!refused) return false;
    refusedOf.set(e, refused);
  }
  let after = '';
  let read = '';
  let at = 0;
  for (const e of edits) {
    const kept = text.slice(at, e.start);
    after += kept + e.newText;
    const refused = refusedOf.get(e);
    read += kept + (refused ? replaced(text, e, refused, LETTER) : e.newText);
    at = e.end;
  }
  after += text.slice(at);
  read += text.slice(at);
  const a = parseArticle(after);
  const b = parseArticle(read);
  const ia = a.yamlIssues[0];
  const ib = b.yamlIssues[0];
  if (!ia || !ib || a.frontmatter?.kind !== 'yaml' || b.frontmatter?.kind !== 'yaml') return false;
  return ia.message === ib.message && a.lines.positionAt(ia.start).line === b.lines.positionAt(ib.start).line;
}
