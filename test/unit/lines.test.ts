import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dominantEol, LineIndex } from '../../src/core/lines';

test('LF, CR LF and lone CR each end a line, as VS Code counts them', () => {
  const text = 'a\nbb\r\nccc\rdddd';
  const li = new LineIndex(text);
  assert.equal(li.lineCount, 4);
  assert.deepEqual([0, 1, 2, 3].map((l) => li.lineText(l)), ['a', 'bb', 'ccc', 'dddd']);
  assert.deepEqual(li.positionAt(text.indexOf('ccc') + 1), { line: 2, character: 1 });
  assert.deepEqual(li.positionAt(text.indexOf('dddd')), { line: 3, character: 0 });
  assert.deepEqual([0, 1, 2, 3].map((l) => li.lineBreak(l)), ['\n', '\r\n', '\r', '']);
});

test('an offset between CR and LF belongs to the end of its line', () => {
  const li = new LineIndex('ab\r\ncd');
  assert.deepEqual(li.positionAt(3), { line: 0, character: 2 });
  assert.deepEqual(li.positionAt(4), { line: 1, character: 0 });
});

test('offsetAt and positionAt round-trip on mixed line ends', () => {
  const text = 'x\r\n\ry\n\r\nz\rå';
  const li = new LineIndex(text);
  for (let o = 0; o <= text.length; o++) {
    const p = li.positionAt(o);
    const back = li.offsetAt(p);
    // Offsets inside a CR LF pair map to the end of the line.
    assert.ok(back === o || (text[o - 1] === '\r' && text[o] === '\n' && back === o - 1), `offset ${o}`);
  }
  assert.equal(li.offsetAt({ line: 99, character: 0 }), text.length);
  assert.equal(li.offsetAt({ line: 0, character: 99 }), 1);
});

test('a trailing line break opens an empty last line', () => {
  assert.equal(new LineIndex('a\n').lineCount, 2);
  assert.equal(new LineIndex('a\r').lineCount, 2);
  assert.equal(new LineIndex('').lineCount, 1);
});

test('dominantEol picks the most used break', () => {
  assert.equal(dominantEol('a\r\nb\r\nc\n'), '\r\n');
  assert.equal(dominantEol('a\nb'), '\n');
  assert.equal(dominantEol('a\rb\rc\n'), '\r');
  assert.equal(dominantEol('abc'), '\n');
});
