import { DEFAULT_CONFIG, type ProjectConfig } from '../config';
import type { CorpusIndex } from '../corpus';
import type { Lang } from '../i18n/messages';
import type { SiteKnowledge } from '../site/types';
import type { ParsedArticle } from '../parse';
import type { Problem, Severity } from '../types';
import { bodyHead, bodyHtml, isEmpty, parseBody, type ParsedBody } from './blocks';
import { answerImagesHtml, type ImageHost } from './images';
import { findSummaryBlock, type SummaryBlock } from '../document/summary';
import { blockEnd, md, summarySpan, type RenderEnv } from './markdown';
import { pageCss } from './page.css';
import { breadcrumbHtml, conditionBoxHtml, heroTopic, knownCondition, pageUrl, relatedHtml, serpHtml, tagClashFinder, tagPageTitle } from './sitePage';
import { categoryLabels, lookup, site, statusLabels, ui } from './strings';
import { charCount, escapeHtml, formatSwedishDate, isoDate, lixOf, type LixCounts } from './text';

export interface RenderOptions extends ImageHost {
  /** Language of the editor aids (problems, readability); the page itself is always Swedish. */
  lang?: Lang;
  /** Problems to list above the page. Leave undefined to show no problems panel at all. */
  problems?: readonly Problem[];
  /** Show the readability line (LIX, title and description lengths). Default true. */
  readability?: boolean;
  /** The house-style limits in force (the project's config); the defaults otherwise. */
  limits?: Limits;
  /** Category labels (the schema's `x-enum-labels`); the site's own otherwise. */
  categoryLabels?: Record<string, string>;
  /** Links with `data-href` instead of `href`, for a host that opens them itself (see `RenderEnv`). */
  hostLinks?: boolean;
  /** The site's topic and condition lists: the breadcrumb, pill and "Fördjupning" box of a known condition. */
  site?: SiteKnowledge;
  /** The corpus: "Fler frågor om …" and tag pages that two spellings would share. */
  index?: CorpusIndex;
  /** The article's file: its page address, and left out of its own related questions. */
  file?: string;
  /** The page title suffix and the site's address (the search-result preview). */
  config?: Partial<Pick<ProjectConfig, 'pageTitleSuffix' | 'siteUrl'>>;
  /** renderPage: the sources its CSP lets images load from besides `data:`, for `imageSrc`'s addresses (the CLI's `file:`). */
  imageCsp?: string;
}

/** Title and description limits, as the project's config sets them. */
export interface Limits {
  titleMax: number;
  descriptionMin: number;
  descriptionMax: number;
}

export interface WebviewOptions extends RenderOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce per render, [A-Za-z0-9+/=] only. */
  nonce: string;
  scriptUri?: string;
  styleUris?: string[];
  /** The user's own stylesheets (qaArticles.previewStylesheet), loaded last so they win. */
  extraStylesheetUris?: string[];
  /**
   * The page body, when the host has rendered it already (renderArticle with `hostLinks`, or
   * renderArticleHead); rendered here otherwise.
   */
  body?: string;
}

export const TITLE_MAX = DEFAULT_CONFIG.titleMax;
export const DESCRIPTION_MIN = DEFAULT_CONFIG.descriptionMin;
export const DESCRIPTION_MAX = DEFAULT_CONFIG.descriptionMax;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Text of a scalar frontmatter value; undefined for anything a reader could not be shown. */
function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return isoDate(v) || undefined;
  return undefined;
}

function fieldLine(article: ParsedArticle, key: string): number | undefined {
  const f = article.fields.get(key);
  return f ? article.lines.positionAt(f.keyStart).line : undefined;
}

function lineAttr(line: number | undefined): string {
  return line === undefined ? '' : ` data-line="${line}"`;
}

function dateHtml(v: unknown, line: number | undefined): string {
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    return `<time data-qa="date" datetime="${isoDate(v)}"${lineAttr(line)}>${escapeHtml(formatSwedishDate(v))}</time>`;
  }
  // A quoted date is a build error; showing it raw rather than prettified keeps that visible.
  const s = scalar(v);
  return s ? `<span data-qa="date" class="qa-invalid"${lineAttr(line)}>${escapeHtml(s)}</span>` : '';
}

/** Question text with its paragraphs and line breaks, as the patient wrote it. */
function questionHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n/)
    .map((p) => `<p>${p.split('\n').map((l) => escapeHtml(l.trim())).join('<br>')}</p>`)
    .join('\n');
}

