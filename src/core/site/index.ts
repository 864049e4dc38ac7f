export * from './types';
export { loadSiteKnowledge } from './read';
export { bodyPartLabel, conditionOf, describeSiteError, nearestTopic, topicPage, topicsOf } from './lookup';
export { siteSources, DEFAULT_TOPICS_FILE, DEFAULT_CONDITIONS_FILE, type SitePaths } from './sources';
export { readSiteKnowledge, siteFilePaths, type SiteProject } from './host';
