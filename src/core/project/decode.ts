/** A file's bytes as the site reads them, or why it cannot be an article. */
export type Decoded =
  | { ok: true; text: string; /** Bytes that are not UTF-8: the site shows them as �. */ invalidUtf8: boolean }
  | { ok: false; reason: 'binary' | 'utf16' };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * The one decoding of an article's bytes, for every host. The site reads every file in its
 * content folder as UTF-8 (a byte that is not UTF-8 becomes �, and the build goes on), so
 * only a file that is plainly not text — a NUL byte and no frontmatter fence at its start —
 * is refused. The BOM stays in the text, so offsets match what an editor shows.
 */
export function decodeArticle(bytes: Uint8Array): Decoded {
  if (isUtf16(bytes)) return { ok: false, reason: 'utf16' };
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

/**
 * Whether the bytes are text saved as UTF-16 (Windows' "Unicode"): its byte order mark, or a
 * frontmatter fence written two bytes a character. The site reads them as UTF-8 and sees no
 * fields at all, so its build fails on the article; an editor shows the text as it was written.
 */
export function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length < 2) return false;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  // `---` as UTF-16 without the mark: `-` and a zero byte, three times, in either order.
  if (bytes.length < 6) return false;
  const le = bytes[0] === 0x2d && bytes[1] === 0 && bytes[2] === 0x2d && bytes[3] === 0 && bytes[4] === 0x2d && bytes[5] === 0;
  const be = bytes[0] === 0 && bytes[1] === 0x2d && bytes[2] === 0 && bytes[3] === 0x2d && bytes[4] === 0 && bytes[5] === 0x2d;
  return le || be;
}

/** How VS Code's status bar names the encodings (`TextDocument.encoding`) a Swedish writer may meet. */
const ENCODING_LABELS: Record<string, string> = {
  windows1252: 'Windows 1252',
  iso88591: 'ISO 8859-1',
  iso885915: 'ISO 8859-15',
  macroman: 'Mac Roman',
  cp437: 'DOS',
  cp850: 'CP 850',
  cp865: 'CP 865',
  utf16le: 'UTF-16 LE',
  utf16be: 'UTF-16 BE',
};

/**
 * What the site makes of an editor's text once it is saved in `encoding` (an editor's name of
 * it, as `TextDocument.encoding`): nothing to say for UTF-8 (with or without its mark) or an
 * unknown host (`undefined`); `utf16`: the site reads none of it (see `isUtf16`); else, for an
 * encoding of one or a few bytes a character, where a character outside ASCII is first saved
 * as bytes that are not UTF-8, which the site shows as � (none: the bytes are the same).
 */
export function savedEncoding(encoding: string | undefined, text: string): { kind: 'utf16'; label: string } | { kind: 'not-utf8'; label: string; at: number } | undefined {
  if (encoding === undefined || encoding === 'utf8' || encoding === 'utf8bom') return undefined;
  const label = ENCODING_LABELS[encoding] ?? encoding.toUpperCase();
  if (encoding === 'utf16le' || encoding === 'utf16be') return { kind: 'utf16', label };
  // A byte order mark is the editor's, not the text's: VS Code writes none for these encodings.
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return { kind: 'not-utf8', label, at: i };
  return undefined;
}
