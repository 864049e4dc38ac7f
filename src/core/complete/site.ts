import type { CorpusIndex } from '../corpus';
import { bodyPartLabel, topicsOf } from '../site/lookup';
import type { SiteKnowledge, SiteTopic } from '../site/types';
import { foldSearch } from '../similarity';
import type { CompletionEntry } from './entry';
import type { Translate } from './strings';

type Span = { start: number; end: number };

/** "1 article" / "N articles" (kept here so this module does not import completions at runtime). */
function count(n: number, t: Translate): string {
  return t('{0, plural, one {# article} other {# articles}}', n);
}

/**
 * `topic:` values from the site's own list: the topics of the article's category (all of
 * them when the category has none), grouped as the site groups them, each with its title,
 * description and how many articles use it.
 */
export function siteTopicEntries(site: SiteKnowledge, category: string | undefined, index: CorpusIndex, t: Translate, insert: (v: string) => string, span: Span): CompletionEntry[] {
  const own = category ? topicsOf(site, category) : [];
  const list = own.length ? own : [...(site.topics ?? [])];
  const groups = Object.keys(site.topicGroups);
  const groupRank = (g: string) => (groups.includes(g) ? groups.indexOf(g) : groups.length);
  return list.map((topic, i) => {
    const n = category ? index.topicsOf(category).find(([v]) => v === topic.id)?.[1] ?? 0 : index.topics.get(topic.id);
    return {
      label: topic.id,
      kind: 'topic' as const,
      description: `${topic.title} · ${count(n, t)}`,
      detail: topic.title,
      documentation: topicMarkdown(site, topic, n, t),
      insertText: insert(topic.id),
      // Typing the title or short title finds the topic too.
      filterText: [topic.id, topic.title, topic.shortTitle].filter(Boolean).map((s) => `${s} ${foldSearch(s!)}`).join(' '),
      snippet: false,
      sortText: `${String(groupRank(topic.group)).padStart(2, '0')}${String(i).padStart(4, '0')}`,
      start: span.start,
      end: span.end,
    };
  });
}

/** The site's description of a topic as Markdown: title, description, group, body part and use. */
export function topicMarkdown(site: SiteKnowledge, topic: SiteTopic, uses: number, t: Translate): string {
  const group = site.topicGroups[topic.group] ?? topic.group;
  const lines = [`**${escapeMd(topic.title)}**${topic.shortTitle ? ` (${escapeMd(topic.shortTitle)})` : ''}`];
  if (topic.description) lines.push(escapeMd(topic.description));
  lines.push(t('Topic page /fraga-doktorn/{0}/{1} · {2} · {3}', topic.bodyPart, topic.id, [bodyPartLabel(site, topic.bodyPart), group].filter(Boolean).join(', '), count(uses, t)));
  return lines.join('\n\n');
}

/** `relatedCondition:` values: the site's condition pages, each with its title and description. */
export function siteConditionEntries(site: SiteKnowledge, t: Translate, insert: (v: string) => string, span: Span): CompletionEntry[] {
  return Object.entries(site.conditions ?? {}).map(([path, c], i) => ({
    label: path,
    kind: 'value' as const,
    description: c.title,
    detail: c.title,
    documentation: `**${escapeMd(c.title)}**\n\n${escapeMd(c.shortDescription)}\n\n${t('Shown as the breadcrumb and the Fördjupning box, linking to {0}', c.url)}`,
    insertText: insert(path),
    filterText: `${path} ${c.title} ${foldSearch(c.title)}`,
    snippet: false,
    sortText: String(i).padStart(4, '0'),
    start: span.start,
    end: span.end,
  }));
}

export function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
