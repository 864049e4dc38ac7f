import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.join(__dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const json = (f: string) => JSON.parse(read(f)) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** The English strings the extension shows through vscode.l10n.t (directly, or as `t(...)` handed to the core). */
function uiStrings(): Set<string> {
  const out = new Set<string>();
  const unescape = (s: string) => s.replace(/\\(['"`\\])/g, '$1');
  for (const f of [...sourceFiles('src/extension'), ...sourceFiles('src/core/complete')]) {
    const text = read(f);
    const re = f.includes('core') ? /\bt\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g : /\b(?:l10n\.t|localize)\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`([^`$]*)`)/g;
    for (const m of text.matchAll(re)) out.add(unescape(m[1] ?? m[2] ?? m[3]));
  }
  return out;
}

test('every string the extension shows has a Swedish translation', () => {
  const sv = json('l10n/bundle.l10n.sv.json');
  const strings = uiStrings();
  assert.ok(strings.size > 50, `found only ${strings.size} strings: the scan is broken`);
  const missing = [...strings].filter((s) => !(s in sv));
  assert.deepEqual(missing, []);
});

test('the Swedish bundle is the merge of l10n/parts (run npm run build after editing a part)', () => {
  const merged: Record<string, string> = {};
  for (const f of fs.readdirSync(path.join(ROOT, 'l10n/parts')).filter((f) => f.endsWith('.sv.json')).sort()) Object.assign(merged, json(`l10n/parts/${f}`));
  assert.deepEqual(json('l10n/bundle.l10n.sv.json'), merged);
});

test('every command title and setting description exists in English and Swedish', () => {
  const en = json('package.nls.json');
  const sv = json('package.nls.sv.json');
  assert.deepEqual(Object.keys(sv).sort(), Object.keys(en).sort());
  const used = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(used.length > 20);
  assert.deepEqual(used.filter((k) => !(k in en)), []);
  for (const [k, v] of Object.entries(sv)) assert.ok(v.trim() !== '' && v !== en[k], `${k} is translated`);
});
