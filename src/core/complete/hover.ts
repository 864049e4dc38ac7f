import { isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { CorpusIndex } from '../corpus';
import type { Lang } from '../i18n/messages';
import { parseArticle, type ParsedArticle } from '../parse';
import { fieldSchema, type ArticleSchema, type SchemaObject } from '../schema';
import { articles } from './completions';
import { describeType, englishT, fieldDescription, type Translate } from './strings';
import { topicMarkdown } from './site';
import { bodyPartLabel, conditionOf, topicPage } from '../site/lookup';
import type { SiteKnowledge } from '../site/types';

/** Hover content as Markdown and the document offsets it is about. */
export interface HoverInfo {
  markdown: string;
  start: number;
  end: number;
}

export interface HoverOptions {
  schema: ArticleSchema;
  index: CorpusIndex;
  lang: Lang;
  t?: Translate;
  /** The site's topic and condition lists, to show what the site says of a topic or condition. */
  site?: SiteKnowledge;
}

/** What to show when the pointer rests at `offset`: a field key, a tag, an enum value, a topic or an author. */
export function hoverAt(text: string, offset: number, opts: HoverOptions, parsed?: ParsedArticle): HoverInfo | undefined {
  const a = parsed ?? parseArticle(text);
  const fm = a.frontmatter;
  if (!fm || offset < fm.contentStart || offset > fm.contentEnd) return undefined;
  const t = opts.t ?? englishT;
  for (const f of a.fieldList) {
    if (offset >= f.keyStart && offset <= f.keyEnd) {
      return { markdown: keyHover(f.key, opts, t), start: f.keyStart, end: f.keyEnd };
    }
    const node = f.node;
    if (!node?.range || offset < node.range[0] || offset > node.range[1]) continue;
    if (isScalar(node)) {
      const md = valueHover(f.key, node, opts, t, a.data?.category);
      return md ? { markdown: md, start: node.range[0], end: node.range[1] } : undefined;
    }
    if (isSeq(node) && f.key === 'tags') {
      const item = (node.items as Node[]).find((n) => isScalar(n) && n.range && offset >= n.range[0] && offset <= n.range[1]) as Scalar | undefined;
      if (item && typeof item.value === 'string') return { markdown: tagHover(item.value, opts.index, t), start: item.range![0], end: item.range![1] };
    }
    return undefined;
  }
  return undefined;
}

function keyHover(key: string, opts: HoverOptions, t: Translate): string {
  const s = fieldSchema(opts.schema, key);
  if (!s) return `**${code(key)}** — ${t('unknown field: the site ignores it')}`;
  const required = opts.schema.required.includes(key);
  const parts = [`**${code(key)}** · ${required ? t('required') : t('optional')}`];
  const desc = fieldDescription(s, opts.lang);
  if (desc) parts.push(desc);
  parts.push(`${t('Type:')} ${s.enum ? t('one of') : describeType(s, t)}`);
  if (s.enum) parts.push(enumList(s, opts.lang));
  return parts.join('\n\n');
}

function enumList(s: SchemaObject, lang: Lang): string {
  return (s.enum ?? []).map((v, i) => `- ${code(String(v))}${meaning(s, String(v), i, lang)}`).join('\n');
}

/** " — Knä (Knee)" for an enum value: its label and, in English, its description. */
function meaning(s: SchemaObject, value: string, i: number, lang: Lang): string {
  const label = s['x-enum-labels']?.[value];
  const desc = lang === 'en' ? s['x-enum-descriptions']?.[i] : undefined;
  const text = label && desc ? `${label} (${desc})` : label ?? desc;
  return text ? ` — ${text}` : '';
}

function valueHover(key: string, node: Scalar, opts: HoverOptions, t: Translate, category: unknown): string | undefined {
  if (node.value === null || node.value === undefined) return undefined;
  const value = String(node.value);
  const s = fieldSchema(opts.schema, key);
  if (s?.enum) {
    const i = s.enum.map(String).indexOf(value);
    if (i < 0) return `**${code(value)}** — ${t('not allowed for {0}; use one of:', key)}\n\n${enumList(s, opts.lang)}`;
    const desc = fieldDescription(s, opts.lang);
    return `**${code(value)}**${meaning(s, value, i, opts.lang)}${desc ? `\n\n${desc}` : ''}`;
  }
  if (key === 'topic' && opts.site?.topics && typeof category === 'string') {
    const n = opts.index.topics.get(value);
    const topic = topicPage(opts.site, category, value);
    if (topic) return topicMarkdown(opts.site, topic, n, t);
    return `**${code(value)}** — ${t('no topic page: not one of the site\'s {0} topics', bodyPartLabel(opts.site, category))}`;
  }
  if (key === 'relatedCondition' && opts.site?.conditions) {
    const c = conditionOf(opts.site, value);
    if (!c) return `**${code(value)}** — ${t('not one of the site\'s condition pages: no breadcrumb and no Fördjupning box')}`;
    return `**${escapeMd(c.title)}**\n\n${escapeMd(c.shortDescription)}\n\n${t('Shown as the breadcrumb and the Fördjupning box, linking to {0}', c.url)}`;
  }
  if (key === 'topic') {
    const n = opts.index.topics.get(value);
    return `**${code(value)}** — ${n ? t('topic used in {0}', articles(n, t)) : t('topic not used in any other article yet')}`;
  }
  if (key === 'author') {
    const n = opts.index.authors.get(value);
    return n ? `**${escapeMd(value)}** — ${t('author of {0}', articles(n, t))}` : undefined;
  }
  return undefined;
}

/** A tag's use count, its other spellings and the one to prefer. */
export function tagHover(tag: string, index: CorpusIndex, t: Translate = englishT): string {
  const n = index.tags.get(tag);
  const parts = [`**${code(tag)}** — ${n ? t('used in {0}', articles(n, t)) : t('not used in any other article yet')}`];
  const variants = index.tagSpellings(tag).filter((s) => s !== tag);
  if (variants.length) {
    const list = variants
      .sort((x, y) => index.tags.get(y) - index.tags.get(x))
      .map((v) => `${code(v)} (${articles(index.tags.get(v), t)})`)
      .join(', ');
    parts.push(`${t('Other spellings:')} ${list}`);
  }
  const preferred = index.preferredTag(tag);
  if (preferred) parts.push(t('Prefer {0}, the most used spelling.', code(preferred)));
  return parts.join('\n\n');
}

function code(s: string): string {
  const ticks = /`+/.exec(s)?.[0].length ?? 0;
  const fence = '`'.repeat(ticks + 1);
  return ticks ? `${fence} ${s} ${fence}` : `${fence}${s}${fence}`;
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
