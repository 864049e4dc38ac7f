/**
 * Styles of the preview page. The editor aids around the page (problems, readability, the
 * search result) take their colours from VS Code theme variables, so they follow light, dark
 * and high-contrast themes. The page itself has the site's own layout and colours in every
 * theme — a dark hero tinted by the body part, a grey question box, a blue-bordered answer box,
 * the sidebar with the tags, the "Fördjupning" box and "Fler frågor" below — because it must
 * look like the page a reader gets.
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
.qa-tools, .qa-page { max-width: 56rem; margin: 0 auto; padding: 0 1rem; }
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
.qa-page {
  /* The site's palette (slate and sky; emerald for knä, amber for armbåge). */
  --site-slate-50: #f8fafc; --site-slate-200: #e2e8f0; --site-slate-300: #cbd5e1; --site-slate-400: #94a3b8;
  --site-slate-500: #64748b; --site-slate-600: #475569; --site-slate-700: #334155; --site-slate-800: #1e293b; --site-slate-900: #0f172a;
  --site-sky-50: #f0f9ff; --site-sky-200: #bae6fd; --site-sky-400: #38bdf8; --site-sky-600: #0284c7; --site-sky-700: #0369a1;
  --site-tint: #0c4a6e; --site-pill-bg: rgba(2, 132, 199, 0.3); --site-pill-fg: #7dd3fc; --site-crumb: #38bdf8;
  max-width: 56rem; padding: 0 0 2rem; background: #ffffff; color: var(--site-slate-700); border-radius: 6px; overflow: hidden;
}
.qa-page[data-body-part="kna"] { --site-tint: #064e3b; --site-pill-bg: rgba(5, 150, 105, 0.3); --site-pill-fg: #6ee7b7; --site-crumb: #34d399; }
.qa-page[data-body-part="armbage"] { --site-tint: #78350f; --site-pill-bg: rgba(217, 119, 6, 0.3); --site-pill-fg: #fcd34d; --site-crumb: #fbbf24; }
.qa-status { background: var(--qa-banner-bg); color: var(--qa-fg); border: 1px solid var(--qa-banner-border); border-radius: 4px; padding: 0.5rem 0.75rem; margin: 0.5rem 1rem 1rem; font-weight: 600; }
.qa-status p { margin: 0; }
.qa-status p + p { margin-top: 0.25rem; }
.qa-address { font-weight: 400; font-family: var(--vscode-editor-font-family, ui-monospace, Consolas, monospace); overflow-wrap: anywhere; }
.qa-hero { background: linear-gradient(135deg, var(--site-slate-900), var(--site-slate-800), var(--site-tint)); color: #ffffff; padding: 1.5rem 1.5rem 2.5rem; margin: 0 0 2rem; }
.qa-breadcrumb { display: flex; flex-wrap: wrap; gap: 0.5rem; font-size: 0.875rem; margin: 0 0 1.5rem; color: var(--site-slate-400); }
.qa-crumb-sep { color: var(--site-slate-500); }
.qa-crumb-current { color: var(--site-crumb); }
.qa-pill { display: inline-block; margin: 0 0 0.75rem; padding: 0.25rem 0.75rem; border-radius: 0.25rem; background: var(--site-pill-bg); color: var(--site-pill-fg); font-size: 0.75rem; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase; }
.qa-title { margin: 0 0 1rem; font-size: 1.875rem; font-weight: 900; line-height: 1.25; letter-spacing: -0.025em; color: #ffffff; }
.qa-meta { margin: 0; color: var(--site-slate-400); font-size: 0.875rem; }
.qa-columns { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 2rem; padding: 0 1.5rem; }
.qa-main, .qa-side { display: flex; flex-direction: column; gap: 1.5rem; min-width: 0; }
.qa-box { border-radius: 1rem; overflow: hidden; margin: 0; }
.qa-question { background: var(--site-slate-50); border: 1px solid var(--site-slate-200); }
.qa-answer { background: #ffffff; border: 2px solid var(--site-sky-200); box-shadow: 0 1px 2px rgba(0, 0, 0, 0.05); }
.qa-box-heading { display: flex; align-items: center; gap: 0.75rem; margin: 0; padding: 0.75rem 1.25rem; font-size: 0.875rem; }
.qa-question .qa-box-heading { background: var(--site-slate-700); }
.qa-answer .qa-box-heading { background: var(--site-sky-700); }
.qa-avatar { flex: none; width: 2rem; height: 2rem; border-radius: 50%; background: var(--site-slate-600); }
.qa-answer .qa-avatar { border: 2px solid var(--site-sky-400); background: var(--site-sky-600); }
.qa-who { display: flex; flex-direction: column; line-height: 1.3; }
.qa-name { color: #ffffff; font-weight: 700; }
.qa-verb { color: var(--site-slate-400); font-size: 0.75rem; font-weight: 400; }
.qa-answer .qa-verb { color: var(--site-sky-200); }
.qa-question-text, .qa-answer-text { padding: 1.25rem; }
.qa-question-text p, .qa-answer-text p { margin: 0 0 0.75rem; line-height: 1.625; }
.qa-answer-text > :last-child, .qa-question-text > :last-child { margin-bottom: 0; }
.qa-answer-text strong { color: var(--site-slate-900); }
.qa-answer-text h1, .qa-answer-text h2, .qa-answer-text h3, .qa-answer-text h4 { font-size: 1.125rem; margin: 1.5rem 0 0.75rem; color: #075985; }
.qa-answer-text a { color: var(--site-sky-700); text-decoration: none; }
.qa-answer-text code { font-family: ui-monospace, Consolas, monospace; background: var(--site-slate-50); padding: 0 0.2em; border-radius: 3px; }
.qa-answer-text pre { overflow-x: auto; background: var(--site-slate-50); padding: 0.5rem; border-radius: 4px; }
.qa-answer-text blockquote { margin: 0 0 0.75rem; padding-left: 0.8rem; border-left: 3px solid var(--site-slate-200); color: var(--site-slate-600); }
.qa-answer-text ul, .qa-answer-text ol { padding-left: 1.4rem; margin: 0.75rem 0; }
.qa-answer-text table { border-collapse: collapse; display: block; overflow-x: auto; }
.qa-answer-text th, .qa-answer-text td { border: 1px solid var(--site-slate-200); padding: 0.2rem 0.5rem; }
.qa-key-points { background: var(--site-sky-50); border: 1px solid var(--site-sky-200); border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 1rem 0 0; }
.qa-key-points-title { font-weight: 700; margin: 0 0 0.4rem; color: var(--site-slate-900); }
.qa-key-points ul, .qa-key-points ol { margin: 0; }
.qa-key-points-intro { margin: 0 0 0.4rem; }
.qa-deeper { display: block; background: linear-gradient(135deg, var(--site-slate-50), var(--site-sky-50)); border: 1px solid var(--site-sky-200); border-radius: 1rem; padding: 1.25rem; }
.qa-deeper-label { margin: 0 0 0.5rem; font-size: 0.75rem; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase; color: var(--site-sky-600); }
.qa-deeper-title { margin: 0 0 0.5rem; font-size: 1.125rem; font-weight: 700; color: var(--site-slate-800); }
.qa-deeper-text { margin: 0 0 0.75rem; font-size: 0.875rem; color: var(--site-slate-600); line-height: 1.625; }
.qa-deeper-more { margin: 0; font-size: 0.875rem; font-weight: 500; color: var(--site-sky-600); }
.qa-side-box { background: var(--site-slate-50); border: 1px solid var(--site-slate-200); border-radius: 0.75rem; padding: 1.25rem; }
.qa-tags-heading { font-size: 0.875rem; font-weight: 700; color: var(--site-slate-700); margin: 0 0 0.75rem; }
.qa-chips { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0; padding: 0; }
.qa-chip { background: #ffffff; color: var(--site-slate-600); border: 1px solid var(--site-slate-200); border-radius: 999px; padding: 0.25rem 0.75rem; font-size: 0.75rem; }
.qa-chip-clash { border: 1px dashed var(--qa-warning); text-decoration: underline wavy var(--qa-warning); }
.qa-tag-clash { margin-top: 0.75rem; font-size: 0.75rem; color: var(--site-slate-600); }
.qa-tag-clash p, .qa-tag-clash ul { margin: 0; padding-left: 0; list-style: none; }
.qa-tag-clash p { font-weight: 700; color: #9a6700; }
.qa-related { background: var(--site-slate-50); border-top: 1px solid var(--site-slate-200); padding: 2.5rem 1.5rem 0.5rem; margin-top: 2.5rem; }
.qa-related-heading { font-size: 1.25rem; font-weight: 700; color: var(--site-slate-900); margin: 0 0 1.5rem; }
.qa-related-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
.qa-related-card { background: #ffffff; border: 1px solid var(--site-slate-200); border-radius: 0.75rem; padding: 1rem; }
.qa-related-title { margin: 0; font-weight: 700; color: var(--site-slate-800); }
.qa-related-text { margin: 0.25rem 0 0; font-size: 0.875rem; color: var(--site-slate-600); display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.qa-serp { border: 1px solid var(--qa-border); border-radius: 6px; padding: 0.6rem 0.8rem; margin: 0 0 0.75rem; font-family: arial, sans-serif; }
.qa-serp p { margin: 0; }
.qa-serp-label { font-size: 0.75rem; color: var(--qa-muted); text-transform: uppercase; letter-spacing: 0.05em; margin-bottom: 0.25rem !important; }
.qa-serp-url { font-size: 0.8rem; color: var(--vscode-terminal-ansiGreen, #188038); }
.qa-serp-title { font-size: 1.15rem; line-height: 1.3; color: var(--vscode-textLink-foreground, #1a0dab); }
.qa-serp-description { font-size: 0.85rem; color: var(--qa-fg); }
.qa-serp-fallback { font-style: italic; }
.qa-serp-note { font-size: 0.75rem; color: var(--qa-muted); margin-top: 0.25rem !important; }
.qa-image { color: var(--qa-muted); font-style: italic; }
/* A picture of the answer, at most as wide as the answer (as on the site). */
.qa-image-file { max-width: 100%; height: auto; }
.qa-image-broken { color: var(--qa-fg); font-style: normal; border-left: 3px solid var(--qa-warning); padding-left: 0.4rem; display: inline-block; }
.qa-image-broken .qa-image-note { display: block; font-size: 0.875rem; }
/* The preview's links carry data-href (the host opens them): styled as the links they are. */
a[data-href] { color: var(--qa-accent); text-decoration: underline; cursor: pointer; }
a[data-href]:focus-visible { outline: 1px solid var(--vscode-focusBorder, var(--qa-accent)); outline-offset: 1px; }
.qa-missing { color: var(--qa-muted); font-style: italic; }
.qa-invalid { text-decoration: underline wavy var(--qa-error); }
[data-line].qa-active { outline: 1px dashed var(--vscode-focusBorder, var(--qa-accent)); outline-offset: 2px; }
/* The site stacks the sidebar under the answer below its large breakpoint; a side panel is narrow. */
@media (max-width: 64rem) {
  .qa-columns { grid-template-columns: minmax(0, 1fr); }
}
@media (max-width: 30rem) {
  .qa-tools { padding: 0 0.5rem; }
  .qa-hero, .qa-columns { padding-left: 0.75rem; padding-right: 0.75rem; }
  .qa-title { font-size: 1.35rem; }
}
@media (forced-colors: active) {
  .qa-status, .qa-header, .qa-box, .qa-key-points, .qa-chip, .qa-problems, .qa-serp, .qa-deeper, .qa-side-box, .qa-related-card { border: 1px solid CanvasText; }
}
`;
