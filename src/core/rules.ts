import type { Severity } from './types';

/** Every rule: its stable id, default severity and what it is about. One table for the CLI, the editor and the docs. */
export const RULES = {
  'frontmatter-missing': { severity: 'error', about: 'The file has no frontmatter block.' },
  'frontmatter-unclosed': { severity: 'error', about: 'The frontmatter block is never closed by `---`.' },
  'frontmatter-toml': { severity: 'warning', about: 'Fields written in TOML between `+++` lines: the site reads them, but the editor\'s help works on YAML between `---` lines.' },
  'yaml-syntax': { severity: 'error', about: 'YAML the site cannot read: bad indentation, tabs, unclosed quotes, `: ` in a plain value, invisible control characters, nesting over 100 levels, a line `...` among the fields; or fields opened with `+++` that are not TOML.' },
  'yaml-duplicate-key': { severity: 'error', about: 'A field appears twice.' },
  'yaml-type': { severity: 'error', about: 'A value of the wrong YAML type: a quoted date, boolean or number, `yes`/`no`, text where a list is needed.' },
  'yaml-empty-value': { severity: 'error', about: 'A field with no value (YAML null).' },
  'schema-required': { severity: 'error', about: 'A required field is missing.' },
  'schema-enum': { severity: 'error', about: 'A value outside the allowed list (category, status).' },
  'schema': { severity: 'error', about: 'Any other violation of the article schema.' },
  'file-unreadable': { severity: 'error', about: 'The file cannot be an article: binary data, text saved as UTF-16, a link to a pipe or device, or over the size limit.' },
  'file-left-out': { severity: 'warning', about: 'A file among the articles that the site leaves out, so it gets no page, and builds the rest: one it cannot read (no permission, a read error), or one whose name ends in another Markdown extension than `.md` (`.markdown`, `.MD`).' },
  'file-encoding': { severity: 'warning', about: 'Bytes that are not UTF-8 text, which the site shows as �; in the editor, letters outside A–Z in a file it will save in another encoding than UTF-8.' },
  'page-address': { severity: 'warning', about: 'A `slug` field, which sets the page\'s address instead of the file\'s name, or two articles with one page address (the site publishes one of them).' },
  'unknown-field': { severity: 'warning', about: 'A field the site ignores, often a typo of a known field.' },
  'published-typo': { severity: 'error', about: 'A misspelt `published` (publised: false): the site ignores it and publishes the page.' },
  'title-length': { severity: 'warning', about: 'Title longer than 60 characters.' },
  'description-length': { severity: 'warning', about: 'Description outside 120–160 characters.' },
  'summary-block': { severity: 'warning', about: 'A published answer without a **Sammanfattning:** block with at least one bullet.' },
  'tag-variant': { severity: 'warning', about: 'A tag that differs from a more common tag only by case, spaces or diacritics.' },
  'tag-duplicate': { severity: 'warning', about: 'A tag repeated in one list.' },
  'tag-joined': { severity: 'warning', about: 'One tag that holds several: `- ` lines indented unevenly (YAML joins them), or tags separated by `,` or `;` inside one item.' },
  'personal-data': { severity: 'warning', about: 'A personnummer, phone number or e-mail address in the question, answer or patientName.' },
  'patient-name': { severity: 'warning', about: 'A name the patient signs the question with (Mvh Anna, /Lisa), or the patientName value in the question or answer.' },
  'answer-signature': { severity: 'warning', about: 'A signature at the end of the answer (MVH, Dr …, /Carlos): the site shows the author itself.' },
  'published-incomplete': { severity: 'warning', about: 'A published article that is unanswered, has an empty answer or an empty question.' },
  'duplicate-title': { severity: 'warning', about: 'Another article has the same title.' },
  'answer-heading': { severity: 'warning', about: 'A heading in the answer (the house style uses none).' },
  'answer-italics': { severity: 'warning', about: 'Italics (*text*, _text_) in the answer: the site\'s guide removes them.' },
  'answer-bold': { severity: 'warning', about: 'A bold run of more than six words in the answer (the house style uses little bold).' },
  'answer-read-more': { severity: 'warning', about: 'A "Läs mer om …" link in the answer: the site adds its own "Fördjupning" box.' },
  'answer-image': { severity: 'error', about: 'An image in the answer whose file is not there, or is named with other capital letters: the site\'s build stops at it.' },
  'answer-image-broken': { severity: 'warning', about: 'An image readers would see broken: an address in the site\'s public folder with no file there, a file of a kind the site cannot show, or a % the site cannot read (the page then shows no answer).' },
  'readability-lix': { severity: 'info', about: 'An answer whose LIX readability score is above the configured limit (lixMax, default 55).' },
  'sentence-length': { severity: 'info', about: 'A sentence longer than the configured number of words (sentenceMaxWords, default 35).' },
  'date-invalid': { severity: 'warning', about: 'A date that does not exist (2017-02-30), which the site silently moves to another day.' },
  'typographic-quotes': { severity: 'warning', about: 'A value written in typographic quotes (”…”, “…”, as word processors write them), which YAML keeps as text: the page shows them.' },
  'question-folded': { severity: 'warning', about: 'A question written over several lines without `|`: YAML joins its lines, so the page loses the patient\'s line breaks.' },
  'value-comment': { severity: 'warning', about: 'A text shown on the page (title, description, author, patientName) cut short by ` #`, which YAML reads as the start of a comment.' },
  'topic-unknown': { severity: 'info', about: 'A topic no other article uses that is a near miss of a known one (a likely typo); quiet when the site\'s topic list is known.' },
  'topic-no-page': { severity: 'warning', about: 'A topic that is not one of the site\'s topics for the article\'s body part, so no topic page lists the article.' },
  'condition-unknown': { severity: 'warning', about: 'A relatedCondition that is not one of the site\'s condition pages, so the page shows no breadcrumb or Fördjupning box for it.' },
} as const satisfies Record<string, { severity: Severity; about: string }>;

export type RuleId = keyof typeof RULES;

/** A severity, or `off` to silence a rule. */
export type RuleSetting = Severity | 'off';

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}

/** The severity a rule has under the given overrides; undefined when it is off. */
export function severityOf(rule: RuleId, overrides: Partial<Record<string, RuleSetting>> | undefined): Severity | undefined {
  const s = overrides?.[rule] ?? RULES[rule].severity;
  return s === 'off' ? undefined : s;
}
