import { parseDocument } from 'yaml';
import type { SiteCondition, SiteKnowledge, SiteLoadError, SiteProblem, SiteSource, SiteTopic } from './types';

/** A site file larger than this is not a list of topics: it is refused rather than parsed. */
const MAX_SITE_FILE = 2_000_000;

type Raw = { ok: true; value: Record<string, unknown>; line: number } | { ok: false; problem: SiteProblem; line?: number };

/** Raw top-level values of a site file, by extension: `.ts`/`.js` read statically, `.json`, `.yaml`. */
async function readRaw(file: string, text: string, names: readonly string[], lines: WeakMap<object, number>): Promise<Raw> {
  if (text.length > MAX_SITE_FILE || text.includes('\u0000')) return { ok: false, problem: 'unreadable' };
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  if (ext === 'json') {
    try {
      return wrap(JSON.parse(text), names);
    } catch {
      return { ok: false, problem: 'syntax' };
    }
  }
  if (ext === 'yaml' || ext === 'yml') {
    const doc = parseDocument(text, { prettyErrors: false });
    if (doc.errors.length) return { ok: false, problem: 'syntax', line: lineOf(text, doc.errors[0].pos[0]) };
    return wrap(doc.toJS(), names);
  }
  // The parser is loaded only when a site file is a script, so a CLI run without one never pays for it.
  const { readConstants } = await import('./script.js');
  const results = readConstants(text, names, !/^(?:js|mjs|cjs)$/.test(ext), lines);
  const first = results.get(names[0])!;
  if (!first.ok) return first;
  const value: Record<string, unknown> = { [names[0]]: first.value };
  for (const n of names.slice(1)) {
    const r = results.get(n);
    if (r?.ok) value[n] = r.value;
  }
  return { ok: true, value, line: first.line };
}

/** A JSON/YAML file holds the list itself, or an object with the list under its name. */
function wrap(v: unknown, names: readonly string[]): Raw {
  const isObj = v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObj && names[0] in (v as object)) return { ok: true, value: v as Record<string, unknown>, line: 1 };
  return { ok: true, value: { [names[0]]: v }, line: 1 };
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

class BadEntry extends Error {
  constructor(readonly line: number | undefined, readonly detail: string) {
    super(detail);
  }
}

/** The topics of a raw list; throws BadEntry at the first entry the site could not use. */
function topicsOf(list: unknown, lines: WeakMap<object, number>): SiteTopic[] {
  if (!Array.isArray(list)) throw new BadEntry(undefined, 'topics');
  return list.map((t) => {
    const line = isObject(t) ? lines.get(t) : undefined;
    if (!isObject(t)) throw new BadEntry(line, 'topics');
    for (const k of ['id', 'title', 'bodyPart'] as const) if (typeof t[k] !== 'string' || (t[k] as string).trim() === '') throw new BadEntry(line, k);
    for (const k of ['shortTitle', 'description', 'category'] as const) if (t[k] !== undefined && typeof t[k] !== 'string') throw new BadEntry(line, k);
    const topic: SiteTopic = { id: t.id as string, title: t.title as string, description: str(t.description) ?? '', group: str(t.category) ?? str(t.group) ?? '', bodyPart: t.bodyPart as string };
    if (typeof t.shortTitle === 'string') topic.shortTitle = t.shortTitle;
    if (line) topic.line = line;
    return topic;
  });
}

/** Conditions keyed by path, from a map (`{ "/sjukdomar/…": { title, … } }`) or a list of entries with `url`. */
function conditionsOf(raw: unknown, lines: WeakMap<object, number>): Record<string, SiteCondition> {
  const out = Object.create(null) as Record<string, SiteCondition>;
  const entries: [string | undefined, unknown][] = Array.isArray(raw) ? raw.map((c) => [isObject(c) ? str(c.url) : undefined, c]) : isObject(raw) ? Object.entries(raw) : [];
  if (!Array.isArray(raw) && !isObject(raw)) throw new BadEntry(undefined, 'conditions');
  for (const [key, c] of entries) {
    const line = isObject(c) ? lines.get(c) : undefined;
    if (!isObject(c)) throw new BadEntry(line, 'conditions');
    if (!key) throw new BadEntry(line, 'url');
    if (typeof c.title !== 'string' || c.title.trim() === '') throw new BadEntry(line, 'title');
    if (c.shortDescription !== undefined && typeof c.shortDescription !== 'string') throw new BadEntry(line, 'shortDescription');
    out[key] = { title: c.title, shortDescription: str(c.shortDescription) ?? '', url: str(c.url) ?? key };
  }
  return out;
}

function labelsOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(v)) for (const [k, l] of Object.entries(v)) if (typeof l === 'string') out[k] = l;
  return out;
}

/**
 * Reads the site's topic and condition lists from the text the host found (or the inline
 * lists of the config). Never throws and never runs any of it: a source that cannot be read
 * as such a list gives one error, and its list stays unknown.
 */
export async function loadSiteKnowledge(sources: { topics?: SiteSource; conditions?: SiteSource }): Promise<SiteKnowledge> {
  const site: SiteKnowledge = { topicGroups: {}, bodyParts: {}, errors: [] };
  const fail = (e: SiteLoadError) => site.errors.push(e);

  const t = sources.topics;
  if (t) {
    const lines = new WeakMap<object, number>();
    const raw = await rawOf(t, ['topics', 'categoryLabels', 'bodyPartLabels', 'topicGroups'], lines);
    if (raw === undefined) {
      // An absent default file: the site simply has no list here.
    } else if (!raw.ok) fail({ what: 'topics', file: t.file, line: raw.line, problem: raw.problem });
    else {
      try {
        site.topics = topicsOf(raw.value.topics, lines);
        site.topicGroups = { ...labelsOf(raw.value.categoryLabels), ...labelsOf(raw.value.topicGroups) };
        site.bodyParts = labelsOf(raw.value.bodyPartLabels);
        site.topicsFile = t.file;
      } catch (e) {
        if (!(e instanceof BadEntry)) throw e;
        fail({ what: 'topics', file: t.file, line: e.line ?? raw.line, problem: e.detail === 'topics' ? 'no-list' : 'bad-entry', detail: e.detail });
      }
    }
  }

  const c = sources.conditions;
  if (c) {
    const lines = new WeakMap<object, number>();
    const raw = await rawOf(c, ['conditions'], lines);
    if (raw === undefined) {
      // absent default file
    } else if (!raw.ok) fail({ what: 'conditions', file: c.file, line: raw.line, problem: raw.problem });
    else {
      try {
        site.conditions = conditionsOf(raw.value.conditions, lines);
        site.conditionsFile = c.file;
      } catch (e) {
        if (!(e instanceof BadEntry)) throw e;
        fail({ what: 'conditions', file: c.file, line: e.line ?? raw.line, problem: e.detail === 'conditions' ? 'no-list' : 'bad-entry', detail: e.detail });
      }
    }
  }
  return site;
}

async function rawOf(src: SiteSource, names: readonly string[], lines: WeakMap<object, number>): Promise<Raw | undefined> {
  if (src.kind === 'inline') return { ok: true, value: { [names[0]]: src.value }, line: 1 };
  if (src.text === undefined) return src.explicit ? { ok: false, problem: 'missing' } : undefined;
  return readRaw(src.file, src.text, names, lines);
}
