import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { schemaFromAstroCollection } from '../../src/core/astroSchema';
import { createChecker, type Checker } from '../../src/core/check/index';
import { defaultSchema } from '../../src/core/schema';
import { mutate, rng } from './mutate';
import { buildFails } from './siteBuild';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/fraga-doktorn');
const SAMPLES = path.resolve(ROOT, 'sample-workspace/src/content/fraga-doktorn');
const GENERATED = path.resolve(ROOT, '../shared/site/generated/fraga-doktorn.schema.json');
// A few thousand in the unit suite; QA_MUTATIONS=50000 (and QA_SEED) for a longer run by hand.
const MUTATIONS = Number(process.env.QA_MUTATIONS) || 2000;
const SEED = Number(process.env.QA_SEED) || 20261201;

const source = fs.existsSync(CORPUS) ? CORPUS : SAMPLES;
if (source !== CORPUS) console.log(`# the real corpus is not at ${CORPUS}: mutating the sample workspace's articles instead`);
const articles = fs.readdirSync(source).filter((f) => f.endsWith('.md')).sort().map((f) => ({ file: f, text: fs.readFileSync(path.join(source, f), 'utf8') }));
const generated = fs.existsSync(GENERATED) ? schemaFromAstroCollection(JSON.parse(fs.readFileSync(GENERATED, 'utf8'))) : undefined;
if (!generated) console.log(`# skipped: the site's generated schema is not at ${GENERATED}`);

// `published-typo` is the one error the build does not fail on: the build passes and the draft goes live.
const fails = (checker: Checker, text: string) => checker.check(text).some((p) => p.severity === 'error' && p.rule !== 'published-typo');

/** The articles and their seeded mutations (one to three slips each), the same on every run. */
function cases(): { name: string; text: string }[] {
  const r = rng(SEED);
  const out = articles.map((a) => ({ name: a.file, text: a.text }));
  for (let i = 0; i < MUTATIONS; i++) {
    const a = articles[Math.floor(r() * articles.length)];
    let text = a.text;
    const n = 1 + Math.floor(r() * 3);
    for (let k = 0; k < n; k++) text = mutate(text, r);
    out.push({ name: `${a.file} #${i}`, text });
  }
  return out;
}

interface Outcome {
  errors: number;
  total: number;
  /** Per checker: the cases where its error/no-error differs from the build's. */
  differ: Map<Checker, string[]>;
}

let outcome: Outcome | undefined;
const bundled = createChecker({ schema: defaultSchema() });
const fromSite = generated && createChecker({ schema: generated });

/** Every case through the build's verdict and each checker, once for both tests. */
function run(): Outcome {
  if (outcome) return outcome;
  const checkers = [bundled, ...(fromSite ? [fromSite] : [])];
  const differ = new Map<Checker, string[]>(checkers.map((c) => [c, []]));
  let errors = 0;
  let total = 0;
  for (const c of cases()) {
    const site = buildFails(c.text);
    total++;
    if (site) errors++;
    for (const checker of checkers) {
      const ours = fails(checker, c.text);
      if (ours !== site) differ.get(checker)!.push(`${c.name}: the build ${site ? 'fails' : 'passes'}, the checker says ${ours ? 'error' : 'no error'}\n${JSON.stringify(c.text.slice(0, 600))}`);
    }
  }
  return (outcome = { errors, total, differ });
}

test(`the checker's error/no-error is the build's on every article and ${MUTATIONS} mutations of them`, () => {
  const { differ, errors, total } = run();
  const list = differ.get(bundled)!;
  assert.ok(errors > total / 5 && errors < total - total / 5, `the mutations break some articles and not others (${errors} of ${total} fail)`);
  assert.deepEqual(list.slice(0, 5), [], `${list.length} disagreements`);
});

test('with the schema the site generates (.astro/collections), the verdicts are the same', { skip: !generated && `no generated schema at ${GENERATED}` }, () => {
  const list = run().differ.get(fromSite!)!;
  assert.deepEqual(list.slice(0, 5), [], `${list.length} disagreements`);
});