/** The answer blocks with the summary lifted into the key-points box. */
function answerHtml(body: ParsedBody, lineOffset: number, block: SummaryBlock | undefined, hostLinks: boolean): string {
  if (!block) return bodyHtml(body, lineOffset, hostLinks);
  const env: RenderEnv = { hostLinks };
  // The summary lies within one segment (no cut falls between a label and its list).
  return bodyHtml(body, lineOffset, hostLinks, block.labelLine - lineOffset, (tokens, base) => {
    const span = summarySpan(tokens, block, base);
    if (!span) return undefined;
    let box = `<aside class="qa-key-points" data-qa="summary"${lineAttr(block.labelLine)}>\n<p class="qa-key-points-title">${escapeHtml(site.summary)}</p>\n`;
    if (block.intro) box += `<p class="qa-key-points-intro">${md.renderInline(block.intro.replace(/^(\*\*|__)\s*$/, ''), env)}</p>\n`;
    if (span.listStart !== undefined) box += md.renderer.render(tokens.slice(span.listStart, blockEnd(tokens, span.listStart) + 1), md.options, env);
    box += '</aside>\n';
    return md.renderer.render(tokens.slice(0, span.start), md.options, env) + box + md.renderer.render(tokens.slice(span.end), md.options, env);
  });
}

/** A host may hand over problems of its own making; an unknown severity is shown as info. */
function severityOf(p: Problem): Severity {
  return Object.prototype.hasOwnProperty.call(SEVERITY_ORDER, p.severity) ? p.severity : 'info';
}

function problemsHtml(problems: readonly Problem[], lang: Lang): string {
  const sorted = [...problems].sort((a, b) => SEVERITY_ORDER[severityOf(a)] - SEVERITY_ORDER[severityOf(b)] || (a.range?.start?.line ?? 0) - (b.range?.start?.line ?? 0));
  const count = problems.length === 0 ? ui(lang, 'noProblems') : problems.length === 1 ? ui(lang, 'problemCount1') : ui(lang, 'problemCountN', problems.length);
  const worst = sorted[0] ? severityOf(sorted[0]) : 'none';
  const items = sorted
    .map((p) => {
      const line = Math.max(0, p.range?.start?.line ?? 0);
      const sev = severityOf(p);
      return (
        `<li class="qa-problem qa-sev-${sev}" data-qa="problem" data-line="${line}" data-rule="${escapeHtml(p.rule)}">` +
        `<span class="qa-sev">${escapeHtml(ui(lang, sev))}</span> <span class="qa-problem-line">${escapeHtml(ui(lang, 'line', line + 1))}</span> ` +
        `<span class="qa-problem-message">${escapeHtml(p.message)}</span></li>`
      );
    })
    .join('\n');
  return (
    `<section class="qa-problems qa-worst-${worst}" data-qa="problems" aria-label="${escapeHtml(ui(lang, 'problems'))}">\n` +
    `<p class="qa-problems-count" data-qa="problem-count" data-count="${problems.length}">${escapeHtml(count)}</p>\n` +
    (items ? `<ul class="qa-problem-list">\n${items}\n</ul>\n` : '') +
    '</section>\n'
  );
}

/**
 * LIX counts without the `**Sammanfattning:**` label: it is a label, not the writer's text, and
 * a new article whose answer is only the skeleton has no text to score.
 */
function withoutSummaryLabel(counts: LixCounts, label: LixCounts | undefined): LixCounts {
  if (!label) return counts;
  return { words: counts.words - label.words, sentences: Math.max(0, counts.sentences - label.sentences), longWords: counts.longWords - label.longWords };
}

