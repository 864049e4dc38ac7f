/** Where an article is in the workflow, as every view shows it. */
export type WorkflowState = 'unanswered' | 'draft' | 'ready' | 'published';

/**
 * The one workflow state, from `published` (the site's default is true) and `status`. What
 * the site does comes first: an article that is not `published: false` is on the site, whatever
 * its status says (a published `obesvarad` is a mistake the `published-incomplete` rule
 * reports). Off the site, the status tells the step; no status is a draft.
 */
export function workflowState(data: { published?: unknown; status?: unknown } | undefined): WorkflowState {
  if (data?.published !== false) return 'published';
  if (data.status === 'obesvarad') return 'unanswered';
  if (data.status === 'klar') return 'ready';
  return 'draft';
}
