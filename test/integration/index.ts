// Mocha entry point for the integration tests (extensionTestsPath = dist/test/integration/index.js).
// VS Code's extension host calls run(); it loads every *.test.js bundled next to this file by
// scripts/build-tests.mjs. Tests use Mocha's TDD interface (suite/test), as VS Code's own do.
//
// Results: spec output goes to the console, which the workbench forwards to the runner's stdout.
// The counts are written to $QA_TEST_RESULTS when set, and always printed as one line
//   QA_RESULTS {"passed":N,"failed":M,"pending":P}
// that scripts/vscode/run-tests.mjs parses if the file was not written.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Counts {
  passed: number;
  failed: number;
  pending: number;
}

function writeResults(counts: Counts): void {
  const file = process.env.QA_TEST_RESULTS;
  if (file) {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(counts) + '\n');
    } catch (e) {
      console.error(`[integration] could not write ${file}: ${String(e)}`);
    }
  }
  console.log(`QA_RESULTS ${JSON.stringify(counts)}`);
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    timeout: 20_000, // the workbench runs in headless chromium on a shared 2-core machine
    ...(process.env.QA_TEST_GREP ? { grep: process.env.QA_TEST_GREP } : {}),
  });

  const dir = __dirname;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(dir, f));

  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      writeResults({ passed: 0, failed: 1, pending: 0 });
      reject(new Error(`no *.test.js files in ${dir}`));
      return;
    }
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const s = runner.stats;
        const counts: Counts = {
          passed: s?.passes ?? 0,
          failed: Math.max(failures, s?.failures ?? 0),
          pending: s?.pending ?? 0,
        };
        writeResults(counts);
        if (counts.failed > 0) reject(new Error(`${counts.failed} integration test(s) failed`));
        else resolve();
      });
    } catch (e) {
      // e.g. a test file that throws while loading
      console.error(e);
      writeResults({ passed: 0, failed: 1, pending: 0 });
      reject(e);
    }
  });
}
