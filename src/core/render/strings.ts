import { fillTemplate } from '../i18n/plural';
import type { Lang } from '../i18n/messages';

/**
 * Words the published site shows. They are Swedish whatever the editor's language is, because
 * the preview must look like the page a reader gets.
 */
export const site = {
  asks: 'frågar',
  answers: 'svarar',
  patient: 'Patient',
  years: 'år',
  answerHeading: 'Svar',
  relatedTopics: 'Relaterade ämnen',
  summary: 'Sammanfattning',
  unpublished: 'Inte publicerad: artikeln finns inte med i webbplatsens listor (Fråga Doktorn, ämnessidor, taggsidor, Fler frågor), men sidan byggs ändå och kan nås på sin adress:',
  home: 'Hem',
  qa: 'Fråga Doktorn',
  deeper: 'Fördjupning',
  readMore: 'Läs hela artikeln',
  moreAbout: 'Fler frågor om {0}',
  /** The sentence the site writes when an article has no description: title, then the body part. */
  fallbackDescription: '{0}. Dr. Carlos Rivero Siri svarar på patientfrågor om {1}.',
  statusPrefix: 'Status:',
  noTitle: 'Utan titel',
  noQuestion: 'Ingen fråga',
  noAnswer: 'Inget svar ännu',
  image: 'Bild',
} as const;

/**
 * Topics the article page itself names as a diagnosis in its breadcrumb and pill when the
 * article has no known condition (a fixed table in the site's page, not in its data files).
 */
export const topicDiagnoses: Record<string, string> = {
  bankartskada: 'Bankartskada',
  axelluxation: 'Axelluxation',
  'axeln-ur-led': 'Axeln ur led',
  axelinstabilitet: 'Axelinstabilitet',
  instabilitet: 'Axelinstabilitet',
};

export const categoryLabels: Record<string, string> = {
  axel: 'Axel',
  kna: 'Knä',
  armbage: 'Armbåge',
  annat: 'Annat',
};

export const statusLabels: Record<string, string> = {
  obesvarad: 'Obesvarad – väntar på svar',
  utkast: 'Utkast',
  klar: 'Klar – granskad',
};

/** A table entry by a key read from an article; `constructor` and friends are not labels. */
export function lookup(table: Record<string, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export const swedishMonths = [
  'januari', 'februari', 'mars', 'april', 'maj', 'juni',
  'juli', 'augusti', 'september', 'oktober', 'november', 'december',
] as const;

/** The Swedish LIX bands, as Swedish readers and editors know them. */
export type LixBand = 'mycket lätt' | 'lätt' | 'medelsvår' | 'svår' | 'mycket svår';

/**
 * Labels of the editor aids around the page (problems, readability). These follow the
 * editor's language; messages.ts belongs to the checker, so the preview keeps its own table.
 */
const en = {
  problems: 'Problems',
  noProblems: 'No problems',
  problemCount1: '1 problem',
  problemCountN: '{0} problems',
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
  hint: 'Hint',
  line: 'Line {0}',
  readability: 'Readability',
  lix: 'LIX {0} ({1})',
  lixEmpty: 'LIX: no answer text',
  lixPending: 'LIX: counting …',
  answerMore: 'The rest of the answer is on its way …',
  wordsSentences: '{0, plural, one {# word} other {# words}}, {1, plural, one {# sentence} other {# sentences}}, {2, plural, one {# long word} other {# long words}}',
  titleLength: 'Title {0}/{1} characters',
  descriptionLength: 'Description {0} characters (aim for {1}–{2})',
  noDescription: 'No description',
  ok: 'ok',
  tooLong: 'too long',
  tooShort: 'too short',
  'mycket lätt': 'very easy',
  'lätt': 'easy',
  'medelsvår': 'medium',
  'svår': 'difficult',
  'mycket svår': 'very difficult',
  writeFailed: 'The page could not be written to {0}: {1}.',
  serp: 'In search results',
  serpCut: 'A search engine shows about {0} characters; the rest is cut.',
  serpFallback: 'No description: the site writes this sentence instead.',
  tagClash: 'The tag page for "{0}" is titled "{1}", as is the page of {2}: two pages with the same title. Use one spelling.',
  tagClashNote: 'Two tag pages with one title:',
};

export type UiKey = keyof typeof en;

const sv: Record<UiKey, string> = {
  problems: 'Problem',
  noProblems: 'Inga problem',
  problemCount1: '1 problem',
  problemCountN: '{0} problem',
  error: 'Fel',
  warning: 'Varning',
  info: 'Info',
  hint: 'Tips',
  line: 'Rad {0}',
  readability: 'Läsbarhet',
  lix: 'LIX {0} ({1})',
  lixEmpty: 'LIX: ingen svarstext',
  lixPending: 'LIX: räknas …',
  answerMore: 'Resten av svaret visas strax …',
  wordsSentences: '{0} ord, {1, plural, one {# mening} other {# meningar}}, {2, plural, one {# långt ord} other {# långa ord}}',
  titleLength: 'Titel {0}/{1} tecken',
  descriptionLength: 'Beskrivning {0} tecken (sikta på {1}–{2})',
  noDescription: 'Ingen beskrivning',
  ok: 'ok',
  tooLong: 'för lång',
  tooShort: 'för kort',
  'mycket lätt': 'mycket lätt',
  'lätt': 'lätt',
  'medelsvår': 'medelsvår',
  'svår': 'svår',
  'mycket svår': 'mycket svår',
  writeFailed: 'Sidan kunde inte skrivas till {0}: {1}.',
  serp: 'I sökresultat',
  serpCut: 'En sökmotor visar ungefär {0} tecken; resten klipps bort.',
  serpFallback: 'Ingen beskrivning: webbplatsen skriver den här meningen i stället.',
  tagClash: 'Taggsidan för "{0}" har rubriken "{1}", liksom sidan för {2}: två sidor med samma rubrik. Använd en stavning.',
  tagClashNote: 'Två taggsidor med samma rubrik:',
};

/** A UI label in the editor's language, `{0}` … filled in. */
export function ui(lang: Lang, key: UiKey, ...args: (string | number)[]): string {
  const s = (lang === 'sv' ? sv : en)[key] ?? en[key];
  return fillTemplate(lang, s, args);
}
