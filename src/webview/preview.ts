// The preview's own script (bundled for the browser into dist/webview/preview.js, loaded by nonce).
// It swaps page bodies sent by the extension, keeps editor and preview scrolled together, and
// turns clicks on problems and links into messages: the host decides what they may do.
import { isHostToPreview, type PreviewToHost } from '../core/render/protocol';

interface VsCodeApi {
  postMessage(msg: PreviewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('qa-root');
/** The newest update shown; an older one arriving late must not replace it. */
let shownVersion = -1;
/** Scroll events caused by our own scrolling are not the user's and must not echo back to the editor. */
let ignoreScrollUntil = 0;

function post(msg: PreviewToHost): void {
  vscode.postMessage(msg);
}

interface Block {
  line: number;
  el: HTMLElement;
}

/** Blocks that map to source lines, in document order; problems in the tools panel are not page content. */
function blocks(): Block[] {
  if (!root) return [];
  const out: Block[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-line]'))) {
    if (el.closest('[data-qa="tools"]')) continue;
    const line = Number(el.dataset.line);
    if (Number.isInteger(line) && line >= 0) out.push({ line, el });
  }
  return out;
}

/** The page offset that shows source line `line` at the top, interpolated between the blocks around it. */
function offsetForLine(line: number): number | undefined {
  const all = blocks();
  let prev: Block | undefined;
  let next: Block | undefined;
  for (const b of all) {
    if (b.line <= line && (!prev || b.line >= prev.line)) prev = b;
    if (b.line > line && (!next || b.line < next.line)) next = b;
  }
  if (!prev) return next ? 0 : undefined;
  const prevTop = prev.el.getBoundingClientRect().top + window.scrollY;
  if (!next) return prevTop;
  const nextTop = next.el.getBoundingClientRect().top + window.scrollY;
  // Frontmatter blocks are not laid out in source order; never interpolate backwards.
  if (nextTop <= prevTop) return prevTop;
  return prevTop + ((line - prev.line) / (next.line - prev.line)) * (nextTop - prevTop);
}

function scrollToLine(line: number): void {
  const y = offsetForLine(line);
  if (y === undefined) return;
  const target = Math.max(0, Math.round(y));
  if (Math.abs(target - window.scrollY) < 1) return;
  ignoreScrollUntil = Date.now() + 150;
  window.scrollTo(0, target);
}

/** The source line of the block at the top of the viewport. */
function topLine(): number | undefined {
  let best: Block | undefined;
  let bestTop = -Infinity;
  for (const b of blocks()) {
    const r = b.el.getBoundingClientRect();
    if (r.height === 0) continue;
    // The block that starts last at or above the top edge is the one being read.
    if (r.top <= 1 && r.top >= bestTop) {
      bestTop = r.top;
      best = b;
    }
  }
  return best?.line ?? blocks()[0]?.line;
}

function saveState(line: number | undefined): void {
  vscode.setState({ line });
}

function restoredLine(): number | undefined {
  const s = vscode.getState();
  if (typeof s === 'object' && s !== null && 'line' in s) {
    const line = (s as { line: unknown }).line;
    if (typeof line === 'number' && Number.isInteger(line) && line >= 0) return line;
  }
  return undefined;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isHostToPreview(msg)) return;
  if (msg.type === 'update') {
    if (!root || msg.version <= shownVersion) return;
    shownVersion = msg.version;
    // Swapping the body keeps window.scrollY, so typing does not jump the page.
    const y = window.scrollY;
    root.innerHTML = msg.html;
    ignoreScrollUntil = Date.now() + 150;
    window.scrollTo(0, y);
    post({ type: 'rendered', version: msg.version });
    reportImages(msg.version);
  } else {
    scrollToLine(msg.line);
  }
});

let scrollPending = false;
window.addEventListener(
  'scroll',
  () => {
    if (scrollPending) return;
    scrollPending = true;
    requestAnimationFrame(() => {
      scrollPending = false;
      const line = topLine();
      saveState(line);
      if (Date.now() < ignoreScrollUntil || line === undefined) return;
      post({ type: 'scrolled', line });
    });
  },
  { passive: true },
);

