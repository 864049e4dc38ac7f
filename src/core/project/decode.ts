/** A file's bytes as the site reads them, or why it cannot be an article. */
export type Decoded =
  | { ok: true; text: string; /** Bytes that are not UTF-8: the site shows them as �. */ invalidUtf8: boolean }
  | { ok: false; reason: 'binary' };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * The one decoding of an article's bytes, for every host. The site reads every file in its
 * content folder as UTF-8 (a byte that is not UTF-8 becomes �, and the build goes on), so
 * only a file that is plainly not text — a NUL byte and no frontmatter fence at its start —
 * is refused. The BOM stays in the text, so offsets match what an editor shows.
 */
export function decodeArticle(bytes: Uint8Array): Decoded {
  let text: string;
  let invalidUtf8 = false;
  try {
    text = strict.decode(bytes);
  } catch {
    text = lenient.decode(bytes);
    invalidUtf8 = true;
  }
  if (text.includes('\0') && !/^\uFEFF?(?:[ \t]*\r?\n|[ \t]*\r)*---/.test(text)) return { ok: false, reason: 'binary' };
  return { ok: true, text, invalidUtf8 };
}
