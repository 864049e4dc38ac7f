import { format, type Lang } from '../i18n/messages';
import { editDistance, foldKey } from '../similarity';
import type { SiteCondition, SiteKnowledge, SiteLoadError, SiteTopic } from './types';

/** The topics whose topic page lists articles of this category (body part), in the site's order. */
export function topicsOf(site: SiteKnowledge, bodyPart: string): SiteTopic[] {
  return (site.topics ?? []).filter((t) => t.bodyPart === bodyPart);
}

/** The site topic with this id in this body part's list, if the site has that topic page. */
export function topicPage(site: SiteKnowledge, bodyPart: string, id: string): SiteTopic | undefined {
  return site.topics?.find((t) => t.bodyPart === bodyPart && t.id === id);
}

/** The label of a body part as the site writes it (`kna` → "Knä"), else the id. */
export function bodyPartLabel(site: SiteKnowledge, bodyPart: string): string {
  return Object.prototype.hasOwnProperty.call(site.bodyParts, bodyPart) ? site.bodyParts[bodyPart] : bodyPart;
}

/** A condition the site knows, by the `relatedCondition` value. */
export function conditionOf(site: SiteKnowledge | undefined, path: unknown): SiteCondition | undefined {
  if (typeof path !== 'string' || !site?.conditions) return undefined;
  return Object.prototype.hasOwnProperty.call(site.conditions, path) ? site.conditions[path] : undefined;
}

/** Folded for comparison, hyphens and spaces alike ignored: `Axel-luxation` and `axelluxation` match. */
const squash = (s: string) => foldKey(s).replace(/-/g, '');

/**
 * The topic of `candidates` nearest to `value`, compared with each topic's id, title and
 * short title (a writer often types the name, not the id), within a distance that grows with
 * the length; undefined when none is near.
 */
export function nearestTopic(value: string, candidates: readonly SiteTopic[]): SiteTopic | undefined {
  const w = squash(value);
  if (!w) return undefined;
  // Tighter than for tags: a wrong topic is a wrong medical claim (AC-luxation is not a shoulder dislocation).
  const max = w.length <= 6 ? 1 : w.length <= 12 ? 2 : 3;
  let best: SiteTopic | undefined;
  let bestD = max + 1;
  for (const t of candidates) {
    for (const name of [t.id, t.title, t.shortTitle]) {
      if (!name) continue;
      const n = squash(name);
      // One contained in the other ("impingement" in "impingement-axel") is as near as one edit.
      const contained = Math.min(w.length, n.length) >= 5 && (n.includes(w) || w.includes(n));
      const d = contained ? Math.min(1, editDistance(w, n, max)) : editDistance(w, n, max);
      if (d < bestD) {
        bestD = d;
        best = t;
      }
    }
  }
  return best;
}

/** A load error as one sentence: which file, where, and what was expected. */
export function describeSiteError(e: SiteLoadError, lang: Lang): string {
  const where = e.line ? format(lang, 'site-where-line', e.file, e.line) : e.file;
  const expected = format(lang, e.what === 'topics' ? 'site-expected-topics' : 'site-expected-conditions');
  switch (e.problem) {
    case 'missing':
      return format(lang, 'site-missing', where, expected);
    case 'syntax':
      return format(lang, 'site-syntax', where, expected);
    case 'no-list':
      return format(lang, 'site-no-list', where, expected);
    case 'computed':
      return format(lang, 'site-computed', where, expected);
    case 'bad-entry':
      return format(lang, 'site-bad-entry', where, e.detail ?? '', expected);
    default:
      return format(lang, 'site-unreadable', where, expected);
  }
}
