import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { externalLink, isHostToPreview, isPreviewToHost } from '../../src/core/render/protocol';

describe('isPreviewToHost', () => {
  it('accepts every well-formed message', () => {
    for (const m of [{ type: 'ready' }, { type: 'reveal', line: 0 }, { type: 'scrolled', line: 12 }, { type: 'openLink', href: 'https://example.org' }, { type: 'rendered', version: 3 }, { type: 'images', version: 0, widths: [] }, { type: 'images', version: 4, widths: [1, 0, 640] }]) {
      assert.ok(isPreviewToHost(m), JSON.stringify(m));
    }
  });
  it('rejects unknown types and malformed fields', () => {
    const bad: unknown[] = [
      null,
      'ready',
      [],
      { type: 'nope' },
      { type: 'reveal' },
      { type: 'reveal', line: '3' },
      { type: 'reveal', line: -1 },
      { type: 'reveal', line: 1.5 },
      { type: 'scrolled', line: Number.NaN },
      { type: 'scrolled', line: Infinity },
      { type: 'openLink', href: 42 },
      { type: 'openLink', href: 'x'.repeat(9000) },
      { type: 'rendered', version: '1' },
      { type: 'images', version: 1 },
      { type: 'images', version: 1, widths: [1.5] },
      { type: 'images', version: 1, widths: [-1] },
      { type: 'images', version: 1, widths: '1' },
      { type: 'images', version: -1, widths: [] },
      { type: '__proto__' },
    ];
    for (const m of bad) assert.equal(isPreviewToHost(m), false, JSON.stringify(m));
  });
});

describe('isHostToPreview', () => {
  it('checks every field', () => {
    assert.ok(isHostToPreview({ type: 'update', html: '<p>x</p>', version: 1 }));
    assert.ok(isHostToPreview({ type: 'scrollToLine', line: 2.5 }));
    assert.equal(isHostToPreview({ type: 'update', html: 1, version: 1 }), false);
    assert.equal(isHostToPreview({ type: 'update', html: '', version: -2 }), false);
    assert.equal(isHostToPreview({ type: 'scrollToLine', line: -1 }), false);
    assert.equal(isHostToPreview({ type: 'other' }), false);
  });
});

describe('externalLink', () => {
  it('allows absolute http, https and mailto links', () => {
    assert.equal(externalLink('https://www.1177.se/axel'), 'https://www.1177.se/axel');
    assert.equal(externalLink(' http://example.org '), 'http://example.org/');
    assert.equal(externalLink('mailto:info@example.org'), 'mailto:info@example.org');
  });
  it('refuses everything else', () => {
    for (const href of ['javascript:alert(1)', 'JavaScript:alert(1)', 'file:///etc/passwd', 'command:workbench.action.quit', 'vscode://x', 'data:text/html,hi', '/sjukdomar/axel', '#top', '', 'https://', 'mailto:', 'https://exa mple.org', 'java\nscript:x']) {
      assert.equal(externalLink(href), undefined, href);
    }
  });
});
