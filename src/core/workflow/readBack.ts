import { applyEdits } from '../fix/index';
import { parseArticle, type ParsedArticle } from '../parse';
import type { TextEdit } from '../types';

/**
 * An edit of the fields read back: the edited text parsed again, when it still reads cleanly
 * (closed frontmatter, no YAML error, no doubt about its source ranges) and nothing outside the
 * fields changed — the fences, what precedes them and the whole body byte for byte. Undefined
 * otherwise; the caller then compares the fields it meant to change.
 */
export function readBack(a: ParsedArticle, edits: readonly TextEdit[]): ParsedArticle | undefined {
  let after: string;
  try {
    after = applyEdits(a.text, edits);
  } catch {
    return undefined;
  }
  const b = parseArticle(after);
  const fa = a.frontmatter;
  const fb = b.frontmatter;
  if (!fa || fa.closeStart === undefined || !fb || fb.closeStart === undefined) return undefined;
  if (b.yamlIssues.length || b.sourceIssues.length || !a.data || !b.data) return undefined;
  if (after.slice(0, fb.contentStart) !== a.text.slice(0, fa.contentStart) || after.slice(fb.closeStart) !== a.text.slice(fa.closeStart)) return undefined;
  return b;
}

/** Two values as the site would see them: equal when their JSON is. */
export const sameValue = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);
