import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { workflowState } from '../../src/extension/editor/workflowState';

test('workflow state shown in the status bar', () => {
  assert.equal(workflowState({ published: false, status: 'obesvarad' }), 'obesvarad');
  assert.equal(workflowState({ published: false, status: 'utkast' }), 'utkast');
  assert.equal(workflowState({ published: false, status: 'Klar' }), 'klar');
  assert.equal(workflowState({ published: false }), 'unpublished');
  assert.equal(workflowState({ published: true, status: 'klar' }), 'published');
  // `published` defaults to true on the site.
  assert.equal(workflowState({ status: 'utkast' }), 'published');
  assert.equal(workflowState(undefined), 'published');
});
