// The site's own lists in a real VS Code: topic completion from topics.ts, the topic-no-page
// warning and its fix, a changed topics.ts taking effect without a reload, the preview's search
// result and truthful banner, and a rule's help page. Runs last: it adds site files to the
// workspace and removes them again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { actionsUntil, cleanUp, ours, root, ruleOf, until } from './helpers/editor';

const EXTENSION_ID = 'qa-articles.qa-articles';

interface Api {
  indexReady: Promise<void>;
  workspace: { siteOf(uri: vscode.Uri): { topics?: readonly { id: string }[] } };
  preview: { onDidRender: vscode.Event<{ uri: string; html: string }> };
  ruleHelp: { current(): { rule: string; html: string } | undefined };
}

/** A topic list in the site's shape (our own words), with `extra` topics appended. */
function topicsTs(extra = ''): string {
  return [
    "export type BodyPart = 'axel' | 'kna' | 'armbage';",
    "export const categoryLabels = { diagnos: 'Diagnoser', skada: 'Skador' };",
    "export const bodyPartLabels = { axel: 'Axel', kna: 'Knä', armbage: 'Armbåge' };",
    'export const topics = [',
    "  { id: 'frusen-axel', title: 'Frusen axel', description: 'När axeln stelnar och värker', category: 'diagnos', bodyPart: 'axel' },",
    "  { id: 'axel-ur-led', title: 'Axel ur led', shortTitle: 'Luxation', description: 'Axeln har hoppat ur läge', category: 'skada', bodyPart: 'axel' },",
    extra,
    '];',
    '',
  ].join('\n');
}
const CONDITIONS_TS = "export const conditions = {\n  '/sjukdomar/axel/frusen-axel': { title: 'Frusen axel', shortDescription: 'Om stel axel.', url: '/sjukdomar/axel/frusen-axel' },\n};\n";

