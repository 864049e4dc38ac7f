import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/core/parse';
import { applyEdits } from '../../src/core/fix/index';
import { groupTags } from '../../src/core/workflow/tagGroups';
import { tagRenameEdits } from '../../src/core/workflow/tagEdits';

const doc = (tags: string, eol = '\n') =>
  ['---', 'title: "frozen shoulder i text"', 'category: "axel"', tags, 'date: 2024-01-01', 'question: |', '  tags: frozen shoulder', '---', '', 'Svar om frozen shoulder.', ''].join(eol);

const rename = (text: string, from: string, to: string) => applyEdits(text, tagRenameEdits(text, from, to));
const tagsOf = (text: string) => parseArticle(text).data!.tags;

describe('tagRenameEdits', () => {
  it('renames in a flow list, keeping each item’s quoting', () => {
    const text = doc('tags: ["frozen shoulder", \'stelhet\', smärta]');
    assert.equal(rename(text, 'frozen shoulder', 'frozen-shoulder'), text.replace('"frozen shoulder"', '"frozen-shoulder"'));
    assert.equal(rename(text, 'stelhet', "stel'het"), text.replace("'stelhet'", "'stel''het'"));
    assert.equal(rename(text, 'smärta', 'värk'), text.replace('smärta]', 'värk]'));
    assert.equal(rename(text, 'smärta', 'true'), text.replace('smärta]', '"true"]'));
    assert.equal(rename(text, 'smärta', 'a, b'), text.replace('smärta]', '"a, b"]'));
    assert.deepEqual(tagsOf(rename(text, 'smärta', 'a, b')), ['frozen shoulder', 'stelhet', 'a, b']);
  });
  it('touches nothing outside the tags list', () => {
    const text = doc('tags: ["frozen shoulder"]');
    const out = rename(text, 'frozen shoulder', 'frozen-shoulder');
    assert.equal(out.split('frozen shoulder').length, text.split('frozen shoulder').length - 1);
    assert.deepEqual(tagRenameEdits(text, 'saknas', 'x'), []);
    assert.deepEqual(tagRenameEdits(text, 'frozen shoulder', 'frozen shoulder'), []);
  });
  it('merges into an existing tag without duplicates (flow)', () => {
    const text = doc('tags: ["frozen shoulder", "stelhet", "frozen-shoulder"]');
    assert.equal(rename(text, 'frozen shoulder', 'frozen-shoulder'), text.replace('["frozen shoulder", "stelhet", "frozen-shoulder"]', '["stelhet", "frozen-shoulder"]'));
    const last = doc('tags: [ frozen-shoulder, x, frozen shoulder ]');
    assert.equal(rename(last, 'frozen shoulder', 'frozen-shoulder'), last.replace('[ frozen-shoulder, x, frozen shoulder ]', '[ frozen-shoulder, x ]'));
    const twice = doc('tags: ["a", "b", "a"]');
    assert.deepEqual(tagsOf(rename(twice, 'a', 'c')), ['c', 'b']);
  });
  it('works in block lists, merging by removing whole lines, with CR LF kept', () => {
    const text = doc('tags:\r\n  - "AC-luxation"\r\n  - stelhet\r\n  - ac-luxation', '\r\n');
    const out = rename(text, 'AC-luxation', 'ac-luxation');
    assert.equal(out, text.replace('  - "AC-luxation"\r\n', ''));
    assert.ok(!/[^\r]\n/.test(out));
    assert.deepEqual(tagsOf(out), ['stelhet', 'ac-luxation']);
    const plain = doc('tags:\r\n- AC-luxation\r\n- stelhet', '\r\n');
    assert.equal(rename(plain, 'AC-luxation', 'ac-luxation'), plain.replace('- AC-luxation', '- ac-luxation'));
  });
  it('keeps CR LF in flow lists and handles the last field of a file', () => {
    const text = doc('tags: ["ung patient", "ung-patient", "idrott"]', '\r\n');
    const out = rename(text, 'ung patient', 'ung-patient');
    assert.equal(out, text.replace('"ung patient", ', ''));
    const endTags = '---\ntitle: "t"\ntags:\n  - a\n  - b\n---\n';
    assert.equal(rename(endTags, 'b', 'a'), '---\ntitle: "t"\ntags:\n  - a\n---\n');
  });
  it('ignores a tags value that is not a list', () => {
    assert.deepEqual(tagRenameEdits(doc('tags: "frozen shoulder"'), 'frozen shoulder', 'x'), []);
  });
  it('builds a 300-file merge (speed: npm run bench)', () => {
    const texts = Array.from({ length: 300 }, (_, i) => doc(`tags: ["frozen shoulder", "t${i}", "frozen-shoulder"]`, i % 2 ? '\r\n' : '\n'));
    let n = 0;
    for (const t of texts) n += tagRenameEdits(t, 'frozen shoulder', 'frozen-shoulder').length;
    assert.equal(n, 300);
  });
});

describe('groupTags', () => {
  it('groups case, space, diacritic and contained variants', () => {
    const groups = groupTags([
      ['frozen-shoulder', 12],
      ['frozen shoulder', 3],
      ['Frozen-Shoulder', 1],
      ['frozen-shoulder-frusen-axel', 2],
      ['axel', 40],
      ['frusen-axel', 5],
      ['AC-luxation', 2],
      ['ac-luxation', 2],
      ['smärta', 9],
      ['smarta', 1],
    ]);
    const byFirst = new Map(groups.map((g) => [g.tags[0].tag, g.tags.map((t) => t.tag)]));
    assert.deepEqual(byFirst.get('frozen-shoulder'), ['frozen-shoulder', 'frusen-axel', 'frozen shoulder', 'frozen-shoulder-frusen-axel', 'Frozen-Shoulder']);
    assert.deepEqual(byFirst.get('axel'), ['axel']);
    assert.deepEqual(byFirst.get('ac-luxation'), ['ac-luxation', 'AC-luxation']);
    assert.deepEqual(byFirst.get('smärta'), ['smärta', 'smarta']);
    assert.equal(groups[0].tags[0].tag, 'axel');
    assert.equal(groups.find((g) => g.tags[0].tag === 'frozen-shoulder')!.total, 23);
  });
});
