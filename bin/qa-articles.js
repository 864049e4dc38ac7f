#!/usr/bin/env node
'use strict';
// The CLI is bundled by `npm run build`; this stub loads it. The build also leaves V8's code
// cache of the bundle (dist/cli.js.cache, made by a check of the sample workspace), so the
// functions a check runs are not compiled again at every start. The cache is used only for the
// very bundle it was made from (its size and modification time); one from another Node version
// is rejected by V8 itself, and the bundle then compiles as usual.
const path = require('path');
const fs = require('fs');
// A check runs each function over hundreds of articles and is over in well under a second or
// two: V8's default tiering (optimised code made after a short while of running) spends more on
// compiling functions again as their inputs vary than it saves. Four times its budget before
// optimising made a check of the 649 articles ~8% faster, of 12,980 ~10%, with less CPU time in
// all (npm run bench shows the CLI's figures). Set before the bundle loads, for this process only.
try {
  require('v8').setFlagsFromString('--interrupt-budget=262144');
} catch {
  // A runtime without the flag checks as fast as its defaults allow.
}
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('qa-articles: not built yet. Run `npm run build` in ' + path.dirname(__dirname) + '\n');
  process.exit(2);
}
const cacheFile = cli + '.cache';
const writeCache = process.env.QA_ARTICLES_WRITE_CODE_CACHE === '1';

/** The cache made for this bundle, or undefined. Its first line is the bundle's size and mtime. */
function readCache() {
  try {
    const data = fs.readFileSync(cacheFile);
    const nl = data.indexOf(10);
    const st = fs.statSync(cli);
    return nl > 0 && data.subarray(0, nl).toString() === `${st.size} ${st.mtimeMs}` ? data.subarray(nl + 1) : undefined;
  } catch {
    return undefined;
  }
}

/** Loads the bundle as `require` would, through a script that can use (and make) a code cache. */
function load(cachedData) {
  const vm = require('vm');
  const Module = require('module');
  const script = new vm.Script(Module.wrap(fs.readFileSync(cli, 'utf8')), { filename: cli, cachedData });
  const m = new Module(cli, module);
  m.filename = cli;
  require.cache[cli] = m;
  script.runInThisContext().call(m.exports, m.exports, Module.createRequire(cli), m, cli, path.dirname(cli));
  m.loaded = true;
  if (writeCache) {
    process.once('exit', () => {
      const st = fs.statSync(cli);
      fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${st.size} ${st.mtimeMs}\n`), script.createCachedData()]));
    });
  }
  return m.exports;
}

const cached = writeCache ? undefined : readCache();
(cached || writeCache ? load(cached) : require(cli)).cliEntry();
