/**
 * The file names the site builds as articles. Astro's content collections take the extensions
 * of their content entry types: without an integration that adds one (MDX, Markdoc), only
 * Markdown's `.md`, matched with capitals as written (`**\/*.md` on the build's Linux server).
 * Astro knows more Markdown extensions (`.markdown`, `.mdown` …), but only for pages in
 * `src/pages`, never for a collection: such a file among the articles gets no page.
 */
export const ARTICLE_EXTENSION = 'md';

/** Every extension a Markdown file may have (Astro's SUPPORTED_MARKDOWN_FILE_EXTENSIONS). */
export const MARKDOWN_EXTENSIONS = ['md', 'markdown', 'mdown', 'mkdn', 'mkd', 'mdwn'] as const;

/** A glob of a file name with any of them (`*.{md,markdown,…}`), in any capitals the glob engine is told to take. */
export const MARKDOWN_NAME_GLOB = `*.{${MARKDOWN_EXTENSIONS.join(',')}}`;

const EXTENSION = new RegExp(`\\.(?:${MARKDOWN_EXTENSIONS.join('|')})$`, 'i');

/** Whether a file name (or path) ends with one of the Markdown extensions, in any capitals. */
export function isMarkdownName(name: string): boolean {
  return EXTENSION.test(name);
}

/** A file name without its Markdown extension (`knä.markdown` → `knä`); another name as it is. */
export function withoutMarkdownExtension(name: string): string {
  return name.replace(EXTENSION, '');
}

/**
 * The name a Markdown file would need for the site to build it (`knä.markdown`, `knä.MD` →
 * `knä.md`); undefined for a name that already ends in `.md` or is not Markdown at all.
 */
export function asArticleName(name: string): string | undefined {
  const m = EXTENSION.exec(name);
  if (!m || m[0] === `.${ARTICLE_EXTENSION}`) return undefined;
  return `${name.slice(0, m.index)}.${ARTICLE_EXTENSION}`;
}
