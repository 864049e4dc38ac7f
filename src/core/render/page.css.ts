/**
 * Styles of the preview page. Every colour goes through a VS Code theme variable so the webview
 * follows light, dark and high-contrast themes; the fallbacks make the same sheet work in an
 * exported page, which follows the browser's colour scheme instead.
 */
export const pageCss = `
:root {
  --qa-fg: var(--vscode-editor-foreground, #1b1b1b);
  --qa-bg: var(--vscode-editor-background, #ffffff);
  --qa-muted: var(--vscode-descriptionForeground, #5b6270);
  --qa-accent: var(--vscode-textLink-foreground, #1e40af);
  --qa-border: var(--vscode-contrastBorder, var(--vscode-panel-border, #d5dae3));
  --qa-band: var(--vscode-editorWidget-background, #eef2fb);
  --qa-question-bg: var(--vscode-textBlockQuote-background, #f5f6f8);
  --qa-answer-bg: var(--vscode-editor-background, #ffffff);
  --qa-key-bg: var(--vscode-textCodeBlock-background, #eaf1ff);
  --qa-chip-bg: var(--vscode-badge-background, #e3e8f2);
  --qa-chip-fg: var(--vscode-badge-foreground, #1b2a4a);
  --qa-error: var(--vscode-editorError-foreground, #c62828);
  --qa-warning: var(--vscode-editorWarning-foreground, #9a6700);
  --qa-info: var(--vscode-editorInfo-foreground, #1a64b0);
  --qa-banner-bg: var(--vscode-inputValidation-warningBackground, #fff4d6);
  --qa-banner-border: var(--vscode-inputValidation-warningBorder, #d4a017);
  --qa-font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --qa-fg: var(--vscode-editor-foreground, #e4e6eb);
    --qa-bg: var(--vscode-editor-background, #1e1f22);
    --qa-muted: var(--vscode-descriptionForeground, #a3a9b5);
    --qa-accent: var(--vscode-textLink-foreground, #7aa7ff);
    --qa-border: var(--vscode-contrastBorder, var(--vscode-panel-border, #3a3f4b));
    --qa-band: var(--vscode-editorWidget-background, #252a36);
    --qa-question-bg: var(--vscode-textBlockQuote-background, #262830);
    --qa-answer-bg: var(--vscode-editor-background, #1e1f22);
    --qa-key-bg: var(--vscode-textCodeBlock-background, #1f2c45);
    --qa-chip-bg: var(--vscode-badge-background, #323a4c);
    --qa-chip-fg: var(--vscode-badge-foreground, #e4e6eb);
    --qa-error: var(--vscode-editorError-foreground, #ff6b6b);
    --qa-warning: var(--vscode-editorWarning-foreground, #e0b040);
    --qa-info: var(--vscode-editorInfo-foreground, #6cb0ff);
    --qa-banner-bg: var(--vscode-inputValidation-warningBackground, #3b3220);
    --qa-banner-border: var(--vscode-inputValidation-warningBorder, #b08a2e);
  }
}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body {
  background: var(--qa-bg);
  color: var(--qa-fg);
  font-family: var(--qa-font);
  font-size: 16px;
  line-height: 1.6;
  /* Long words and pasted URLs must not push the page sideways in a narrow side panel. */
  overflow-wrap: anywhere;
}
.qa-tools, .qa-page { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
.qa-tools { padding-top: 0.75rem; font-size: 0.85rem; color: var(--qa-muted); }
.qa-problems { border: 1px solid var(--qa-border); border-left: 4px solid var(--qa-muted); border-radius: 4px; padding: 0.4rem 0.75rem; margin-bottom: 0.5rem; }
.qa-problems.qa-worst-error { border-left-color: var(--qa-error); }
.qa-problems.qa-worst-warning { border-left-color: var(--qa-warning); }
.qa-problems.qa-worst-info, .qa-problems.qa-worst-hint { border-left-color: var(--qa-info); }
.qa-problems-count { margin: 0; font-weight: 600; color: var(--qa-fg); }
.qa-problem-list { list-style: none; margin: 0.25rem 0 0; padding: 0; }
.qa-problem { padding: 0.15rem 0.25rem; border-radius: 3px; cursor: pointer; }
.qa-problem:hover, .qa-problem:focus { background: var(--vscode-list-hoverBackground, rgba(127, 127, 127, 0.12)); outline: none; }
.qa-problem:focus-visible { outline: 1px solid var(--vscode-focusBorder, var(--qa-accent)); }
.qa-sev { font-weight: 600; }
.qa-sev-error .qa-sev { color: var(--qa-error); }
.qa-sev-warning .qa-sev { color: var(--qa-warning); }
.qa-sev-info .qa-sev, .qa-sev-hint .qa-sev { color: var(--qa-info); }
.qa-problem-line { color: var(--qa-muted); }
.qa-problem-message { color: var(--qa-fg); }
.qa-readability { margin: 0 0 0.75rem; }
.qa-readability .qa-tooLong, .qa-readability .qa-tooShort { color: var(--qa-warning); }
.qa-sep { color: var(--qa-muted); }
.qa-page { padding-bottom: 2rem; }
.qa-status { background: var(--qa-banner-bg); border: 1px solid var(--qa-banner-border); border-radius: 4px; padding: 0.5rem 0.75rem; margin: 0.5rem 0 1rem; font-weight: 600; }
.qa-status p { margin: 0; }
.qa-header { background: var(--qa-band); border: 1px solid var(--qa-border); border-radius: 6px; padding: 1rem 1.25rem; margin: 0.5rem 0 1.25rem; }
.qa-category { display: inline-block; margin: 0 0 0.4rem; font-size: 0.8rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--qa-accent); }
.qa-title { margin: 0 0 0.4rem; font-size: 1.7rem; line-height: 1.25; }
.qa-meta { margin: 0; color: var(--qa-muted); font-size: 0.9rem; }
.qa-box { border: 1px solid var(--qa-border); border-radius: 6px; padding: 1rem 1.25rem; margin: 0 0 1.25rem; }
.qa-question { background: var(--qa-question-bg); }
.qa-answer { background: var(--qa-answer-bg); border-left: 4px solid var(--qa-accent); }
.qa-box-heading { margin: 0 0 0.5rem; font-size: 1.05rem; font-weight: 600; color: var(--qa-muted); }
.qa-box-heading span { color: var(--qa-fg); }
.qa-question-text p, .qa-answer-text p { margin: 0 0 0.8rem; }
.qa-answer-text > :last-child, .qa-question-text > :last-child { margin-bottom: 0; }
.qa-answer-text h1, .qa-answer-text h2, .qa-answer-text h3, .qa-answer-text h4 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
.qa-answer-text a { color: var(--qa-accent); }
.qa-answer-text code { font-family: var(--vscode-editor-font-family, ui-monospace, Consolas, monospace); background: var(--qa-key-bg); padding: 0 0.2em; border-radius: 3px; }
.qa-answer-text pre { overflow-x: auto; background: var(--qa-key-bg); padding: 0.5rem; border-radius: 4px; }
.qa-answer-text blockquote { margin: 0 0 0.8rem; padding-left: 0.8rem; border-left: 3px solid var(--qa-border); color: var(--qa-muted); }
.qa-answer-text ul, .qa-answer-text ol { padding-left: 1.4rem; margin: 0 0 0.8rem; }
.qa-answer-text table { border-collapse: collapse; display: block; overflow-x: auto; }
.qa-answer-text th, .qa-answer-text td { border: 1px solid var(--qa-border); padding: 0.2rem 0.5rem; }
.qa-key-points { background: var(--qa-key-bg); border: 1px solid var(--qa-border); border-left: 4px solid var(--qa-accent); border-radius: 4px; padding: 0.75rem 1rem; margin: 1rem 0 0; }
.qa-key-points-title { font-weight: 700; margin: 0 0 0.4rem; color: var(--qa-accent); }
.qa-key-points ul, .qa-key-points ol { margin: 0; }
.qa-key-points-intro { margin: 0 0 0.4rem; }
.qa-tags-heading { font-size: 1rem; margin: 0 0 0.5rem; }
.qa-chips { list-style: none; display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0; padding: 0; }
.qa-chip { background: var(--qa-chip-bg); color: var(--qa-chip-fg); border: 1px solid var(--qa-border); border-radius: 999px; padding: 0.1rem 0.7rem; font-size: 0.85rem; }
.qa-image { color: var(--qa-muted); font-style: italic; }
/* The preview's links carry data-href (the host opens them): styled as the links they are. */
a[data-href] { color: var(--qa-accent); text-decoration: underline; cursor: pointer; }
a[data-href]:focus-visible { outline: 1px solid var(--vscode-focusBorder, var(--qa-accent)); outline-offset: 1px; }
.qa-missing { color: var(--qa-muted); font-style: italic; }
.qa-invalid { text-decoration: underline wavy var(--qa-error); }
[data-line].qa-active { outline: 1px dashed var(--vscode-focusBorder, var(--qa-accent)); outline-offset: 2px; }
@media (max-width: 30rem) {
  .qa-tools, .qa-page { padding: 0 0.5rem; }
  .qa-header, .qa-box { padding: 0.75rem; }
  .qa-title { font-size: 1.35rem; }
}
@media (forced-colors: active) {
  .qa-status, .qa-header, .qa-box, .qa-key-points, .qa-chip, .qa-problems { border: 1px solid CanvasText; }
}
`;
