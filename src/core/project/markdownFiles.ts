/**
 * The file names the site builds as articles: Astro takes every Markdown extension it knows
 * (its SUPPORTED_MARKDOWN_FILE_EXTENSIONS) as an entry of a content collection, not only `.md`,
 * and makes the page's address from the name without it.
 */
export const MARKDOWN_EXTENSIONS = ['md', 'markdown', 'mdown', 'mkdn', 'mkd', 'mdwn'] as const;

/** A glob of a file name with any of them (`*.{md,markdown,…}`). */
export const MARKDOWN_NAME_GLOB = `*.{${MARKDOWN_EXTENSIONS.join(',')}}`;

const EXTENSION = new RegExp(`\\.(?:${MARKDOWN_EXTENSIONS.join('|')})$`, 'i');

/** Whether a file name (or path) ends with one of the Markdown extensions. */
export function isMarkdownName(name: string): boolean {
  return EXTENSION.test(name);
}

/** A file name without its Markdown extension (`knä.markdown` → `knä`); another name as it is. */
export function withoutMarkdownExtension(name: string): string {
  return name.replace(EXTENSION, '');
}
