import { isScalar, isSeq, type Scalar, type YAMLSeq } from 'yaml';
import type { CheckContext } from './context';
import { quoteLike } from './style';
import { foldKey, nearest } from '../similarity';
import type { Fix } from '../types';

/** Rules that compare the article with the rest of the corpus: tag variants and repeats, unknown topics, duplicate titles. */
export function checkAgainstCorpus(ctx: CheckContext): void {
  const { article, index } = ctx;
  const data = article.data;
  if (!data) return;
  const tagsField = article.fields.get('tags');
  if (tagsField && isSeq(tagsField.node)) checkTags(ctx, tagsField.node as YAMLSeq);

  if (!index || index.size === 0) return;
  const self = ctx.file ? index.get(ctx.file) : undefined;
  const tf = article.fields.get('topic');
  if (typeof data.topic === 'string' && data.topic.trim() !== '' && tf && ctx.on('topic-unknown')) {
    const others = index.topics.get(data.topic) - (self?.topic === data.topic ? 1 : 0);
    if (others <= 0) {
      const known = index.topics.sorted().map(([t]) => t).filter((t) => t !== data.topic && index.topics.get(t) - (self?.topic === t ? 1 : 0) > 0);
      const suggestion = nearest(data.topic, known);
      // A new topic is allowed; only a near miss of a known one is worth a word.
      if (suggestion) {
        const fix: Fix = { title: ctx.msg('fix-replace', suggestion), edits: [{ start: tf.valueStart, end: tf.valueEnd, newText: quoteLike(tf.node, suggestion) }], preferred: true };
        ctx.report('topic-unknown', tf.valueStart, tf.valueEnd, ctx.msg('topic-unknown-suggest', data.topic, suggestion, index.topics.get(suggestion)), [fix]);
      }
    }
  }
  const titleField = article.fields.get('title');
  if (typeof data.title === 'string' && data.title.trim() !== '' && titleField && ctx.on('duplicate-title')) {
    const others = index.filesWithTitle(data.title).filter((f) => f !== ctx.file);
    if (others.length) {
      ctx.report('duplicate-title', titleField.valueStart, titleField.valueEnd, ctx.msg('duplicate-title', others.map(ctx.displayPath).sort().join(', ')));
    }
  }
}

function checkTags(ctx: CheckContext, seq: YAMLSeq): void {
  const { index } = ctx;
  const seen = new Map<string, number>();
  const items = seq.items as unknown[];
  items.forEach((item, i) => {
    if (!isScalar(item) || typeof (item as Scalar).value !== 'string' || !(item as Scalar).range) return;
    const s = item as Scalar<string>;
    const [start, end] = s.range!;
    const key = foldKey(s.value);
    if (seen.has(key)) {
      if (ctx.on('tag-duplicate')) {
        const fix: Fix = { title: ctx.msg('fix-remove-tag', s.value), edits: [removeItemEdit(ctx, seq, i)], preferred: true };
        ctx.report('tag-duplicate', start, end, ctx.msg('tag-duplicate', s.value), [fix]);
      }
      return;
    }
    seen.set(key, i);
    if (!index || !ctx.on('tag-variant')) return;
    const preferred = index.preferredTag(s.value);
    if (preferred) {
      const fix: Fix = { title: ctx.msg('fix-replace', preferred), edits: [{ start, end, newText: quoteLike(s, preferred) }], preferred: true };
      ctx.report('tag-variant', start, end, ctx.msg('tag-variant', s.value, preferred, index.tags.get(preferred)), [fix]);
    }
  });

}

/** An edit that removes one item of a list, in flow (`[a, b]`) or block (`- a`) style. */
export function removeItemEdit(ctx: Pick<CheckContext, 'article'>, seq: YAMLSeq, i: number): { start: number; end: number; newText: string } {
  const items = seq.items as Scalar[];
  const [start, end] = items[i].range!;
  const { lines, text } = ctx.article;
  if (seq.flow) {
    if (i > 0) return { start: items[i - 1].range![1], end, newText: '' };
    const next = items[1]?.range?.[0];
    return { start, end: next ?? end, newText: '' };
  }
  const line = lines.positionAt(start).line;
  const lineEnd = line + 1 < lines.lineCount ? lines.starts[line + 1] : text.length;
  return { start: lines.starts[line], end: lineEnd, newText: '' };
}
