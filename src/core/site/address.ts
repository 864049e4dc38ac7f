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
  return (file.includes('\\') ? file.replace(/\\/g, '/') : file).includes(COLLECTION);
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

/** The frontmatter's `slug` as the site takes it: any value that is not empty (`if (data.slug)`), as text; else undefined. */
export function slugField(data: Record<string, unknown> | undefined): string | undefined {
  return data?.slug ? String(data.slug) : undefined;
}

/** A page's address part: its `slug` field's when it has one (the site takes it as it is), else the file's. */
export function addressOf(file: string, slug: string | undefined): string {
  return slug ?? slugOf(file);
}

/** The page's address part from an article's values (undefined with neither a slug nor a file). */
export function pageSlug(file: string | undefined, data: Record<string, unknown> | undefined): string | undefined {
  const slug = slugField(data);
  return file ? addressOf(file, slug) : slug;
}
