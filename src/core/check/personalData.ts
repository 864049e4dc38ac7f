import type { CheckContext } from './context';

export type PersonalDataKind = 'personnummer' | 'phone' | 'email';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

// YYMMDD or YYYYMMDD, an optional - or +, four digits; no digit or hyphen-digit on either side.
const PNR_RE = /(?<![\d+-])((?:19|20)?\d{6})([-+]?)(\d{4})(?![\d])/g;
// Swedish numbers: 0 or +46/0046, then 7–9 digits, in groups separated by single spaces or hyphens.
const PHONE_RE = /(?<![\w+.,/-])(?:\+46|0046|0)(?:[ -]?\(0\))?[ -]?[1-9](?:[ -]?\d){6,8}(?![\d])/g;
// The look-behind holds every character of the local part, so a match starts only where a run of
// them starts (with `%` missing, `%%%…` made the scan quadratic).
const EMAIL_RE = /(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-])/g;

/** Luhn check over the ten digits YYMMDDNNNC. */
export function luhnValid(ten: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = ten.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function plausibleDate(yymmdd: string): boolean {
  const m = +yymmdd.slice(2, 4);
  let d = +yymmdd.slice(4, 6);
  if (d > 60) d -= 60; // samordningsnummer
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** Each match of a global regex in a text (as `matchAll`, without the copy of the regex it makes every call). */
function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

/** Finds personnummer (valid date and Luhn digit), Swedish phone numbers and e-mail addresses in a text. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const out: PersonalDataMatch[] = [];
  const taken: [number, number][] = [];
  // Cheap tests first: most texts hold no run of digits long enough, and no '@'.
  const digits = /\d{2}/.test(text);
  for (const m of digits ? matches(PNR_RE, text) : []) {
    const date = m[1];
    const ten = date.slice(-6) + m[3];
    if (!plausibleDate(date.slice(-6)) || !luhnValid(ten)) continue;
    const s = m.index;
    out.push({ kind: 'personnummer', start: s, end: s + m[0].length });
    taken.push([s, s + m[0].length]);
  }
  for (const m of digits ? matches(PHONE_RE, text) : []) {
    const s = m.index;
    const e = s + m[0].length;
    if (taken.some(([a, b]) => s < b && e > a)) continue;
    out.push({ kind: 'phone', start: s, end: e });
  }
  for (const m of text.includes('@') ? matches(EMAIL_RE, text) : []) {
    const s = m.index;
    out.push({ kind: 'email', start: s, end: s + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Personal data in the question, the answer and patientName, each at its exact span. */
export function checkPersonalData(ctx: CheckContext): void {
  if (!ctx.on('personal-data')) return;
  const { article } = ctx;
  const spans: [number, number][] = [];
  for (const key of ['question', 'patientName']) {
    const f = article.fields.get(key);
    if (f && f.valueEnd > f.valueStart) spans.push([f.valueStart, f.valueEnd]);
  }
  if (article.frontmatter) spans.push([article.bodyStart, article.text.length]);
  for (const [from, to] of spans) {
    for (const m of findPersonalData(article.text.slice(from, to))) {
      const key = m.kind === 'personnummer' ? 'pii-personnummer' : m.kind === 'phone' ? 'pii-phone' : 'pii-email';
      ctx.report('personal-data', from + m.start, from + m.end, ctx.msg(key));
    }
  }
}
