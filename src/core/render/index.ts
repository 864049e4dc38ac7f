export { renderArticle, renderArticleHead, renderPage, renderWebviewHtml, HEAD_CHARS, TITLE_MAX, DESCRIPTION_MIN, DESCRIPTION_MAX, type RenderOptions, type WebviewOptions } from './article';
export { extractSummary, type Summary } from './markdown';
export { escapeHtml, formatSwedishDate, lix, lixBand, charCount, type LixResult } from './text';
export { categoryLabels, statusLabels, type LixBand } from './strings';
export { pageCss } from './page.css';
export { isHostToPreview, isPreviewToHost, externalLink, type HostToPreview, type PreviewToHost } from './protocol';
