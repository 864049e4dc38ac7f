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
   * True when the fix is the writer's to apply while looking at the article: it leaves text
   * for them to write (a summary with an empty bullet, an empty question), or it guesses what
   * they meant (the answer's last list labelled as its summary, today's date for a missing one). The editor offers and
   * applies it, before the writer's eyes; `check --fix`, which changes files nobody is
   * looking at, does not (an empty bullet would go live as an empty key point).
   */
  needsWriter?: boolean;
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
