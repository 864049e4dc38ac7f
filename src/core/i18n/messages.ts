import { en, type MessageKey } from './en';
import { fillTemplate } from './plural';
import { sv } from './sv';

// Every user-visible string of the core and the CLI, in English (en.ts) and Swedish (sv.ts).
export { en, sv, type MessageKey };

export type Lang = 'en' | 'sv';

const tables: Record<Lang, Record<MessageKey, string>> = { en, sv };

/** Fills a message of the table in the given language, plural forms by the language's rules. */
export function format(lang: Lang, key: MessageKey, ...args: (string | number)[]): string {
  const s = tables[lang][key] ?? en[key];
  return fillTemplate(lang, s, args);
}

const IO_REASONS: Record<string, MessageKey> = { ENOENT: 'io-no-folder', ENOTDIR: 'io-no-folder', EISDIR: 'io-is-folder', EACCES: 'io-no-permission', EPERM: 'io-no-permission', EROFS: 'io-read-only', ENOSPC: 'io-disk-full', EDQUOT: 'io-disk-full' };

/** Why a file could not be written, in words, from the system's error code (ENOENT …); an unusual code as it is. */
export function ioReason(lang: Lang, code: string): string {
  const key = IO_REASONS[code];
  return key ? format(lang, key) : code;
}

/** Picks the language from a locale string such as `sv-SE` or `sv_SE.UTF-8`. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^sv\b|^sv[-_]/i.test(locale) ? 'sv' : 'en';
}
