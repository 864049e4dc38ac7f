// The file hosts a batch check's helper threads share (src/node/snapshot.ts): the settings as
// the main thread read them, and the articles read straight from the disk, in one open each.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { nodeFileHost, toCorePath } from '../../src/node/host';
import { recordingHost, snapshotHost } from '../../src/node/snapshot';

const text = (b: Uint8Array | undefined) => (b === undefined ? undefined : Buffer.from(b).toString('utf8'));

test('a helper reads the settings as the main thread read them, and the articles as they are on disk', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-snapshot-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const config = path.join(dir, '.qa-articles.json');
  const article = path.join(dir, 'ont.md');
  fs.writeFileSync(config, '{"include": ["*.md"]}');
  fs.writeFileSync(article, '---\ntitle: "Ont"\n---\n');

  const recording = recordingHost(nodeFileHost());
  assert.equal(text(await recording.files.read(toCorePath(config))), '{"include": ["*.md"]}');
  // Articles are no settings: read in one go (open and stat together), and not kept.
  assert.equal(typeof recording.files.readListed, 'function', 'the main thread reads its articles with one open each');
  const first = await recording.files.readListed!(toCorePath(article), 1024);
  assert.equal(first?.stat.type, 'file');
  assert.equal(text(first?.bytes), '---\ntitle: "Ont"\n---\n');
  const snap = recording.snapshot();
  assert.deepEqual(snap.read.map(([p]) => p), [toCorePath(config)]);

  // Both files change on disk after the snapshot.
  fs.writeFileSync(config, '{"include": ["other/*.md"]}');
  fs.writeFileSync(article, '---\ntitle: "Ont i knät"\n---\n');
  const helper = snapshotHost(nodeFileHost(), snap);
  assert.equal(text(await helper.read(toCorePath(config))), '{"include": ["*.md"]}', 'the settings the main thread checks by');
  assert.equal(typeof helper.readListed, 'function', 'a helper reads its articles with one open each');
  const again = await helper.readListed!(toCorePath(article), 1024);
  assert.equal(text(again?.bytes), '---\ntitle: "Ont i knät"\n---\n');
  // Over the size limit: the stat, no bytes; a missing file: nothing.
  assert.equal((await helper.readListed!(toCorePath(article), 4))?.bytes, undefined);
  assert.equal(await helper.readListed!(toCorePath(path.join(dir, 'borta.md')), 1024), undefined);
});
