// `node --import tsx bench/readers.ts`: per-article cost of the two YAML readers and of the whole
// check on the real corpus (median and p90 over several rounds), to keep the site's reader cheap.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createChecker } from '../src/core/check/index';
import { findFrontmatter } from '../src/core/frontmatter';
import { parseArticle } from '../src/core/parse';
import { readAsSite } from '../src/core/yaml/siteReader';

const CORPUS = path.resolve(__dirname, '../../shared/corpus/fraga-doktorn');
if (!fs.existsSync(CORPUS)) {
  console.log(`The real corpus is not at ${CORPUS}: this benchmark needs it.`);
  process.exit(2);
}
const texts = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));
const checker = createChecker();

function measure(label: string, run: (text: string) => void): void {
  for (let i = 0; i < 3; i++) for (const t of texts) run(t);
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const t of texts) {
      const a = performance.now();
      run(t);
      times.push(performance.now() - a);
    }
  }
  times.sort((x, y) => x - y);
  const at = (q: number) => (times[Math.floor(times.length * q)] * 1000).toFixed(0);
  console.log(`${label.padEnd(36)} median ${at(0.5).padStart(4)} µs   p90 ${at(0.9).padStart(4)} µs`);
}

measure('js-yaml read of the frontmatter', (t) => {
  const fm = findFrontmatter(t)!;
  readAsSite(t.slice(fm.siteStart, fm.contentEnd));
});
measure('parseArticle (both readers)', (t) => parseArticle(t));
measure('check (parse + every rule)', (t) => checker.check(t));
