// `npm run bench`: every figure the issues ask for, measured in one run, side by side with the peers.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { benchCore, CORPUS } from './core';

async function run(): Promise<void> {
  if (!fs.existsSync(CORPUS)) {
    console.log(`The real corpus is not at ${CORPUS}: the benchmarks need it.`);
    process.exit(2);
  }
  console.log(`qa-articles benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  await benchCore();
  const optional: [string, string][] = [
    ['./preview', 'benchPreview'],
    ['./workflow', 'benchWorkflow'],
    ['./completion', 'benchCompletion'],
  ];
  for (const [mod, fn] of optional) {
    if (!fs.existsSync(path.join(__dirname, `${mod}.ts`))) continue;
    const m = (await import(mod)) as Record<string, () => Promise<void> | void>;
    if (typeof m[fn] === 'function') await m[fn]();
  }
  // The editor figures, measured in the real VS Code on 20 copies of the corpus.
  spawnSync(process.execPath, [path.join(__dirname, 'vscode', 'run.mjs')], { stdio: 'inherit' });
}

void run();