/** `counts` undefined: the answer is not all read yet (a first part shown before the whole page). */
function readabilityHtml(article: ParsedArticle, counts: LixCounts | undefined, lang: Lang, limits: Limits): string {
  const { titleMax: TITLE_MAX, descriptionMin: DESCRIPTION_MIN, descriptionMax: DESCRIPTION_MAX } = limits;
  const data = article.data ?? {};
  const parts: string[] = [];
  const r = counts && lixOf(counts);
  if (!r) parts.push(`<span data-qa="lix" data-pending="true">${escapeHtml(ui(lang, 'lixPending'))}</span>`);
  else if (r.words === 0) parts.push(`<span data-qa="lix">${escapeHtml(ui(lang, 'lixEmpty'))}</span>`);
  else {
    parts.push(
      `<span data-qa="lix" data-score="${Math.round(r.score)}" title="${escapeHtml(ui(lang, 'wordsSentences', r.words, r.sentences, r.longWords))}">` +
        `${escapeHtml(ui(lang, 'lix', Math.round(r.score), ui(lang, r.band)))}</span>`,
    );
  }
  const title = typeof data.title === 'string' ? charCount(data.title) : 0;
  const titleState = title > TITLE_MAX ? 'tooLong' : 'ok';
  parts.push(`<span data-qa="title-length" class="qa-${titleState}">${escapeHtml(ui(lang, 'titleLength', title, TITLE_MAX))} – ${escapeHtml(ui(lang, titleState))}</span>`);
  if (typeof data.description === 'string') {
    const n = charCount(data.description);
    const state = n < DESCRIPTION_MIN ? 'tooShort' : n > DESCRIPTION_MAX ? 'tooLong' : 'ok';
    parts.push(`<span data-qa="description-length" class="qa-${state}">${escapeHtml(ui(lang, 'descriptionLength', n, DESCRIPTION_MIN, DESCRIPTION_MAX))} – ${escapeHtml(ui(lang, state))}</span>`);
  } else {
    parts.push(`<span data-qa="description-length" class="qa-tooShort">${escapeHtml(ui(lang, 'noDescription'))}</span>`);
  }
  return `<p class="qa-readability" data-qa="readability" aria-label="${escapeHtml(ui(lang, 'readability'))}">${parts.join(' <span class="qa-sep">·</span> ')}</p>\n`;
}

function tagsHtml(tags: unknown, line: number | undefined, index: CorpusIndex | undefined, lang: Lang): string {
  const list = (Array.isArray(tags) ? tags : tags === undefined || tags === null ? [] : [tags]).map(scalar).filter((t): t is string => !!t);
  if (list.length === 0) return '';
  const clashes: string[] = [];
  const clashesOf = tagClashFinder(list, index);
  const chips = list.map((t) => {
    const others = clashesOf(t);
    if (others.length === 0) return `<li class="qa-chip">${escapeHtml(t)}</li>`;
    const note = ui(lang, 'tagClash', t, tagPageTitle(t), others.map((o) => `"${o}"`).join(', '));
    clashes.push(note);
    return `<li class="qa-chip qa-chip-clash" title="${escapeHtml(note)}">${escapeHtml(t)}</li>`;
  });
  const notes = clashes.length
    ? `<div class="qa-tag-clash" data-qa="tag-clash"><p>${escapeHtml(ui(lang, 'tagClashNote'))}</p><ul>${clashes.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul></div>\n`
    : '';
  return (
    `<section class="qa-tags qa-side-box"${lineAttr(line)}>\n<h3 class="qa-tags-heading">${escapeHtml(site.relatedTopics)}</h3>\n` +
    `<ul class="qa-chips" data-qa="tags">${chips.join('')}</ul>\n${notes}</section>\n`
  );
}

/** The truthful banner: an unpublished article is left out of the lists, but its page is still built at its address. */
function statusHtml(data: Record<string, unknown>, line: number | undefined, address: string): string {
  const lines: string[] = [];
  if (data.published === false) lines.push(`<p class="qa-unpublished" data-qa="unpublished">${escapeHtml(site.unpublished)} <span class="qa-address">${escapeHtml(address)}</span></p>`);
  const status = scalar(data.status);
  if (status) {
    const known = lookup(statusLabels, status);
    lines.push(`<p class="qa-workflow${known ? ` qa-workflow-${status}` : ' qa-invalid'}">${escapeHtml(site.statusPrefix)} ${escapeHtml(known ?? status)}</p>`);
  }
  if (lines.length === 0) return '';
  return `<div class="qa-status" data-qa="status" role="status"${lineAttr(line)}>${lines.join('')}</div>\n`;
}

/**
 * The page body for an article: editor aids (problems, readability, the search result) above
 * the page as a reader sees it, laid out as the site lays it out. Never throws: whatever the
 * article lacks is left out or shown as missing.
 */
export function renderArticle(article: ParsedArticle, opts: RenderOptions = {}): string {
  const bodyLine = article.lines.positionAt(article.bodyStart).line;
  return render(article, opts, bodyLine, findSummaryBlock(article.lines, article.bodyStart));
}

/** How much of a long answer a first render shows (characters): a few screens. */
export const HEAD_CHARS = 16_000;

