import type { CheckContext } from './context';
import { quoteAs, spanOf } from './corpus';
import { bodyPartLabel, nearestTopic, topicsOf } from '../site/lookup';
import { editDistance, foldKey } from '../similarity';
import type { Fix } from '../types';

/**
 * Rules that compare the article with the site's own lists: a topic that no topic page
 * lists, and a relatedCondition that is no condition page. Each is quiet while its list is
 * unknown (no file, or one that could not be read).
 */
export function checkSite(ctx: CheckContext): void {
  const site = ctx.site;
  if (!site || !ctx.article.data) return;
  if (site.topics && ctx.on('topic-no-page')) checkTopic(ctx);
  if (site.conditions && ctx.on('condition-unknown')) checkCondition(ctx);
}

function checkTopic(ctx: CheckContext): void {
  const site = ctx.site!;
  const topic = spanOf(ctx.article, ctx.article.fields.get('topic')?.node);
  const category = ctx.article.data!.category;
  if (!topic || topic.value.trim() === '' || typeof category !== 'string') return;
  const own = topicsOf(site, category);
  if (own.some((t) => t.id === topic.value)) return;
  const file = site.topicsFile ?? '';
  const part = bodyPartLabel(site, category);
  const fixOf = (id: string, title: string, preferred: boolean): Fix => ({
    title: ctx.msg('fix-topic', id, title),
    edits: [{ start: topic.start, end: topic.end, newText: quoteAs(topic.quote, id) }],
    preferred,
  });
  if (own.length === 0) {
    const parts = [...new Set((site.topics ?? []).map((t) => t.bodyPart))].map((b) => bodyPartLabel(site, b)).join(', ');
    ctx.report('topic-no-page', topic.start, topic.end, ctx.msg('topic-no-part', category, parts, file), undefined, topic.range);
    return;
  }
  const near = nearestTopic(topic.value, own);
  const fixes = near ? [fixOf(near.id, near.title, true)] : [];
  const elsewhere = site.topics!.find((t) => t.id === topic.value);
  if (elsewhere) {
    ctx.report('topic-no-page', topic.start, topic.end, ctx.msg('topic-other-part', topic.value, bodyPartLabel(site, elsewhere.bodyPart), part, file), fixes, topic.range);
    return;
  }
  if (near) ctx.report('topic-no-page', topic.start, topic.end, ctx.msg('topic-no-page', topic.value, part, file, near.id, near.title), fixes, topic.range);
  else ctx.report('topic-no-page', topic.start, topic.end, ctx.msg('topic-no-page-none', topic.value, part, file, own.length), undefined, topic.range);
}

/** Offered at most, nearest first, so the light bulb stays a short list. */
const MAX_CONDITION_FIXES = 5;

function checkCondition(ctx: CheckContext): void {
  const site = ctx.site!;
  const span = spanOf(ctx.article, ctx.article.fields.get('relatedCondition')?.node);
  if (!span || span.value.trim() === '') return;
  const known = Object.keys(site.conditions!);
  if (known.includes(span.value)) return;
  const file = site.conditionsFile ?? '';
  if (known.length === 0) {
    ctx.report('condition-unknown', span.start, span.end, ctx.msg('condition-unknown-none', span.value, file), undefined, span.range);
    return;
  }
  const w = foldKey(span.value);
  const ranked = known.map((k) => ({ k, d: editDistance(w, foldKey(k)) })).sort((a, b) => a.d - b.d || a.k.localeCompare(b.k));
  const near = ranked[0].d <= Math.max(3, Math.floor(w.length / 4));
  const fixes: Fix[] = ranked.slice(0, MAX_CONDITION_FIXES).map(({ k }, i) => ({
    title: ctx.msg('fix-topic', k, site.conditions![k].title),
    edits: [{ start: span.start, end: span.end, newText: quoteAs(span.quote, k) }],
    preferred: i === 0 && (near || known.length === 1),
  }));
  const list = known.slice(0, MAX_CONDITION_FIXES).join(', ') + (known.length > MAX_CONDITION_FIXES ? ` (+${known.length - MAX_CONDITION_FIXES})` : '');
  ctx.report('condition-unknown', span.start, span.end, ctx.msg('condition-unknown', span.value, file, list), fixes, span.range);
}
