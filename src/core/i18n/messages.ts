/**
 * Every user-visible string of the core and the CLI, in English and Swedish. The editor shows
 * the same strings. `{0}`, `{1}` … are filled in by `format`.
 */
export const en = {
  // frontmatter and YAML
  'frontmatter-missing': 'No frontmatter: an article starts with a line `---`, its fields (title, category, date, question …) and another `---`.',
  'frontmatter-unclosed': 'The frontmatter opened here is never closed: add a line `---` after the last field.',
  'frontmatter-not-map': 'The frontmatter must be a list of fields, one `name: value` per line.',
  'yaml-duplicate-key': '`{0}` appears more than once: the site\'s build fails. Keep one of them.',
  'yaml-tab': 'A tab is used for indentation: YAML allows only spaces here. Replace the tab with two spaces.',
  'yaml-colon-in-value': 'The value contains ": ", which YAML reads as a new field. Put the whole value in double quotes: {0}: "{1}"',
  'yaml-unclosed-quote': 'This quote is never closed: add the closing {0} at the end of the value.',
  'yaml-indent': 'Wrong indentation: line up this line with the other fields, or indent it under the field it belongs to.',
  'yaml-syntax': 'YAML syntax error: {0}.',
  'yaml-colon-space': 'Put a space after the colon: YAML reads `{0}:{1}` as one word, not a field. Write {0}: {1}',
  'yaml-unclosed-list': 'The list opened with [ is never closed: add ] at its end.',
  'yaml-extra-bracket': 'This ] closes no list: remove it.',
  'yaml-text-after-quote': 'There is text after the closing quote. Inside double quotes write a quote as \\", or put the whole value in single quotes.',
  // YAML types
  'type-quoted-date': 'Remove the quotes: the site reads "{0}" as text and the build fails. Write {1}: {0}',
  'type-not-date': '`{0}` must be a date written as YYYY-MM-DD without quotes, e.g. {0}: 2017-08-15.',
  'type-quoted-boolean': 'Remove the quotes: the site reads "{0}" as text and the build fails. Write {1}: {0}',
  'type-yes-no': '`{0}` is text to the site, not yes or no: write {1}: {2}',
  'type-not-boolean': '`{0}` must be true or false (without quotes).',
  'type-quoted-number': 'Remove the quotes: the site reads "{0}" as text and the build fails. Write {1}: {0}',
  'type-not-number': '`{0}` must be a number, e.g. {0}: 42.',
  'type-not-string': '`{0}` must be text. Put the value in double quotes: {0}: "{1}"',
  'type-not-list': '`{0}` must be a list, e.g. {0}: ["{1}"]',
  'type-not-text-item': 'Each item of `{0}` must be text. Put it in double quotes: "{1}"',
  'type-empty': '`{0}` is empty: YAML reads it as null and the build fails. Write a value or remove the line.',
  // schema
  'schema-required': 'Missing required field `{0}`: add a line {1}',
  'schema-enum': '"{1}" is not allowed for `{0}`. Use one of: {2}.',
  'schema-enum-suggest': '"{1}" is not allowed for `{0}`: did you mean "{3}"? Allowed: {2}.',
  'schema-other': '`{0}`: {1}',
  // house style
  'unknown-field': 'Unknown field `{0}`: the site ignores it.',
  'unknown-field-suggest': 'Unknown field `{0}`: did you mean `{1}`? The site ignores `{0}`, so its value is lost.',
  'title-length': 'The title is {0} characters; keep it at most {1} (it is the Google result title).',
  'description-short': 'The description is {0} characters; write {1}–{2} (Google snippet and social preview).',
  'description-long': 'The description is {0} characters; shorten it to {1}–{2} (Google cuts it off).',
  'summary-missing': 'The answer has no summary block: end it with a line **Sammanfattning:** and a bullet list of the key points.',
  'summary-empty': 'The summary block has no bullets: add a list (- …) of the key points below **Sammanfattning:**.',
  'tag-variant': 'Tag "{0}" is a variant of "{1}" (used in {2} articles): use "{1}".',
  'tag-duplicate': 'Tag "{0}" is already in this list: remove the repeat.',
  'topic-unknown-suggest': 'New topic "{0}": did you mean "{1}" (used in {2} articles)?',
  'pii-personnummer': 'This looks like a personnummer (Swedish national id): remove it before publishing.',
  'pii-phone': 'This looks like a phone number: remove it before publishing.',
  'pii-email': 'This looks like an e-mail address: remove it before publishing.',
  'published-unanswered': 'The article is published but its status is `obesvarad` (unanswered): answer it, or set published: false.',
  'published-empty-answer': 'The article is published but has no answer: write the answer below the frontmatter, or set published: false.',
  'published-empty-question': 'The article is published but its question is empty.',
  'duplicate-title': 'Another article has the same title: {0}.',
  'answer-heading': 'The answer uses no headings (house style): write this as a normal paragraph, or in bold if it must stand out.',
  // files
  'file-binary': 'This is not a text file (it contains binary data): it cannot be an article.',
  'file-unreadable': 'The file could not be read: {0}.',
  'file-encoding': 'The file is not valid UTF-8: save it as UTF-8.',
  'path-missing': 'No such file or folder: {0}',
  // fixes
  'fix-add-field': 'Add `{0}`',
  'fix-unquote': 'Remove the quotes',
  'fix-replace': 'Change to "{0}"',
  'fix-quote-value': 'Put the value in double quotes',
  'fix-remove-tag': 'Remove the repeated tag "{0}"',
  'fix-add-summary': 'Add a summary block',
  'fix-rename-field': 'Rename to `{0}`',
  'fix-write-boolean': 'Write {0}',
  'fix-tab': 'Replace the tab with spaces',
  'fix-colon-space': 'Add a space after the colon',
  // CLI
  'cli-summary': '{0} files checked: {1} errors, {2} warnings, {3} suggestions.',
  'cli-clean': '{0} files checked: no problems.',
  'cli-too-many-warnings': 'Too many warnings: {0} (at most {1} allowed by --max-warnings).',
  'cli-usage': 'Usage: qa-articles check [paths…] [--root DIR] [--schema FILE] [--format text|json] [--max-warnings N] [--lang en|sv] [--cache] [--cache-location FILE]\n       qa-articles preview <article.md> [--out page.html] [--lang en|sv]',
  'cli-bad-option': 'Unknown option {0}.',
  'cli-bad-value': 'Bad value for {0}: {1}.',
  'cli-bad-schema': 'The schema {0} could not be used: {1}',
  'cli-bad-config': 'The config file {0} could not be used: {1}',
} as const;

