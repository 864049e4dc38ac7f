import type { CorpusIndex, IndexEntry } from '../corpus';
import type { Lang } from '../i18n/messages';
import { conditionOf } from '../site/lookup';
import type { SiteCondition, SiteKnowledge } from '../site/types';
import { categoryLabels, lookup, site as words, topicDiagnoses, ui } from './strings';
import { charCount, escapeHtml } from './text';
import { addressOf, pageSlug } from '../site/address';

/** Where a search engine cuts a result's title and description, in characters (about 600 px and two lines). */
export const SERP_TITLE_MAX = 60;
export const SERP_DESCRIPTION_MAX = 160;

/** The page's address on the site, shown as a search engine shows it: without the scheme (and nothing that could load). */
export function pageUrl(siteUrl: string, file: string | undefined, data?: Record<string, unknown>): string {
  return `${siteUrl.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '')}/fraga-doktorn/${pageSlug(file, data) ?? '…'}`;
}

/** The title of a tag's page, as the site makes it: hyphens as spaces, first letter upper case. */
export function tagPageTitle(tag: string): string {
  const words = tag.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Text cut at the last word boundary that fits `max` characters, with "…" when cut. */
export function cutAt(text: string, max: number): { text: string; cut: boolean } {
  if (charCount(text) <= max) return { text, cut: false };
  const chars = Array.from(text).slice(0, max - 1).join('');
  const space = chars.lastIndexOf(' ');
  return { text: (space > max / 2 ? chars.slice(0, space) : chars).trimEnd() + ' …', cut: true };
}

/** The category's name as the site writes it, or the raw value. */
export function categoryName(category: string | undefined): string | undefined {
  return category ? lookup(categoryLabels, category) ?? category : undefined;
}

/** The search-result preview: the page title as the site writes it, the address and the description, cut as a search engine cuts them. */
export function serpHtml(o: { title?: string; description?: string; category?: string; file?: string; data?: Record<string, unknown>; suffix: string; siteUrl: string; lang: Lang }): string {
  const pageTitle = `${o.title ?? words.noTitle}${o.suffix}`;
  const title = cutAt(pageTitle, SERP_TITLE_MAX);
  const fallback = o.description === undefined;
  const desc = fallback ? words.fallbackDescription.replace('{0}', o.title ?? words.noTitle).replace('{1}', (categoryName(o.category) ?? '').toLowerCase()) : o.description!;
  const d = cutAt(desc, SERP_DESCRIPTION_MAX);
  const notes: string[] = [];
  if (title.cut || d.cut) notes.push(ui(o.lang, 'serpCut', title.cut ? SERP_TITLE_MAX : SERP_DESCRIPTION_MAX));
  if (fallback) notes.push(ui(o.lang, 'serpFallback'));
  return (
    `<section class="qa-serp" data-qa="serp" aria-label="${escapeHtml(ui(o.lang, 'serp'))}">\n` +
    `<p class="qa-serp-label">${escapeHtml(ui(o.lang, 'serp'))}</p>\n` +
    `<p class="qa-serp-url" data-qa="serp-url">${escapeHtml(pageUrl(o.siteUrl, o.file, o.data))}</p>\n` +
    `<p class="qa-serp-title" data-qa="serp-title" title="${escapeHtml(pageTitle)}" data-full="${escapeHtml(pageTitle)}">${escapeHtml(title.text)}</p>\n` +
    `<p class="qa-serp-description${fallback ? ' qa-serp-fallback' : ''}" data-qa="serp-description">${escapeHtml(d.text)}</p>\n` +
    (notes.length ? `<p class="qa-serp-note">${escapeHtml(notes.join(' '))}</p>\n` : '') +
    '</section>\n'
  );
}

/** The condition page the article links to, when the site knows it. */
export function knownCondition(site: SiteKnowledge | undefined, value: unknown): SiteCondition | undefined {
  return conditionOf(site, value);
}

/** What the page names after "Fråga Doktorn": a known condition, else a topic the page itself names as a diagnosis, else nothing (the body part). */
export function heroTopic(condition: SiteCondition | undefined, topic: unknown): string | undefined {
  return condition?.title ?? (typeof topic === 'string' ? lookup(topicDiagnoses, topic) : undefined);
}

/** The breadcrumb of the page's hero: the condition (or diagnosis) when the page names one, else the category. */
export function breadcrumbHtml(category: string | undefined, named: string | undefined, line: string): string {
  const last = named ?? categoryName(category);
  const crumbs = [words.home, words.qa, ...(last ? [last] : [])];
  return (
    `<nav class="qa-breadcrumb" data-qa="breadcrumb"${line}>` +
    crumbs.map((c, i) => `<span class="${i === crumbs.length - 1 ? 'qa-crumb qa-crumb-current' : 'qa-crumb'}">${escapeHtml(c)}</span>`).join('<span class="qa-crumb-sep" aria-hidden="true">/</span>') +
    '</nav>\n'
  );
}

/** The "Fördjupning" box, linking to a known condition page. */
export function conditionBoxHtml(c: SiteCondition, line: string): string {
  return (
    `<aside class="qa-deeper" data-qa="condition"${line}>\n<p class="qa-deeper-label">${escapeHtml(words.deeper)}</p>\n` +
    `<h3 class="qa-deeper-title">${escapeHtml(c.title)}</h3>\n<p class="qa-deeper-text">${escapeHtml(c.shortDescription)}</p>\n` +
    `<p class="qa-deeper-more" title="${escapeHtml(c.url)}">${escapeHtml(words.readMore)} →</p>\n</aside>\n`
  );
}

/**
 * "Fler frågor om …": the first three other published articles of the same category, in the
 * order the site's build reads the collection (by file name).
 */
export function relatedHtml(index: CorpusIndex | undefined, file: string | undefined, category: string | undefined, data?: Record<string, unknown>): string {
  if (!index || !category) return '';
  // The site leaves out the article whose address is this one's (a `slug` field's, else the file's).
  const self = pageSlug(file, data);
  const address = ([f, e]: [string, IndexEntry]) => addressOf(f, e.slug);
  const related = [...index.files()]
    .filter((fe) => fe[1].published && fe[1].category === category && fe[0] !== file && address(fe) !== self)
    .sort((a, b) => address(a).localeCompare(address(b), 'en'))
    .slice(0, 3);
  if (related.length === 0) return '';
  const heading = words.moreAbout.replace('{0}', (categoryName(category) ?? category).toLowerCase());
  const cards = related
    .map(([f, e]) => `<li class="qa-related-card" data-slug="${escapeHtml(address([f, e]))}"><p class="qa-related-title">${escapeHtml(e.title ?? words.noTitle)}</p>${e.description ? `<p class="qa-related-text">${escapeHtml(e.description)}</p>` : ''}</li>`)
    .join('\n');
  return `<section class="qa-related" data-qa="related">\n<h2 class="qa-related-heading">${escapeHtml(heading)}</h2>\n<ul class="qa-related-list">\n${cards}\n</ul>\n</section>\n`;
}

/**
 * Other spellings that the site turns into a tag page with the same title (`frozen-shoulder`
 * and `frozen shoulder` are both "Frozen shoulder"), from the corpus and the article itself.
 */
export function tagClashes(tag: string, siblings: readonly string[], index: CorpusIndex | undefined): string[] {
  return tagClashFinder(siblings, index)(tag);
}

/**
 * {@link tagClashes} for every tag of one list: its tags grouped by page title once, so a list
 * of 50,000 tags is not compared with itself for each of them (that took minutes).
 */
export function tagClashFinder(siblings: readonly string[], index: CorpusIndex | undefined): (tag: string) => string[] {
  const byTitle = new Map<string, string[]>();
  for (const s of new Set(siblings)) {
    const k = tagPageTitle(s);
    const same = byTitle.get(k);
    if (same) same.push(s);
    else byTitle.set(k, [s]);
  }
  return (tag) => {
    const title = tagPageTitle(tag);
    const others = new Set([...(index?.tagSpellings(tag) ?? []).filter((o) => tagPageTitle(o) === title), ...(byTitle.get(title) ?? [])]);
    others.delete(tag);
    return [...others].sort();
  };
}
