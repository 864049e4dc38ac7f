// Pure: no `vscode` import, so the state logic can be reasoned about on its own.

/** Where an article is in the workflow: a new question, a draft answer, a reviewed answer, or on the site. */
export type WorkflowState = 'obesvarad' | 'utkast' | 'klar' | 'published' | 'unpublished';

/** The workflow state from the frontmatter's `published` (default true) and `status`. */
export function workflowState(data: Record<string, unknown> | undefined): WorkflowState {
  const published = data?.published;
  const status = typeof data?.status === 'string' ? data.status.trim().toLowerCase() : undefined;
  if (published !== false) return 'published';
  if (status === 'obesvarad' || status === 'utkast' || status === 'klar') return status;
  return 'unpublished';
}
