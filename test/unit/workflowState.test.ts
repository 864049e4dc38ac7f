import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workflowState } from '../../src/core/workflow/state';

test('one workflow state for every combination of published and status', () => {
  // What the site does decides: anything but `published: false` is on the site (the default is true).
  const published = [true, undefined, 'false', 'yes', null];
  const statuses = ['obesvarad', 'utkast', 'klar', undefined, 'Klar', 42];
  for (const p of published) for (const s of statuses) assert.equal(workflowState({ published: p, status: s }), 'published', `published: ${String(p)}, status: ${String(s)}`);
  assert.equal(workflowState(undefined), 'published');
  // Off the site, the status tells the step; no status (or one the site does not know) is a draft.
  const off = (status: unknown) => workflowState({ published: false, status });
  assert.equal(off('obesvarad'), 'unanswered');
  assert.equal(off('utkast'), 'draft');
  assert.equal(off('klar'), 'ready');
  assert.equal(off(undefined), 'draft');
  assert.equal(off('Klar'), 'draft');
  assert.equal(off(1), 'draft');
});
