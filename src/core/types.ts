/** Severity of a problem: error = the site's build fails; warning = house style; info/hint = suggestion. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A zero-based position counted the way VS Code counts: CR LF, lone CR and LF each end a line; characters are UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A text replacement on the original document, by UTF-16 offsets (end exclusive). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A fix the user can apply: one title, one or more edits to the same document. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True when this is the obvious fix, safe for "fix all". */
  preferred?: boolean;
  /**
   * True when the fix leaves something for the writer to write (a summary with an empty
   * bullet, an empty question): the editor applies it where the writer sees it, but
   * `check --fix`, which changes files nobody is looking at, does not (an empty bullet
   * would go live as an empty key point).
   */
  placeholder?: boolean;
}

export interface Problem {
  /** Stable rule id, e.g. `yaml-syntax`, `schema-required`, `title-length`. */
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Offsets in the document, handy for hosts that work with offsets. */
  start: number;
  end: number;
  fixes?: Fix[];
}
