import type { CorpusIndex } from '../corpus';
import { topicsOf } from '../site/lookup';
import type { SiteKnowledge } from '../site/types';

/** One topic offered for a new article. */
export interface TopicChoice {
  value: string;
  /** The site's title, or the id for a topic only the articles use. */
  label: string;
  /** How many articles of the category use it. */
  uses: number;
  description?: string;
}

/** A run of choices under one heading: a topic group of the site, or the topics without a page. */
export interface TopicSection {
  /** The site's label of the group; undefined for topics the articles use that have no topic page. */
  group?: string;
  choices: TopicChoice[];
}

/**
 * The topics to offer a new article of a category: the site's topics of that body part first,
 * grouped and ordered as the site groups them, then the topics other articles of the category
 * use that have no topic page (most used first). Without the site's list, only the latter.
 */
export function topicChoices(site: SiteKnowledge | undefined, index: CorpusIndex, category: string): TopicSection[] {
  const uses = new Map(index.topicsOf(category));
  const own = site?.topics ? topicsOf(site, category) : [];
  const sections: TopicSection[] = [];
  const order = [...Object.keys(site?.topicGroups ?? {}), ...own.map((t) => t.group)];
  for (const group of [...new Set(order)]) {
    const choices = own.filter((t) => t.group === group).map((t) => ({ value: t.id, label: t.title, uses: uses.get(t.id) ?? 0, description: t.description }));
    if (choices.length) sections.push({ group: site!.topicGroups[group] ?? group, choices });
  }
  const onSite = new Set(own.map((t) => t.id));
  const rest = index.topicsOf(category).filter(([t]) => !onSite.has(t)).map(([t, n]) => ({ value: t, label: t, uses: n }));
  if (rest.length) sections.push({ choices: rest });
  return sections;
}
