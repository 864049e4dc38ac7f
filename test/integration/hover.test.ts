import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'qa-articles.qa-articles';

function root(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

/** The Markdown of every hover at the first occurrence of `needle` (plus `shift` characters) in a sample article. */
async function hoverText(rel: string, needle: string, shift = 1): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root(), rel));
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${rel}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + shift));
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

interface Api {
  indexReady: Promise<void>;
  workspace: { indexOf(uri: vscode.Uri): { tags: { get(tag: string): number } } };
}

suite('hover', () => {
  let api: Api;
  suiteSetup(async () => {
    api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as Api;
    await api.indexReady;
  });

  test('on a field key: description, type, allowed values and whether it is required', async () => {
    const md = await hoverText('src/content/fraga-doktorn/knaet-viker-sig.md', 'category:');
    assert.match(md, /required/);
    assert.match(md, /body part/);
    assert.match(md, /`kna` — Knä/);
  });

  test('on a tag: use count and its spelling variants', async () => {
    // Other suites add and remove scratch articles, so the count is the corpus index's at this
    // moment (2 in the sample alone); their file events may still be arriving: a hover taken
    // while the count changed is taken again.
    const count = () => api.workspace.indexOf(root()).tags.get('frozen-shoulder');
    let md = '';
    let common = 0;
    for (let i = 0; i < 50; i++) {
      const before = count();
      md = await hoverText('src/content/fraga-doktorn/frusen-axel-efter-fall.md', '"frozen shoulder"', 3);
      common = count();
      if (before === common) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.match(md, /used in 1 article\b/);
    assert.ok(common >= 2);
    assert.match(md, new RegExp(`\`frozen-shoulder\` \\(${common} articles\\)`));
    assert.match(md, /Prefer `frozen-shoulder`/);
  });

  test('on a category value and a topic', async () => {
    assert.match(await hoverText('src/content/fraga-doktorn/knaet-viker-sig.md', '"kna"'), /Knä/);
    assert.match(await hoverText('src/content/fraga-doktorn/ung-instabil-axel.md', '"axelluxation"', 3), /topic used in 3 articles/);
  });

  test('nothing in the body nor in README.md', async () => {
    assert.equal(await hoverText('src/content/fraga-doktorn/ont-i-axeln-vid-lyft.md', 'Det du beskriver'), '');
    assert.equal(await hoverText('README.md', 'Sample'), '');
  });
});
