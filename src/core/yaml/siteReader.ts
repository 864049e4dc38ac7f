import { load } from 'js-yaml';

/** What the site's YAML reader made of a frontmatter text. */
export type SiteReading =
  | { ok: true; value: unknown }
  | {
      ok: false;
      /** js-yaml's reason, untranslated (mapped to the writer's words in `siteErrors`). */
      reason: string;
      /** Offset of js-yaml's mark in the text it was given. */
      position: number;
    };

/**
 * Reads frontmatter YAML exactly as the site's build does: Astro 5's markdown pipeline calls
 * js-yaml's `load` on the text between the fences with no options (the default schema: YAML 1.2
 * core plus timestamps, merge keys, `!!binary`, `!!set` …; a repeated key is an error; at most
 * 100 levels of nesting). Never throws: whatever js-yaml throws is a reading that failed.
 */
export function readAsSite(yaml: string): SiteReading {
  try {
    return { ok: true, value: load(yaml) };
  } catch (e) {
    const err = e as { name?: string; reason?: string; mark?: { position?: number } };
    if (err && err.name === 'YAMLException') {
      return { ok: false, reason: err.reason ?? '', position: Math.min(err.mark?.position ?? 0, yaml.length) };
    }
    // Anything else (a stack overflow on hostile input) also stops the site's build on this file.
    return { ok: false, reason: 'internal', position: 0 };
  }
}
