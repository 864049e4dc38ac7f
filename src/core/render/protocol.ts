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
  | { type: 'openLink'; href: string };