/**
 * The page with only the first part of a long answer (about `HEAD_CHARS`), for a preview to
 * show at once and replace with `renderArticle`'s page right after: the LIX line says it is
 * still counting, and a note where the answer breaks off says the rest is coming. What it shows
 * is the page's own start, and the segments it parses are cached for the whole render.
 * Undefined when the answer is short enough to render whole at once.
 */
export function renderArticleHead(article: ParsedArticle, opts: RenderOptions = {}): string | undefined {
  const bodyLine = article.lines.positionAt(article.bodyStart).line;
  let head: string | undefined;
  try {
    head = bodyHead(article.body, HEAD_CHARS);
  } catch {
    return undefined;
  }
  return head === undefined ? undefined : render(article, opts, bodyLine, findSummaryBlock(article.lines, article.bodyStart), head);
}

/** The page; with `head`, the first part of the answer only (see renderArticleHead). */
function render(article: ParsedArticle, opts: RenderOptions, bodyLine: number, block: SummaryBlock | undefined, head?: string): string {
  const lang = opts.lang ?? 'en';
  const data = article.data ?? {};
  let body: ParsedBody;
  let counts: LixCounts | undefined;
  try {
    body = parseBody(head ?? article.body, bodyLine);
    counts = head === undefined ? withoutSummaryLabel(body.counts, body.label) : undefined;
  } catch {
    body = { counts: { words: 0, sentences: 0, longWords: 0 }, parts: [], raw: false };
    counts = body.counts;
  }

  const title = scalar(data.title);
  const categoryRaw = scalar(data.category);
  const author = scalar(data.author);
  const patientName = scalar(data.patientName);
  const age = scalar(data.patientAge);
  const question = typeof data.question === 'string' ? data.question : scalar(data.question);
  const description = typeof data.description === 'string' && data.description.trim() !== '' ? data.description : undefined;
  const siteUrl = opts.config?.siteUrl ?? DEFAULT_CONFIG.siteUrl;
  const condition = knownCondition(opts.site, data.relatedCondition);
  const conditionLine = lineAttr(fieldLine(article, 'relatedCondition'));

  let out = '';
  if (opts.problems || opts.readability !== false) {
    out += '<div class="qa-tools" data-qa="tools">\n';
    if (opts.problems) out += problemsHtml(opts.problems, lang);
    if (opts.readability !== false) out += readabilityHtml(article, counts, lang, opts.limits ?? DEFAULT_CONFIG);
    out += serpHtml({ title, description, category: categoryRaw, file: opts.file, data, suffix: opts.config?.pageTitleSuffix ?? DEFAULT_CONFIG.pageTitleSuffix, siteUrl, lang });
    out += '</div>\n';
  }

  out += `<article class="qa-page" data-body-part="${categoryRaw && lookup(categoryLabels, categoryRaw) ? categoryRaw : 'axel'}" lang="sv">\n`;
  out += statusHtml(data, fieldLine(article, 'published') ?? fieldLine(article, 'status'), pageUrl(siteUrl, opts.file, data));

  out += '<header class="qa-header qa-hero">\n';
  const named = heroTopic(condition, data.topic);
  const namedLine = condition ? conditionLine : named ? lineAttr(fieldLine(article, 'topic')) : lineAttr(fieldLine(article, 'category'));
  out += breadcrumbHtml(categoryRaw, named, namedLine);
  if (named) out += `<p class="qa-pill" data-qa="pill"${namedLine}>${escapeHtml(named)}</p>\n`;
  else if (categoryRaw) {
    const known = lookup(opts.categoryLabels ?? categoryLabels, categoryRaw);
    out += `<p class="qa-pill qa-category${known ? '' : ' qa-invalid'}" data-qa="category"${lineAttr(fieldLine(article, 'category'))}>${escapeHtml(known ?? categoryRaw)}</p>\n`;
  }
  out += title
    ? `<h1 class="qa-title" data-qa="title"${lineAttr(fieldLine(article, 'title'))}>${escapeHtml(title)}</h1>\n`
    : `<h1 class="qa-title qa-missing" data-qa="title">${escapeHtml(site.noTitle)}</h1>\n`;
  const meta = [dateHtml(data.date, fieldLine(article, 'date')), author ? `<span data-qa="author"${lineAttr(fieldLine(article, 'author'))}>${escapeHtml(author)}</span>` : ''].filter(Boolean);
  if (meta.length) out += `<p class="qa-meta">${meta.join(' <span class="qa-sep" aria-hidden="true">·</span> ')}</p>\n`;
  out += '</header>\n';

  out += '<div class="qa-columns">\n<div class="qa-main">\n';
  const asker = (patientName ?? site.patient) + (age ? `, ${age} ${site.years}` : '');
  out += `<section class="qa-box qa-question"${lineAttr(fieldLine(article, 'question'))}>\n`;
  out += `<h2 class="qa-box-heading"><span class="qa-avatar" aria-hidden="true"></span><span class="qa-who"><span class="qa-name" data-qa="asker">${escapeHtml(asker)}</span> <span class="qa-verb">${escapeHtml(site.asks)}</span></span></h2>\n`;
  out += question
    ? `<div class="qa-question-text" data-qa="question">\n${questionHtml(question)}\n</div>\n`
    : `<div class="qa-question-text qa-missing" data-qa="question"><p>${escapeHtml(site.noQuestion)}</p></div>\n`;
  out += '</section>\n';

  out += `<section class="qa-box qa-answer" data-line="${bodyLine}">\n`;
  out += author
    ? `<h2 class="qa-box-heading"><span class="qa-avatar" aria-hidden="true"></span><span class="qa-who"><span class="qa-name" data-qa="answerer">${escapeHtml(author)}</span> <span class="qa-verb">${escapeHtml(site.answers)}</span></span></h2>\n`
    : `<h2 class="qa-box-heading"><span class="qa-who"><span class="qa-name">${escapeHtml(site.answerHeading)}</span></span></h2>\n`;
  const answer = !isEmpty(body) ? answerImagesHtml(answerHtml(body, bodyLine, block, opts.hostLinks === true), opts, lang) : '';
  const more = head === undefined ? '' : `<p class="qa-missing" data-qa="answer-more" role="status">${escapeHtml(ui(lang, 'answerMore'))}</p>\n`;
  out += answer
    ? `<div class="qa-answer-text" data-qa="answer">\n${answer}${more}</div>\n`
    : `<div class="qa-answer-text qa-missing" data-qa="answer"><p>${escapeHtml(site.noAnswer)}</p></div>\n`;
  out += '</section>\n';
  if (condition) out += conditionBoxHtml(condition, conditionLine);
  out += '</div>\n<div class="qa-side">\n';
  out += tagsHtml(data.tags, fieldLine(article, 'tags'), opts.index, lang);
  out += '</div>\n</div>\n';
  out += relatedHtml(opts.index, opts.file, categoryRaw, data);
  out += '</article>\n';
  return out;
}