/**
 * The target of a clicked link, for the host to check and open. The page's links carry it in
 * `data-href`: VS Code's webview opens every `<a href>` clicked, `preventDefault()` or not, so a
 * real `href` would open twice, or open what the host refuses. An `href` that still turns up (not
 * a `#…` within the page) is kept from VS Code's handler and handed to the host the same way.
 */
function linkTarget(event: Event, link: Element): string | undefined {
  const data = link.getAttribute('data-href');
  if (data !== null) return data;
  const href = link.getAttribute('href');
  if (href === null || href.startsWith('#')) return undefined;
  event.stopPropagation();
  return href;
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const link = target.closest('a');
  if (link) {
    const href = linkTarget(event, link);
    if (href === undefined) return;
    event.preventDefault();
    post({ type: 'openLink', href });
    return;
  }
  const problem = target.closest<HTMLElement>('[data-qa="problem"]');
  if (problem) revealOf(problem);
});

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const el = event.target instanceof Element ? event.target : null;
  // A link without href is not activated by the browser: Enter opens it, as on a real link.
  const link = el?.closest('a[data-href]');
  if (link && event.key === 'Enter') {
    event.preventDefault();
    post({ type: 'openLink', href: link.getAttribute('data-href') ?? '' });
    return;
  }
  const problem = el?.closest<HTMLElement>('[data-qa="problem"]');
  if (!problem) return;
  event.preventDefault();
  revealOf(problem);
});

// Double-clicking the page jumps to the source of the block, as in VS Code's Markdown preview.
document.addEventListener('dblclick', (event) => {
  const el = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-line]') : null;
  if (el && !el.closest('[data-qa="tools"]')) revealOf(el);
});

/**
 * Tells the host the body's pictures once each has loaded or failed (what a reader sees of
 * them), unless a newer body has replaced it by then. `version` 0: the document's own body.
 */
function reportImages(version: number): void {
  if (!root) return;
  const images = Array.from(root.querySelectorAll<HTMLImageElement>('img[data-qa="image"]'));
  if (images.length === 0) return;
  const settled = (img: HTMLImageElement) =>
    img.complete
      ? undefined
      : new Promise<void>((resolve) => {
          img.addEventListener('load', () => resolve(), { once: true });
          img.addEventListener('error', () => resolve(), { once: true });
        });
  void Promise.all(images.map(settled)).then(() => {
    if (version !== Math.max(shownVersion, 0)) return;
    post({ type: 'images', version, widths: images.map((img) => img.naturalWidth) });
  });
}

function revealOf(el: HTMLElement): void {
  const line = Number(el.dataset.line);
  if (Number.isInteger(line) && line >= 0) post({ type: 'reveal', line });
}

/** Problems are clickable; keyboard users reach them too. */
function makeProblemsFocusable(): void {
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-qa="problem"]'))) {
    if (!el.hasAttribute('tabindex')) el.tabIndex = 0;
    el.setAttribute('role', 'button');
  }
}

// VS Code marks the theme kind on <body>; native controls and scrollbars follow it through color-scheme.
function followTheme(): void {
  const c = document.body.classList;
  const light = c.contains('vscode-light') || c.contains('vscode-high-contrast-light');
  const dark = !light && (c.contains('vscode-dark') || c.contains('vscode-high-contrast'));
  document.documentElement.style.colorScheme = light ? 'light' : dark ? 'dark' : '';
}

followTheme();
new MutationObserver(followTheme).observe(document.body, { attributes: true, attributeFilter: ['class'] });
if (root) new MutationObserver(makeProblemsFocusable).observe(root, { childList: true });
makeProblemsFocusable();

const initial = restoredLine();
if (initial !== undefined) scrollToLine(initial);
post({ type: 'ready' });
reportImages(0);
