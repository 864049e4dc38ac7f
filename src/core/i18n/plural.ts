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

/** The plural category of a number in a language: `one` or `other` for English and Swedish. */
export function pluralCategory(lang: string, n: number): Intl.LDMLPluralRule {
  return pluralRules(lang).select(n);
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

/** Fills a template for a language (see the module comment). Unknown placeholders stay as written. */
export function fillTemplate(lang: string, template: string, args: readonly (string | number)[]): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    out += template.slice(i, open);
    const g = group(template, open);
    if (!g) {
      out += template.slice(open);
      i = template.length;
      break;
    }
    i = g.next;
    const simple = /^(\d+)$/.exec(g.body);
    if (simple) {
      const v = args[+simple[1]];
      out += v !== undefined ? String(v) : `{${g.body}}`;
      continue;
    }
    const plural = /^(\d+),\s*plural,\s*/.exec(g.body);
    const v = plural ? args[+plural[1]] : undefined;
    if (!plural || typeof v !== 'number') {
      out += `{${g.body}}`;
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
    const form = options.get(`=${v}`) ?? options.get(pluralCategory(lang, v)) ?? options.get('other') ?? '';
    out += fillTemplate(lang, form.replace(/#/g, String(v)), args);
  }
  return out + template.slice(i);
}
