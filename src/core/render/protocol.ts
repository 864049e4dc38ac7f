/**
 * Messages between the extension and the preview webview. Kept here, beside the markup they
 * refer to, so both sides agree on `data-line` meaning a 0-based source line.
 */
export type HostToPreview =
  /** New page body (the output of renderArticle); the script swaps `#qa-root` and keeps its scroll position. */
  | { type: 'update'; html: string; version: number }
  /** The editor scrolled: bring the block with the nearest `data-line` at or above `line` into view. */
  | { type: 'scrollToLine'; line: number };

export type PreviewToHost =
  /** The script is listening; the host may send the first update. */
  | { type: 'ready' }
  /** A problem or a block was clicked: reveal this 0-based line in the editor. */
  | { type: 'reveal'; line: number }
  /** The preview was scrolled by the user: the top visible block's line, for reverse scroll sync. */
  | { type: 'scrolled'; line: number }
  /** A link in the answer was clicked; the host decides whether to open it (http/https/mailto only). */
  | { type: 'openLink'; href: string }
  /** The script swapped in the body of this update version (sent after the swap, for tests and stale checks). */
  | { type: 'rendered'; version: number }
  /**
   * The pictures of the body shown, once each has loaded or failed: their natural widths in
   * order (0: not shown). `version` is the update's, or 0 for the body the document came with.
   */
  | { type: 'images'; version: number; widths: number[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A line or version number a message may carry: a finite, non-negative integer within a sane bound. */
function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Whether a message from the webview is one the host understands, every field checked. */
export function isPreviewToHost(msg: unknown): msg is PreviewToHost {
  if (!isRecord(msg)) return false;
  switch (msg.type) {
    case 'ready':
      return true;
    case 'reveal':
    case 'scrolled':
      return isCount(msg.line);
    case 'openLink':
      return typeof msg.href === 'string' && msg.href.length <= 8192;
    case 'rendered':
      return isCount(msg.version);
    case 'images':
      return isCount(msg.version) && Array.isArray(msg.widths) && msg.widths.length <= 10000 && msg.widths.every(isCount);
    default:
      return false;
  }
}

/** Whether a message from the host is one the preview script understands, every field checked. */
export function isHostToPreview(msg: unknown): msg is HostToPreview {
  if (!isRecord(msg)) return false;
  switch (msg.type) {
    case 'update':
      return typeof msg.html === 'string' && isCount(msg.version);
    case 'scrollToLine':
      return typeof msg.line === 'number' && Number.isFinite(msg.line) && msg.line >= 0;
    default:
      return false;
  }
}

/** The link a preview may hand to the system browser or mail client: absolute http, https or mailto only. */
export function externalLink(href: string): string | undefined {
  const trimmed = href.trim();
  // Control characters or spaces inside a URL are never a real link in an article.
  if (trimmed === '' || /[\u0000-\u0020\u007f]/.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol === 'mailto:') return url.pathname ? trimmed : undefined;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) return url.href;
  return undefined;
}
