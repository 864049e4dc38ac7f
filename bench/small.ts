// The worst small inputs: a few bytes each, checked as the editor checks an article while someone
// types. Run in its own process (bench/core.ts gives it a time limit), it prints one JSON line:
// each input with the time of one check in ms.
import { createChecker } from '../src/core/check/index';

/** Inputs of a few bytes that have cost parsers dearly: deep nesting, unclosed brackets and quotes, aliases. */
export const SMALL_INPUTS: string[] = [
  '---\nx: {{{{{{{{{{{{{{{{{{{{{{{{{{{{\n---\n',
  '---\nx: [[[[[[[[[[[[[[[[[[[[[[[[[[[[\n---\n',
  '---\nx: {[{[{[{[{[{[{[{[{[{[{[{[{[{[\n---\n',
  '---\ntitle: "\n---\n',
  "---\ntitle: 'a\n---\n",
  '---\na: &a [*a, *a]\nb: *a\n---\n',
  '---\n? ? ? ? ? ? ? ? ? ? ? ? ? ?\n---\n',
  '---\n- - - - - - - - - - - - - - - -\n---\n',
  '---\ntags: [a, b, c\n---\n',
  '---\nx: |\n\t\n---\n',
  '---\n' + ':'.repeat(30) + '\n---\n',
  '---\n' + '"'.repeat(30) + '\n---\n',
];

if (require.main === module) {
  const checker = createChecker();
  checker.check('---\ntitle: "warm"\n---\n');
  const out: { input: string; ms: number }[] = [];
  for (const input of SMALL_INPUTS) {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = process.hrtime.bigint();
      checker.check(input, 'small.md');
      best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
      if (best > 1000) break;
    }
    out.push({ input, ms: best });
    process.stderr.write(`${JSON.stringify(input)} ${best.toFixed(2)} ms\n`);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}
