#!/usr/bin/env node
'use strict';
// The CLI is bundled by `npm run build`; this stub only points at it.
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('qa-articles: not built yet. Run `npm run build` in ' + path.dirname(__dirname) + '\n');
  process.exit(2);
}
require(cli).cliEntry();
