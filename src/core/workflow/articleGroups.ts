import type { IndexEntry } from '../corpus';
import { foldSearch } from '../similarity';
import { workflowState, type WorkflowState } from './state';
import { withoutMarkdownExtension } from '../project/markdownFiles';

/** The order of the Articles view's top level. */
export const STATES: WorkflowState[] = ['unanswered', 'draft', 'ready', 'published'];

export interface ArticleRef {
  file: string;
  entry: IndexEntry;
}

export interface CategoryGroup {
  category: string;
  articles: ArticleRef[];
}

export interface StateGroup {
  state: WorkflowState;
  count: number;
  categories: CategoryGroup[];
}

const collator = new Intl.Collator('sv');

/** The file name without folders and `.md` (or another Markdown extension), for display and search. */
export function baseName(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return withoutMarkdownExtension(file.slice(i + 1));
}

/**
 * Groups articles by workflow state, then category (in `categoryOrder`, unknown ones after),
 * sorted by title. `filter` keeps articles whose title, file name, topic, tags or question
 * contain it (case and diacritics ignored). Empty states are kept, with count 0.
 */
export function groupArticles(entries: Iterable<[string, IndexEntry]>, categoryOrder: string[] = [], filter = ''): StateGroup[] {
  const needle = foldSearch(filter.trim());
  const byState = new Map<WorkflowState, Map<string, ArticleRef[]>>(STATES.map((s) => [s, new Map()]));
  for (const [file, entry] of entries) {
    if (needle && !matches(file, entry, needle)) continue;
    const cats = byState.get(workflowState(entry))!;
    const cat = entry.category ?? '';
    let list = cats.get(cat);
    if (!list) cats.set(cat, (list = []));
    list.push({ file, entry });
  }
  const rank = (c: string) => {
    const i = categoryOrder.indexOf(c);
    return i < 0 ? categoryOrder.length : i;
  };
  return STATES.map((state) => {
    const cats = [...byState.get(state)!].sort((a, b) => rank(a[0]) - rank(b[0]) || collator.compare(a[0], b[0]));
    let count = 0;
    const categories = cats.map(([category, articles]) => {
      count += articles.length;
      articles.sort((a, b) => collator.compare(a.entry.title ?? baseName(a.file), b.entry.title ?? baseName(b.file)));
      return { category, articles };
    });
    return { state, count, categories };
  });
}

function matches(file: string, e: IndexEntry, needle: string): boolean {
  const hay = [e.title, baseName(file), e.topic, e.questionLine, ...e.tags].filter(Boolean).join('\n');
  return foldSearch(hay).includes(needle);
}
