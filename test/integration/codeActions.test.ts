import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { actionsUntil, cleanUp, ours, root, ruleOf, until } from './helpers/editor';

/** Files this suite created, removed at its end. */
const created: vscode.Uri[] = [];



const GOOD = [
  '---',
  'title: "Stel axel på morgonen NAME"',
  'description: "En beskrivning som är lagom lång för Googles sökresultat och för förhandsvisningen när artikeln delas, mellan 120 och 160 tecken."',
  'category: "axel"',
  'topic: "frozen-shoulder"',
  'tags: ["frozen-shoulder", "stelhet"]',
  'date: 2024-02-01',
  'published: true',
  'question: |',
  '  Varför är axeln stel på morgonen?',
  '---',
  '',
  'Stelheten beror ofta på en inflammation i ledkapseln.',
  '',
  '**Sammanfattning:**',
  '- Stelheten går över',
  '',
];

interface Case {
  name: string;
  rule: string;
  /** Line number in GOOD → its broken form (undefined drops the line). */
  broken: Record<number, string | undefined>;
  /** Expected text after the fix, as lines (default GOOD). */
  fixed?: string[];
}
const cases: Case[] = [
  // The category comes from the topic and goes after the description, where it belongs.
  { name: 'missing required field', rule: 'schema-required', broken: { 3: undefined } },
  { name: 'quoted date', rule: 'yaml-type', broken: { 6: 'date: "2024-02-01"' } },
  { name: 'quoted boolean', rule: 'yaml-type', broken: { 7: 'published: "true"' } },
  { name: 'yes for true', rule: 'yaml-type', broken: { 7: 'published: yes' } },
  { name: 'colon in a value', rule: 'yaml-syntax', broken: { 2: 'description: Stel axel: en beskrivning som är lagom lång för Googles sökresultat och för förhandsvisningen när artikeln delas nu.' }, fixed: [...GOOD.slice(0, 2), 'description: "Stel axel: en beskrivning som är lagom lång för Googles sökresultat och för förhandsvisningen när artikeln delas nu."', ...GOOD.slice(3)] },
  { name: 'tab indentation', rule: 'yaml-syntax', broken: { 9: '\tVarför är axeln stel på morgonen?' } },
  { name: 'category suggestion', rule: 'schema-enum', broken: { 3: 'category: "Axel"' } },
  { name: 'unknown field renamed', rule: 'unknown-field', broken: { 7: 'publised: true' } },
  { name: 'tag variant', rule: 'tag-variant', broken: { 5: 'tags: ["Frozen shoulder", "stelhet"]' } },
  { name: 'repeated tag', rule: 'tag-duplicate', broken: { 5: 'tags: ["frozen-shoulder", "stelhet", "Stelhet"]' } },
  { name: 'two tags in one item', rule: 'tag-joined', broken: { 5: 'tags: ["frozen-shoulder; stelhet"]' } },
  { name: 'topic suggestion', rule: 'topic-unknown', broken: { 4: 'topic: "frozen-shoulderr"' } },
  { name: 'summary skeleton', rule: 'summary-block', broken: { 13: undefined, 14: undefined, 15: undefined }, fixed: [...GOOD.slice(0, 13), '', '**Sammanfattning:**', '', '- ', ''] },
];

function build(name: string, broken: Record<number, string | undefined>, eol: string): string {
  const out: string[] = [];
  GOOD.forEach((l, i) => {
    if (!(i in broken)) out.push(l);
    else if (broken[i] !== undefined) out.push(broken[i]!);
  });
  // Files stay in the corpus while open, so the second run needs a typo no file has used yet.
  return out.join(eol).replace('NAME', name).replace('frozen-shoulderr', eol === '\n' ? 'frozen-shoulderr' : 'frozen-sholder');
}

