/** One topic of the site's topic list: a topic page `/fraga-doktorn/<bodyPart>/<id>` exists for it. */
export interface SiteTopic {
  id: string;
  title: string;
  shortTitle?: string;
  description: string;
  /** The topic group the site files it under (its `category`: smärtlokalisation, diagnoser …). */
  group: string;
  /** The article `category` whose articles the topic page lists (axel, kna, armbage). */
  bodyPart: string;
  /** 1-based line in the file it came from, when known. */
  line?: number;
}

/** One condition page the Q&A pages know, keyed by its path in `conditions`. */
export interface SiteCondition {
  title: string;
  shortDescription: string;
  url: string;
}

/** Why a site file could not be used. */
export type SiteProblem =
  /** A file named in the config does not exist. */
  | 'missing'
  /** Not valid TypeScript/JavaScript/JSON/YAML. */
  | 'syntax'
  /** No list of the expected name was found. */
  | 'no-list'
  /** A value is computed by code, so it cannot be known without running the file. */
  | 'computed'
  /** An entry lacks a field the site needs, or has one of the wrong kind. */
  | 'bad-entry'
  /** Too large, binary or not UTF-8. */
  | 'unreadable';

/** One site file (or inline list) that could not be read; the rules that need it stay off. */
export interface SiteLoadError {
  what: 'topics' | 'conditions';
  /** The file as the user names it (relative to the project), or `.qa-articles.json` for an inline list. */
  file: string;
  line?: number;
  problem: SiteProblem;
  /** The field or name the problem is about (e.g. `id`), when there is one. */
  detail?: string;
}

/**
 * What the site itself knows: its topic pages and condition pages. A list is undefined when
 * it is not known (no file, or one that could not be read); rules that need it are then quiet.
 */
export interface SiteKnowledge {
  topics?: readonly SiteTopic[];
  /** Labels of the topic groups (`diagnoser` → "Diagnoser"), in the site's order. */
  topicGroups: Record<string, string>;
  /** Labels of the body parts (`kna` → "Knä"). */
  bodyParts: Record<string, string>;
  conditions?: Readonly<Record<string, SiteCondition>>;
  /** Where the lists were read from, for messages. */
  topicsFile?: string;
  conditionsFile?: string;
  errors: SiteLoadError[];
}

/** Where one of the site's lists comes from, as the host found it. */
export type SiteSource =
  /** A file's text; `text` undefined when the file does not exist. `explicit` when the config named it. */
  | { kind: 'file'; file: string; text: string | undefined; explicit: boolean }
  /** A list written in `.qa-articles.json` itself. */
  | { kind: 'inline'; value: unknown; file: string };

export const EMPTY_SITE: SiteKnowledge = { topicGroups: {}, bodyParts: {}, errors: [] };
