/**
 * Message templates: `{0}` … are filled with the arguments, and `{0, plural, one {# file}
 * other {# files}}` picks the form the language's rules (Intl.PluralRules) give the number,
 * `#` standing for it — ICU MessageFormat's plural, the part of it these messages need.
 */

const rulesByLang = new Map<string, Intl.PluralRules>();

function pluralRules(lang: string): Intl.PluralRules {
  let r = rulesByLang.get(lang);
  if (!r) rulesByLang.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

/** Categories already given, per language and number: a check names counts in thousands of messages. */
const categories = new Map<string, Map<number, Intl.LDMLPluralRule>>();

/** The plural category of a number in a language: `one` or `other` for English and Swedish. */
export function pluralCategory(lang: string, n: number): Intl.LDMLPluralRule {
  let known = categories.get(lang);
  if (!known) categories.set(lang, (known = new Map()));
  let c = known.get(n);
  if (c === undefined) {
    if (known.size > 1000) known.clear();
    known.set(n, (c = pluralRules(lang).select(n)));
  }
  return c;
}

/** The text of the `{`…`}` group starting at `open`, and the index after its closing brace. */
function group(s: string, open: number): { body: string; next: number } | undefined {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return { body: s.slice(open + 1, i), next: i + 1 };
  }
  return undefined;
}

/**
 * A template read into its parts: text as it is, a `{n}` placeholder, or a plural with its
 * forms; `raw` is the placeholder as written, kept where its argument is missing or no number.
 */
type Part = string | { arg: number; raw: string } | { plural: number; raw: string; options: Map<string, string> };

/** Templates already read: a message's template is read once, not at every message. */
const parsed = new Map<string, Part[]>();

function partsOf(template: string): Part[] {
  let parts = parsed.get(template);
  if (parts) return parts;
  parts = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    if (open > i) parts.push(template.slice(i, open));
    const g = group(template, open);
    if (!g) {
      parts.push(template.slice(open));
      i = template.length;
      break;
    }
    i = g.next;
    const simple = /^(\d+)$/.exec(g.body);
    if (simple) {
      parts.push({ arg: +simple[1], raw: `{${g.body}}` });
      continue;
    }
    const plural = /^(\d+),\s*plural,\s*/.exec(g.body);
    if (!plural) {
      parts.push(`{${g.body}}`);
      continue;
    }
    // Options: `=0 {…}`, `one {…}`, `other {…}`.
    const options = new Map<string, string>();
    let k = plural[0].length;
    while (k < g.body.length) {
      const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*/.exec(g.body.slice(k));
      if (!m || g.body[k + m[0].length] !== '{') break;
      const opt = group(g.body, k + m[0].length);
      if (!opt) break;
      options.set(m[1], opt.body);
      k = opt.next;
    }
    parts.push({ plural: +plural[1], raw: `{${g.body}}`, options });
  }
  if (i < template.length) parts.push(template.slice(i));
  // Plural forms with their number filled in are templates too: many, so the cache is bounded.
  if (parsed.size > 2000) parsed.clear();
  parsed.set(template, parts);
  return parts;
}

/** Fills a template for a language (see the module comment). Unknown placeholders stay as written. */
export function fillTemplate(lang: string, template: string, args: readonly (string | number)[]): string {
  let out = '';
  for (const part of partsOf(template)) {
    if (typeof part === 'string') out += part;
    else if ('arg' in part) {
      const v = args[part.arg];
      out += v !== undefined ? String(v) : part.raw;
    } else {
      const v = args[part.plural];
      if (typeof v !== 'number') {
        out += part.raw;
        continue;
      }
      const { options } = part;
      const form = options.get(`=${v}`) ?? options.get(pluralCategory(lang, v)) ?? options.get('other') ?? '';
      out += fillTemplate(lang, form.replace(/#/g, String(v)), args);
    }
  }
  return out;
}