let seq = 0;
async function open(text: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(root(), 'src', 'content', 'fraga-doktorn', `it-fix-${++seq}.md`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  created.push(uri);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

async function undoTo(editor: vscode.TextEditor, text: string): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  await until(() => (editor.document.getText() === text ? true : undefined), 'undo to restore the original text');
}


suite('quick fixes', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    const api = await vscode.extensions.getExtension('qa-articles.qa-articles')!.activate();
    await api.indexReady;
  });
  suiteTeardown(async function () {
    this.timeout(60_000);
    await cleanUp(created);
  });

  for (const eol of ['\n', '\r\n']) {
    const tag = eol === '\n' ? 'LF' : 'CR LF';
    for (const c of cases) {
      test(`${c.name} (${tag})`, async () => {
        const name = `${c.rule} ${cases.indexOf(c)} ${tag}`;
        const original = build(name, c.broken, eol);
        const editor = await open(original);
        const uri = editor.document.uri;
        const d = await until(() => ours(uri).find((x) => ruleOf(x) === c.rule), `${c.rule} on ${uri.path}`);
        // The first request of a session can be cancelled or answered before every provider is consulted: ask until ours answers.
        const action = await actionsUntil(uri, d.range, vscode.CodeActionKind.QuickFix, (a) => a.isPreferred === true && a.kind?.value === 'quickfix');
        assert.ok(action.edit);
        assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
        assert.ok(await vscode.workspace.applyEdit(action.edit));
        assert.equal(editor.document.getText(), (c.fixed ?? GOOD).join(eol).replace('NAME', name));
        await undoTo(editor, original);
      });
    }
  }

  test('fields written in TOML: a warning on the +++ line, and the quick fix writes the same fields as YAML (LF and CR LF)', async () => {
    for (const eol of ['\n', '\r\n']) {
      const name = `toml ${eol.length}`;
      const toml = [
        '+++',
        `title = "Stel axel på morgonen ${name}"`,
        `description = ${JSON.stringify(GOOD[2].slice('description: '.length).replace(/^"|"$/g, ''))}`,
        'category = "axel"',
        'topic = "frozen-shoulder"',
        'tags = ["frozen-shoulder", "stelhet"]',
        'date = 2024-02-01',
        'published = true',
        'question = """',
        'Varför är axeln stel på morgonen?',
        '"""',
        '+++',
        ...GOOD.slice(11),
      ].join(eol);
      const editor = await open(toml);
      const uri = editor.document.uri;
      const d = await until(() => ours(uri).find((x) => ruleOf(x) === 'frontmatter-toml'), 'frontmatter-toml');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(d.range.start.line, 0);
      assert.equal(ours(uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error).length, 0, 'the site builds it');
      const action = await actionsUntil(uri, d.range, vscode.CodeActionKind.QuickFix, (a) => a.isPreferred === true && a.kind?.value === 'quickfix');
      assert.ok(await vscode.workspace.applyEdit(action.edit!));
      assert.equal(editor.document.getText(), GOOD.join(eol).replace('NAME', name));
      await until(() => (ours(uri).some((x) => ruleOf(x) === 'frontmatter-toml') ? undefined : true), 'the warning gone');
    }
  });

  test('fix all: one source action and one command, one undo step', async () => {
    const broken = { 3: "category: 'Axel'", 5: 'tags: ["Frozen shoulder", "stelhet", "stelhet"]', 6: 'date: "2024-02-01"', 7: 'published: yes' };
    for (const eol of ['\n', '\r\n']) {
      const name = `fix all ${eol.length}`;
      const original = build(name, broken, eol);
      const expected = build(name, { 3: "category: 'axel'" }, eol);
      const editor = await open(original);
      const uri = editor.document.uri;
      await until(() => (ours(uri).length >= 5 ? true : undefined), 'five problems');

      const fixAll = await actionsUntil(uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll, (a) => !!a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind));
      assert.ok(fixAll.edit, 'a source.fixAll action');
      assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
      assert.equal(editor.document.getText(), expected);
      await undoTo(editor, original);

      // The quick-fix menu offers it too, next to the single fixes.
      const d = await until(() => ours(uri).find((x) => ruleOf(x) === 'yaml-type'), 'yaml-type again');
      await actionsUntil(uri, d.range, vscode.CodeActionKind.QuickFix, (a) => /\(5\)/.test(a.title) && a.kind?.value === 'quickfix');

      await vscode.window.showTextDocument(editor.document);
      const count = await vscode.commands.executeCommand<number>('qaArticles.fixAll');
      assert.equal(count, 5);
      assert.equal(editor.document.getText(), expected);
      await undoTo(editor, original);
    }
  });
});