function articleText(fm: Record<string, string>): string {
  const fields = { title: '"Stel axel i flera månader"', category: '"axel"', date: '2021-03-04', author: '"Dr. Test"', question: '|\n  Hej!\n  Axeln är stel.', ...fm };
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\nSvaret.\n\n**Sammanfattning:**\n- En punkt\n`;
}

suite('zz the site\'s own lists', function () {
  this.timeout(120_000);
  let api: Api;
  const created: vscode.Uri[] = [];
  const topicsFile = () => vscode.Uri.joinPath(root(), 'src', 'data', 'topics.ts');
  const write = async (uri: vscode.Uri, text: string) => {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    if (!created.some((u) => u.toString() === uri.toString())) created.push(uri);
  };
  const article = async (name: string, fm: Record<string, string>) => {
    const uri = vscode.Uri.joinPath(root(), 'src', 'content', 'fraga-doktorn', `${name}.md`);
    await write(uri, articleText(fm));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    return doc;
  };
  const topicIds = () => api.workspace.siteOf(root()).topics?.map((t) => t.id) ?? [];

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    api = (await ext.activate()) as Api;
    await api.indexReady;
    await write(vscode.Uri.joinPath(root(), 'src', 'data', 'conditions.ts'), CONDITIONS_TS);
    await write(topicsFile(), topicsTs());
    // The files are new: the project model's watcher reads them, no reload.
    await until(() => topicIds().includes('frusen-axel'), 'the site\'s topics to be read', 20_000, topicIds);
  });

  suiteTeardown(async () => {
    await cleanUp(created);
    await until(() => topicIds().length === 0, 'the site\'s topics to be gone again', 20_000, topicIds);
  });

  test('topic completion lists the site\'s topics of the category, with their titles', async () => {
    const doc = await article('zz-site-completion', { topic: '""' });
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('topic:'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, 'topic: "'.length), '"');
    const items = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Value);
    const byLabel = new Map(items.map((i) => [typeof i.label === 'string' ? i.label : i.label.label, i]));
    assert.deepEqual([...byLabel.keys()].sort(), ['axel-ur-led', 'frusen-axel']);
    const frusen = byLabel.get('frusen-axel')!;
    assert.match(typeof frusen.label === 'string' ? '' : frusen.label.description ?? '', /^Frusen axel · \d+ articles?$/);
  });

  test('a topic without a topic page is a warning naming the nearest site topic, and its fix', async () => {
    const doc = await article('zz-site-warning', { topic: '"frusenaxel"' });
    const d = await until(() => ours(doc.uri).find((x) => ruleOf(x) === 'topic-no-page'), 'the topic-no-page warning');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /"frusenaxel" is not one of the site's Axel topics \(looked up in the Axel list of src\/data\/topics\.ts\)\. Did you mean "frusen-axel" \(Frusen axel\)\?/);
    assert.ok(typeof d.code === 'object' && d.code.target.toString().startsWith('command:qaArticles.ruleHelp'));
    const fix = await actionsUntil(doc.uri, d.range, vscode.CodeActionKind.QuickFix, (a) => a.title === 'Change to "frusen-axel" (Frusen axel)');
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    assert.match(doc.getText(), /^topic: "frusen-axel"$/m);
    await until(() => !ours(doc.uri).some((x) => ruleOf(x) === 'topic-no-page'), 'the warning to go after the fix');
  });

  test('a changed topics.ts updates the diagnostics without a reload', async () => {
    const doc = await article('zz-site-changed', { topic: '"kalkaxel"' });
    await until(() => ours(doc.uri).some((x) => ruleOf(x) === 'topic-no-page'), 'the warning before the site has the topic');
    await write(topicsFile(), topicsTs("  { id: 'kalkaxel', title: 'Kalkaxel', description: 'Kalk i en sena', category: 'diagnos', bodyPart: 'axel' },"));
    await until(() => !ours(doc.uri).some((x) => ruleOf(x) === 'topic-no-page'), 'the warning to go once topics.ts has the topic', 20_000, () => ours(doc.uri).map((x) => x.message));
  });

  test('the preview shows the search result and the truthful banner of an unpublished article', async () => {
    const doc = await article('zz-site-preview', { topic: '"frusen-axel"', published: 'false', relatedCondition: '"/sjukdomar/axel/frusen-axel"' });
    const rendered = new Promise<string>((resolve) => {
      const sub = api.preview.onDidRender((e) => {
        if (e.uri !== doc.uri.toString()) return;
        sub.dispose();
        resolve(e.html);
      });
    });
    await vscode.commands.executeCommand('qaArticles.openPreviewToSide', doc.uri);
    const html = await rendered;
    // The page title as the site writes it, cut where a search engine cuts (about 60 characters).
    assert.match(html, /data-qa="serp-title"[^>]*data-full="Stel axel i flera månader - Fråga Doktorn \| Södermalms Ortopedi">Stel axel i flera månader - Fråga Doktorn \| Södermalms …</);
    assert.match(html, /data-qa="serp-description">Stel axel i flera månader\. Dr\. Carlos Rivero Siri svarar på patientfrågor om axel\.</);
    assert.match(html, /data-qa="serp-url">sodermalmsortopedi\.se\/fraga-doktorn\/zz-site-preview</);
    assert.match(html, /data-qa="unpublished">Inte publicerad: artikeln finns inte med i webbplatsens listor .*men sidan byggs ändå/);
    assert.doesNotMatch(html, /syns inte på webbplatsen/);
    assert.match(html, /data-qa="condition"[\s\S]*Fördjupning[\s\S]*Frusen axel/);
  });

  test('a rule code opens that rule\'s help page inside VS Code', async () => {
    await vscode.commands.executeCommand('qaArticles.ruleHelp', 'topic-no-page');
    const shown = await until(() => api.ruleHelp.current(), 'the help page');
    assert.equal(shown.rule, 'topic-no-page');
    assert.match(shown.html, /What it checks[\s\S]*Why the site cares[\s\S]*How to fix it[\s\S]*How to turn it off/);
    assert.match(shown.html, /&quot;topic-no-page&quot;: &quot;off&quot;/);
  });
});