export type MessageKey = keyof typeof en;

export const sv: Record<MessageKey, string> = {
  'frontmatter-missing': 'Frontmatter saknas: en artikel börjar med en rad `---`, sina fält (title, category, date, question …) och ytterligare en rad `---`.',
  'frontmatter-unclosed': 'Frontmattern som börjar här avslutas aldrig: lägg till en rad `---` efter sista fältet.',
  'frontmatter-not-map': 'Frontmattern måste vara en lista med fält, ett `namn: värde` per rad.',
  'yaml-duplicate-key': '`{0}` förekommer mer än en gång: webbplatsens bygge misslyckas. Behåll en av dem.',
  'yaml-tab': 'Tabb används som indrag: YAML tillåter bara mellanslag här. Ersätt tabben med två mellanslag.',
  'yaml-colon-in-value': 'Värdet innehåller ": ", som YAML läser som ett nytt fält. Sätt hela värdet inom dubbla citattecken: {0}: "{1}"',
  'yaml-unclosed-quote': 'Citattecknet stängs aldrig: lägg till det avslutande {0} i slutet av värdet.',
  'yaml-indent': 'Fel indrag: rada upp raden med de andra fälten, eller dra in den under fältet den hör till.',
  'yaml-syntax': 'Syntaxfel i YAML: {0}.',
  'yaml-colon-space': 'Sätt ett mellanslag efter kolonet: YAML läser `{0}:{1}` som ett ord, inte som ett fält. Skriv {0}: {1}',
  'yaml-unclosed-list': 'Listan som börjar med [ avslutas aldrig: lägg till ] i slutet.',
  'yaml-extra-bracket': 'Den här ] avslutar ingen lista: ta bort den.',
  'yaml-text-after-quote': 'Det står text efter det avslutande citattecknet. Skriv ett citattecken inuti dubbla citattecken som \\", eller sätt hela värdet inom enkla citattecken.',
  'type-quoted-date': 'Ta bort citattecknen: webbplatsen läser "{0}" som text och bygget misslyckas. Skriv {1}: {0}',
  'type-not-date': '`{0}` måste vara ett datum skrivet ÅÅÅÅ-MM-DD utan citattecken, t.ex. {0}: 2017-08-15.',
  'type-quoted-boolean': 'Ta bort citattecknen: webbplatsen läser "{0}" som text och bygget misslyckas. Skriv {1}: {0}',
  'type-yes-no': '`{0}` är text för webbplatsen, inte ja eller nej: skriv {1}: {2}',
  'type-not-boolean': '`{0}` måste vara true eller false (utan citattecken).',
  'type-quoted-number': 'Ta bort citattecknen: webbplatsen läser "{0}" som text och bygget misslyckas. Skriv {1}: {0}',
  'type-not-number': '`{0}` måste vara ett tal, t.ex. {0}: 42.',
  'type-not-string': '`{0}` måste vara text. Sätt värdet inom dubbla citattecken: {0}: "{1}"',
  'type-not-list': '`{0}` måste vara en lista, t.ex. {0}: ["{1}"]',
  'type-not-text-item': 'Varje post i `{0}` måste vara text. Sätt den inom dubbla citattecken: "{1}"',
  'type-empty': '`{0}` är tomt: YAML läser det som null och bygget misslyckas. Skriv ett värde eller ta bort raden.',
  'schema-required': 'Obligatoriskt fält `{0}` saknas: lägg till en rad {1}',
  'schema-enum': '"{1}" är inte tillåtet för `{0}`. Använd något av: {2}.',
  'schema-enum-suggest': '"{1}" är inte tillåtet för `{0}`: menade du "{3}"? Tillåtet: {2}.',
  'schema-other': '`{0}`: {1}',
  'unknown-field': 'Okänt fält `{0}`: webbplatsen ignorerar det.',
  'unknown-field-suggest': 'Okänt fält `{0}`: menade du `{1}`? Webbplatsen ignorerar `{0}`, så värdet går förlorat.',
  'title-length': 'Rubriken är {0} tecken; håll den till högst {1} (den är titeln i Googles träfflista).',
  'description-short': 'Beskrivningen är {0} tecken; skriv {1}–{2} (Googles utdrag och delningar).',
  'description-long': 'Beskrivningen är {0} tecken; korta den till {1}–{2} (Google klipper den).',
  'summary-missing': 'Svaret saknar sammanfattning: avsluta med en rad **Sammanfattning:** och en punktlista med det viktigaste.',
  'summary-empty': 'Sammanfattningen saknar punkter: lägg till en lista (- …) under **Sammanfattning:**.',
  'tag-variant': 'Taggen "{0}" är en variant av "{1}" (används i {2} artiklar): använd "{1}".',
  'tag-duplicate': 'Taggen "{0}" finns redan i listan: ta bort upprepningen.',
  'topic-unknown-suggest': 'Nytt ämne "{0}": menade du "{1}" (används i {2} artiklar)?',
  'pii-personnummer': 'Det här ser ut som ett personnummer: ta bort det före publicering.',
  'pii-phone': 'Det här ser ut som ett telefonnummer: ta bort det före publicering.',
  'pii-email': 'Det här ser ut som en e-postadress: ta bort den före publicering.',
  'published-unanswered': 'Artikeln är publicerad men har status `obesvarad`: besvara den, eller sätt published: false.',
  'published-empty-answer': 'Artikeln är publicerad men saknar svar: skriv svaret under frontmattern, eller sätt published: false.',
  'published-empty-question': 'Artikeln är publicerad men frågan är tom.',
  'duplicate-title': 'En annan artikel har samma rubrik: {0}.',
  'answer-heading': 'Svaret har inga rubriker (husstil): skriv det som ett vanligt stycke, eller i fetstil om det måste synas.',
  'file-binary': 'Det här är ingen textfil (den innehåller binärdata): den kan inte vara en artikel.',
  'file-unreadable': 'Filen kunde inte läsas: {0}.',
  'file-encoding': 'Filen är inte giltig UTF-8: spara den som UTF-8.',
  'path-missing': 'Filen eller mappen finns inte: {0}',
  'fix-add-field': 'Lägg till `{0}`',
  'fix-unquote': 'Ta bort citattecknen',
  'fix-replace': 'Ändra till "{0}"',
  'fix-quote-value': 'Sätt värdet inom dubbla citattecken',
  'fix-remove-tag': 'Ta bort den upprepade taggen "{0}"',
  'fix-add-summary': 'Lägg till en sammanfattning',
  'fix-rename-field': 'Byt namn till `{0}`',
  'fix-write-boolean': 'Skriv {0}',
  'fix-tab': 'Ersätt tabben med mellanslag',
  'fix-colon-space': 'Lägg till ett mellanslag efter kolonet',
  'cli-summary': '{0} filer kontrollerade: {1} fel, {2} varningar, {3} förslag.',
  'cli-clean': '{0} filer kontrollerade: inga problem.',
  'cli-too-many-warnings': 'För många varningar: {0} (högst {1} tillåts av --max-warnings).',
  'cli-usage': 'Användning: qa-articles check [sökvägar…] [--root MAPP] [--schema FIL] [--format text|json] [--max-warnings N] [--lang en|sv] [--cache] [--cache-location FIL]\n             qa-articles preview <artikel.md> [--out sida.html] [--lang en|sv]',
  'cli-bad-option': 'Okänt alternativ {0}.',
  'cli-bad-value': 'Felaktigt värde för {0}: {1}.',
  'cli-bad-schema': 'Schemat {0} kunde inte användas: {1}',
  'cli-bad-config': 'Konfigurationsfilen {0} kunde inte användas: {1}',
};

export type Lang = 'en' | 'sv';

const tables: Record<Lang, Record<MessageKey, string>> = { en, sv };

/** Fills a message of the table in the given language. */
export function format(lang: Lang, key: MessageKey, ...args: (string | number)[]): string {
  const s = tables[lang][key] ?? en[key];
  return s.replace(/\{(\d+)\}/g, (m, i) => (args[+i] !== undefined ? String(args[+i]) : m));
}

/** Picks the language from a locale string such as `sv-SE` or `sv_SE.UTF-8`. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^sv\b|^sv[-_]/i.test(locale) ? 'sv' : 'en';
}
