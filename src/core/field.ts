import type { Node, Pair } from 'yaml';

/** A top-level frontmatter field with the source offsets of its key and value. */
export interface Field {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** Value offsets; for an empty value, both equal the end of the key's `:`. */
  valueStart: number;
  valueEnd: number;
  /** The YAML node of the value (null for an empty value). */
  node: Node | null;
  pair: Pair;
}
