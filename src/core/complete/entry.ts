/** One completion as plain data; the editor layer turns it into a CompletionItem. */
export interface CompletionEntry {
  label: string;
  kind: 'field' | 'enum' | 'tag' | 'topic' | 'author' | 'value';
  /** Shown beside the label, e.g. "12 articles". */
  description?: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** True when insertText is a snippet (`$1`, `${1|a,b|}`). */
  snippet: boolean;
  filterText?: string;
  sortText: string;
  /** Document offsets of the text the completion replaces. */
  start: number;
  end: number;
  /** Open the suggestions again after inserting (e.g. values after a field name). */
  retrigger?: boolean;
  /** The entry the editor selects first. */
  preselect?: boolean;
  /** Articles using the value (tags, topics, authors), for ranking by use. */
  count?: number;
}
