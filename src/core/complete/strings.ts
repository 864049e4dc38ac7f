import { fillTemplate } from '../i18n/plural';
import type { Lang } from '../i18n/messages';
import type { SchemaObject } from '../schema';

/**
 * Translates an English UI string with `{0}` placeholders. The editor passes `vscode.l10n.t`
 * (Swedish from l10n/parts/completion.sv.json); plain Node uses `englishT`.
 */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

/** Fills `{0}`, `{1}` … without translating. */
export const englishT: Translate = (message, ...args) => fillTemplate('en', message, args.map((a) => (typeof a === 'boolean' ? String(a) : a)));

/** A field's description in the user's language (English when there is no Swedish one). */
export function fieldDescription(s: SchemaObject, lang: Lang): string | undefined {
  const sv = s['x-sv-description'];
  return lang === 'sv' && typeof sv === 'string' ? sv : s.description;
}

/** A short type name: "text", "date (YYYY-MM-DD, unquoted)", "one of …". */
export function describeType(s: SchemaObject, t: Translate): string {
  if (s['x-yaml-type'] === 'timestamp') return t('date (YYYY-MM-DD, unquoted)');
  if (s.enum) return t('one of: {0}', s.enum.map(String).join(', '));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return t('text');
    case 'array':
      return s.items?.type === 'string' ? t('list of text') : t('list');
    case 'boolean':
      return t('true or false (unquoted)');
    case 'number':
    case 'integer':
      return t('number');
    default:
      return t('any value');
  }
}