function pageTitle(article: ParsedArticle): string {
  return scalar(article.data?.title) ?? site.noTitle;
}

/**
 * A standalone HTML document: styles inline, no scripts, and a CSP that forbids every fetch
 * (but images from `imageCsp`), so an exported page opened in a browser cannot call home or run anything.
 */
export function renderPage(article: ParsedArticle, opts: RenderOptions = {}): string {
  const images = opts.imageCsp ? ' ' + opts.imageCsp.replace(/[;"<>\r\n]/g, '') : '';
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:${images}; base-uri 'none'; form-action 'none'`;
  return (
    '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(pageTitle(article))}</title>\n<style>\n${pageCss}\n</style>\n</head>\n` +
    `<body class="qa-standalone">\n${renderArticle(article, opts)}</body>\n</html>\n`
  );
}

/** The full webview document: nothing but the extension's own files and nonce'd code may load. */
export function renderWebviewHtml(article: ParsedArticle, opts: WebviewOptions): string {
  const nonce = opts.nonce.replace(/[^A-Za-z0-9+/=_-]/g, '');
  const src = opts.cspSource.replace(/[;"<>\r\n]/g, '');
  // Style attributes (an answer's raw HTML boxes) apply; `<style>` elements only with the nonce.
  const csp = `default-src 'none'; img-src ${src} data:; style-src ${src} 'nonce-${nonce}'; style-src-attr 'unsafe-inline'; script-src 'nonce-${nonce}'`;
  const links = [...(opts.styleUris ?? []), ...(opts.extraStylesheetUris ?? [])]
    .map((u) => `<link rel="stylesheet" href="${escapeHtml(u)}">\n`)
    .join('');
  const script = opts.scriptUri ? `<script nonce="${nonce}" src="${escapeHtml(opts.scriptUri)}"></script>\n` : '';
  return (
    '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(pageTitle(article))}</title>\n<style nonce="${nonce}">\n${pageCss}\n</style>\n${links}</head>\n` +
    `<body class="qa-webview">\n<div id="qa-root">\n${opts.body ?? renderArticle(article, { ...opts, hostLinks: true })}</div>\n${script}</body>\n</html>\n`
  );
}
