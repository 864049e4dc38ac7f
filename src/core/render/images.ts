import { imageVerdict } from '../check/images';
import type { ArticleFiles } from '../check/context';
import { format, type Lang } from '../i18n/messages';
import { isInside } from '../project/paths';
import { escapeHtml } from './text';

/** What the page needs of its host to show the answer's images (see RenderOptions). */
export interface ImageHost {
  /** Where the article's images are looked for and what is known of their files (ArticleService.articleFiles). */
  imageFiles?: ArticleFiles;
  /**
   * The address the page loads a file of the project by, given its absolute path (always inside
   * the project root) and, when known, its version (which changes when the file is written
   * again: a page that stays open loads a replaced picture anew only at a new address);
   * undefined leaves the placeholder. Without it no image is loaded.
   */
  imageSrc?: (path: string, version?: string) => string | undefined;
}

// The placeholder markdown.ts writes for every image. Text and attribute values are escaped
// there (no raw `<` or `"`), so nothing an article says can read like one.
const PLACEHOLDER = /<span class="qa-image"(?: data-address="([^"]*)"(?: data-title="([^"]*)")?)? data-alt="([^"]*)" title="([^"]*)">([^<]*)<\/span>/g;

function unescapeHtml(s: string): string {
  return s.includes('&') ? s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : s;
}

/**
 * The answer's HTML with each image as the site would show it: the picture where its file is
 * there (inside the project root, loaded by the host's address for it); where the site would
 * show it broken, the placeholder with a note in the editor's language that says why; the
 * placeholder alone where nothing is known (a remote image, a file not asked about yet).
 */
export function answerImagesHtml(html: string, host: ImageHost, lang: Lang): string {
  if (!html.includes('<span class="qa-image"')) return html;
  const { imageFiles: files, imageSrc } = host;
  return html.replace(PLACEHOLDER, (_m, address: string | undefined, title: string | undefined, alt: string, src: string, label: string) => {
    const placeholder = `<span class="qa-image" title="${src}">${label}</span>`;
    if (address === undefined || !files) return placeholder;
    const v = imageVerdict({ address: unescapeHtml(address), html: false }, files);
    if (v.kind === 'problem') {
      const note = escapeHtml(format(lang, v.key, ...v.args));
      return `<span class="qa-image qa-image-broken" data-qa="image-broken" title="${src}">${label} <span class="qa-image-note">${note}</span></span>`;
    }
    if (v.kind !== 'file' || !files.root || !isInside(files.root, v.path) || (v.realPath !== undefined && !isInside(files.root, v.realPath))) return placeholder;
    const url = imageSrc?.(v.path, v.version);
    if (url === undefined) return placeholder;
    return `<img class="qa-image-file" data-qa="image" src="${escapeHtml(url)}" alt="${alt}"${title ? ` title="${title}"` : ''}>`;
  });
}
