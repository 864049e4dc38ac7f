#!/usr/bin/env node
// Takes the README screenshots from the real VS Code: starts `scripts/start.mjs` (a local VS Code
// server on a fresh copy of sample-workspace), drives it in headless chromium the way a person
// would (quick open, command palette, shortcuts) and writes docs/images/*.png.
//   node scripts/screenshots.mjs [--only diagnostics,quickfix,...] [--keep]
// --keep leaves the server running and prints its URL (Ctrl+C stops it).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs', 'images');
const args = process.argv.slice(2);
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
const keep = args.includes('--keep');
const ARTICLE = 'frusen-axel-efter-fall.md';
const log = (...a) => console.log('[screenshots]', ...a);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Starts scripts/start.mjs in its own process group and resolves with the URL it prints. */
function startServer(port) {
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), '--port', String(port)], {
    cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, QA_START_BROWSER: '1' },
  });
  const stop = () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ } };
  const url = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL from start.mjs after 5 minutes:\n${out}`)), 300_000);
    const onData = (chunk) => {
      out += chunk;
      const m = /^\s*(http:\/\/127\.0\.0\.1:\d+\/\?\S+)\s*$/m.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`start.mjs exited (${code}):\n${out}`)); });
  });
  return { url, stop };
}

// ---- driving the workbench ---------------------------------------------------------------

/** Runs a command by its palette title, as a person would with F1. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  // the row whose label is exactly the title (the top row may be a longer command containing it)
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: exact }) }).first();
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  // park the pointer where it raises no tooltip in the next picture
  await page.mouse.move(1, 450);
}

async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor();
}

/** Ctrl+G "line:column" in the active editor. */
async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

async function clearNotifications(page) {
  if (await page.locator('.notification-toast').count()) await runCommand(page, 'Notifications: Clear All Notifications');
}

/** Closes panels the default layout opens that would only crowd the pictures (chat, welcome). */
async function tidyLayout(page) {
  if (await page.locator('.part.auxiliarybar:visible').count()) await runCommand(page, 'View: Toggle Secondary Side Bar Visibility');
  if (await page.locator('.tabs-container .tab').count()) await runCommand(page, 'View: Close All Editors');
  await clearNotifications(page);
}

async function panelOpen(page) {
  return (await page.locator('.part.panel:visible').count()) > 0;
}

async function shot(page, name) {
  await clearNotifications(page);
  // let hover/caret animations and layout finish
  await page.waitForTimeout(400);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  log(`${path.relative(root, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
}

async function openArticle(page) {
  // whatever an earlier step left open (a menu, a widget) goes first
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await quickOpen(page, ARTICLE);
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
}

// ---- the pictures ------------------------------------------------------------------------

const shots = {
  async diagnostics(page) {
    await openArticle(page);
    await goTo(page, 1, 1);
    if (!(await page.locator('.markers-panel:visible').count())) await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Remove the quotes' }).first().waitFor();
    // back to the editor, so the caret is there and the panel shows every row
    await page.keyboard.press('Control+1');
    await shot(page, 'diagnostics');
  },

  async quickfix(page) {
    await openArticle(page);
    await goTo(page, 7, 9);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget:visible');
    await menu.waitFor({ state: 'visible' });
    await menu.locator('.monaco-list-row.action', { hasText: 'Remove the quotes' }).first().waitFor();
    await shot(page, 'quickfix');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
  },

  async completion(page) {
    await openArticle(page);
    // after the last tag: type the separator, as a person starting a new tag would
    await goTo(page, 6, 1);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(', ');
    const widget = page.locator('.suggest-widget.visible');
    await widget.waitFor();
    await widget.locator('.monaco-list-row').first().waitFor();
    await shot(page, 'completion');
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
    // undo the typing (the server may have auto-saved it, so a revert would not do)
    const line = page.locator('.monaco-editor .view-line', { hasText: 'tags:' }).first();
    for (let i = 0; i < 10 && !/"smärta"\]\s*$/.test(await line.textContent()); i++) await page.keyboard.press('Control+Z');
    if (!/"smärta"\]\s*$/.test(await line.textContent())) throw new Error('could not undo the typed separator');
    if (await page.locator('.tabs-container .tab.active.dirty').count()) await page.keyboard.press('Control+S');
  },

  async hover(page) {
    await openArticle(page);
    await goTo(page, 6, 11);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor({ state: 'visible' });
    await shot(page, 'hover');
    await page.keyboard.press('Escape');
  },

  async preview(page) {
    await openArticle(page);
    if (await panelOpen(page)) await page.keyboard.press('Control+J');
    // the side bar off gives the article and its preview room side by side
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await runCommand(page, 'Q&A Articles: Open Preview to the Side');
    const frame = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await frame.locator('body *').first().waitFor();
    await shot(page, 'preview');
    await runCommand(page, 'View: Close All Editors');
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'visible' });
  },

  async 'articles-view'(page) {
    await openArticle(page);
    await runCommand(page, 'Q&A Articles: Focus on Articles View');
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Articles' }) }).first();
    const rows = view.locator('.monaco-list-row');
    await rows.first().waitFor();
    // a wider side bar, dragged as a person would, so article titles are not cut off
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + sidebar.height / 2);
    await page.mouse.down();
    await page.mouse.move(sidebar.x + sidebar.width + 160, sidebar.y + sidebar.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.mouse.move(1, 450);
    // Published and the categories start collapsed; open them all so every group shows its articles
    const collapsed = view.locator('.monaco-list-row[aria-expanded="false"]');
    while (await collapsed.count()) {
      const row = collapsed.first();
      const before = await rows.count();
      await row.click();
      // the children arrive a moment after the twistie turns
      await page.waitForFunction(([el, n]) => el.querySelectorAll('.monaco-list-row').length > n, [await view.elementHandle(), before]);
    }
    await page.mouse.move(1, 450);
    await shot(page, 'articles-view');
  },
};

// ---- main --------------------------------------------------------------------------------

fs.mkdirSync(outDir, { recursive: true });
fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
const port = await freePort();
log(`starting the VS Code server on port ${port}…`);
const server = startServer(port);
let browser;
let page;
let exitCode = 0;
try {
  const url = await server.url;
  log(`server up: ${url}`);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(60_000);
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor();
  // the extension's activity bar entry appears once the workbench has read the development extension
  await page.locator('.activitybar .action-item [aria-label*="Q&A Articles"], .activitybar .action-label[aria-label*="Q&A Articles"]').first().waitFor();
  await tidyLayout(page);
  for (const [name, take] of Object.entries(shots)) {
    if (only && !only.has(name)) continue;
    log(`taking ${name}…`);
    try {
      await take(page);
    } catch (e) {
      exitCode = 1;
      console.error(`[screenshots] ${name} failed: ${e.message}`);
      await page.screenshot({ path: path.join(root, 'test-results', `screenshot-failed-${name}.png`) }).catch(() => {});
    }
  }
  if (keep) {
    log(`still running: ${url}  (Ctrl+C stops it)`);
    await new Promise((resolve) => process.once('SIGINT', resolve));
  }
} catch (e) {
  exitCode = 1;
  console.error(`[screenshots] ${e.stack ?? e}`);
  await page?.screenshot({ path: path.join(root, 'test-results', 'screenshot-failed.png') }).catch(() => {});
} finally {
  await browser?.close().catch(() => {});
  server.stop();
}
process.exit(exitCode);
