// The address of an article's page on the site, made as its content collection makes it.
import { withoutMarkdownExtension } from '../project/markdownFiles';
// github-slugger's types are an ES module's, and this project type-checks as CommonJS; the bundle holds its code.
// @ts-expect-error TS1479
import { slug as githubSlug } from 'github-slugger';

/** A name github-slugger gives back as it is (nearly every file's): lower-case letters, digits, `-` and `_`. */
const ALREADY_SLUG = /^[a-z0-9_\-åäöéü]+$/;

/** Where the collection's files are: a page's address is made from the path below it. */
const COLLECTION = '/src/content/fraga-doktorn/';

/** Whether a file is in the collection's folder, where the site gives each page an address of its own. */
export function inCollection(file: string): boolean {
  return file.replace(/\\/g, '/').includes(COLLECTION);
}

/**
 * The page's address part of a file, as the site's content collection makes its slug: the path
 * below the collection's folder without the Markdown extension, each folder and the name made
 * a slug by github-slugger (lower case, punctuation removed, spaces as hyphens), and a last
 * `/index` dropped. A path outside that folder gives its name only.
 */
export function slugOf(file: string): string {
  const p = file.replace(/\\/g, '/');
  const at = p.lastIndexOf(COLLECTION);
  const segments = (at >= 0 ? p.slice(at + COLLECTION.length) : p.split('/').pop() ?? p).split('/');
  segments[segments.length - 1] = withoutMarkdownExtension(segments[segments.length - 1]);
  return segments.map((s) => (ALREADY_SLUG.test(s) ? s : githubSlug(s))).join('/').replace(/\/index$/, '');
}

/** The page's address part: the frontmatter's `slug` when it has one (the site then takes it as it is), else the file's. */
export function pageSlug(file: string | undefined, data: Record<string, unknown> | undefined): string | undefined {
  const given = data?.slug;
  if (given) return String(given);
  return file ? slugOf(file) : undefined;
}

