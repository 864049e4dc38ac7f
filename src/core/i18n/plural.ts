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

/** The categories of the counts messages give (whole numbers below 1000), by language: asking Intl costs more than the rest of a message. */
const categories = new Map<string, Intl.LDMLPluralRule[]>();

/** The plural category of a number in a language: `one` or `other` for English and Swedish. */
export function pluralCategory(lang: string, n: number): Intl.LDMLPluralRule {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return pluralRules(lang).select(n);
  let known = categories.get(lang);
  if (!known) categories.set(lang, (known = []));
  return (known[n] ??= pluralRules(lang).select(n));
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

/** A template read once: its text, `{n}` arguments and plural groups, in order. */
type Part = string | { arg: number; body: string } | { plural: number; body: string; options: Map<string, string> };

/** Templates as read (the tables' few hundred, and a caller's own): a message is filled for every problem found. */
const compiled = new Map<string, Part[]>();
const MAX_COMPILED = 1000;

function compile(template: string): Part[] {
  const parts: Part[] = [];
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
      parts.push({ arg: +simple[1], body: g.body });
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
    parts.push({ plural: +plural[1], body: g.body, options });
  }
  if (i < template.length) parts.push(template.slice(i));
  return parts;
}

/** Fills a template for a language (see the module comment). Unknown placeholders stay as written. */
export function fillTemplate(lang: string, template: string, args: readonly (string | number)[]): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = compile(template);
    if (compiled.size < MAX_COMPILED) compiled.set(template, parts);
  }
  return fill(lang, parts, args);
}

function fill(lang: string, parts: readonly Part[], args: readonly (string | number)[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('arg' in part) {
      const v = args[part.arg];
      out += v !== undefined ? String(v) : `{${part.body}}`;
    } else {
      const v = args[part.plural];
      if (typeof v !== 'number') {
        out += `{${part.body}}`;
        continue;
      }
      const o = part.options;
      const form = o.get(`=${v}`) ?? o.get(pluralCategory(lang, v)) ?? o.get('other') ?? '';
      // The form with its number in place of `#` is a template of its own (not kept: one per number).
      out += fill(lang, compile(form.replace(/#/g, String(v))), args);
    }
  }
  return out;
}
