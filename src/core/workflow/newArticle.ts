import { doubleQuoted } from '../yaml/quote';

/** What a new article is made of; everything else gets the house defaults. */
export interface NewArticleInput {
  title: string;
  category: string;
  topic?: string;
  /** The patient's question; may hold line breaks. Empty: a placeholder line. */
  question?: string;
  author?: string;
  /** The article's date; today when omitted. */
  date?: Date;
  eol?: string;
}

/** Placeholder written when no question was pasted, so the file is valid and the gap is visible. */
export const QUESTION_PLACEHOLDER = 'Klistra in patientens fråga här.';

/** A YAML double-quoted scalar for any string (the one quoting rule of src/core/yaml/quote.ts). */
export function yamlQuote(s: string): string {
  return doubleQuoted(s);
}

/** `YYYY-MM-DD` in local time, as the date of an answer is meant. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The lines of a `question: |` block: trimmed of blank edges and trailing spaces, tabs expanded. */
function questionLines(q: string | undefined): string[] {
  const lines = (q ?? '').replace(/\t/g, '  ').split(/\r\n|\r|\n/).map((l) => l.trimEnd());
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.length ? lines : [QUESTION_PLACEHOLDER];
}

/**
 * The text of a new, unanswered article that passes the site's build: every required field,
 * an unquoted date, `published: false`, `status: "obesvarad"`, the question as a `|` block and
 * an answer skeleton ending in the summary block. `cursor` is the offset where the answer goes.
 */
export function newArticleText(input: NewArticleInput): { text: string; cursor: number } {
  const eol = input.eol ?? '\n';
  const q = questionLines(input.question);
  // An explicit indentation indicator keeps a question whose first line is indented readable as YAML.
  const indicator = /^\s/.test(q[0]) ? '|2' : '|';
  const fm = [
    '---',
    `title: ${yamlQuote(input.title.trim())}`,
    `category: ${yamlQuote(input.category)}`,
    ...(input.topic?.trim() ? [`topic: ${yamlQuote(input.topic.trim())}`] : []),
    'tags: []',
    `date: ${isoDate(input.date ?? new Date())}`,
    ...(input.author?.trim() ? [`author: ${yamlQuote(input.author.trim())}`] : []),
    'published: false',
    'status: "obesvarad"',
    `question: ${indicator}`,
    ...q.map((l) => (l === '' ? '' : '  ' + l)),
    '---',
    '',
  ].join(eol);
  // A blank line before the empty bullet: "- " right below the label would make the label a heading.
  const text = fm + eol + eol + eol + '**Sammanfattning:**' + eol + eol + '- ' + eol;
  return { text, cursor: fm.length + eol.length };
}
