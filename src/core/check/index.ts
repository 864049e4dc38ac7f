import { DEFAULT_CONFIG, type ProjectConfig } from '../config';
import type { CorpusIndex } from '../corpus';
import type { Lang } from '../i18n/messages';
import { parseArticle, type ParsedArticle } from '../parse';
import type { PhaseProfile } from '../profile';
import { defaultSchema, type ArticleSchema } from '../schema';
import type { Problem } from '../types';
import { CheckContext } from './context';
import { checkAgainstCorpus, checkTagRepeats, corpusFacts, type CorpusFacts } from './corpus';
import { checkTagShapes } from './tagShape';
import { checkFrontmatter } from './frontmatter';
import { checkPersonalData } from './personalData';
import { checkPrivacy } from './privacy';
import { checkAnswerStyle } from './answerStyle';
import { checkReadability } from './readability';
import { checkSchema } from './schema';
import { checkSite } from './site';
import type { SiteKnowledge } from '../site/types';
import { checkStyle } from './style';
import { asTomlExamples } from './toml';
import { checkImages } from './images';
import type { ImageLookup } from './context';

/** A replacement character is what is left of bytes that were not UTF-8: the site shows it as it is. */
function checkEncoding(ctx: CheckContext): void {
  const at = ctx.article.text.indexOf('\uFFFD');
  if (at >= 0) ctx.report('file-encoding', at, at + 1, ctx.msg('file-encoding'));
}

/** A file among the articles the site builds no page of, for its extension alone (`knä.markdown`, `knä.MD`). */
function checkFileName(ctx: CheckContext, path: string, built: string): void {
  // On the first line, as the line table ends it.
  ctx.report('file-left-out', 0, ctx.article.lines.lineText(0).length, ctx.msg('file-not-built', path.slice(path.lastIndexOf('/') + 1), built));
}

export interface CheckerOptions {
  schema?: ArticleSchema;
  config?: ProjectConfig;
  /** The corpus, for tag variants, topics and duplicate titles; without it those rules are quiet. */
  index?: CorpusIndex;
  lang?: Lang;
  /** How other files are named in messages (e.g. relative to the root). */
  displayPath?: (file: string) => string;
  /** The site's topic and condition lists (read by the host with `loadSiteKnowledge`); without them those rules are quiet. */
  site?: SiteKnowledge;
  /** A host's profiler: receives the time spent in the schema, the other rules and the corpus rules. */
  profile?: PhaseProfile;
  /** The project root, to name files in messages. */
  root?: string;
  /** The site's public folder, when it has one: `/…` image addresses are looked for in it. */
  publicDir?: string;
  /** What the host said about the files the answers' images need; without it the missing-file rules are quiet. */
  images?: ImageLookup;
  /** The name the site would build a file under, when its own name gets no page (`knä.markdown` → `knä.md`); undefined for an article. */
  unbuiltName?: (path: string) => string | undefined;
}

export interface Checker {
  /** Checks an article's text. `file` identifies it in the corpus index. */
  check(text: string, file?: string): Problem[];
  /** Checks an article already parsed. */
  checkParsed(article: ParsedArticle, file?: string): Problem[];
  /**
   * The rules that need only the article itself, and the facts the corpus rules will need.
   * With `checkCorpus` this splits a check in two, so thousands of files can be checked
   * without keeping their parsed documents until the corpus index is complete. `corpusRead`:
   * a local rule read the index (a missing category taken from the topic's articles), so the
   * problems are final only when the index was complete.
   */
  checkLocal(article: ParsedArticle, path?: string): { problems: Problem[]; facts: CorpusFacts; corpusRead: boolean };
  /** The rules that compare an article's facts with the corpus index. */
  checkCorpus(facts: CorpusFacts, file?: string): Problem[];
}

const EMPTY_ARTICLE = parseArticle('');

/** Creates a checker bound to a schema, a config, a corpus index and a language. */
export function createChecker(options: CheckerOptions = {}): Checker {
  const schema = options.schema ?? defaultSchema();
  const config = options.config ?? DEFAULT_CONFIG;
  const lang = options.lang ?? 'en';
  const displayPath = options.displayPath ?? ((f: string) => f);
  const sort = (ps: Problem[]) => ps.sort((a, b) => a.start - b.start || a.end - b.end);
  const profile = options.profile;
  const checkLocal = (article: ParsedArticle, file?: string, path = file) => {
    const t0 = profile?.now() ?? 0;
    let schemaMs = 0;
    const files = { path, root: options.root, publicDir: options.publicDir, images: options.images };
    const ctx = new CheckContext(article, schema, config, lang, options.index, file, displayPath, options.site, files);
    checkFrontmatter(ctx);
    checkEncoding(ctx);
    const built = path === undefined ? undefined : options.unbuiltName?.(path);
    if (path !== undefined && built !== undefined) checkFileName(ctx, path, built);
    // While the YAML does not parse, what it seems to say is guesswork: the syntax comes first.
    const readable = article.yamlIssues.length === 0 && article.frontmatter?.closeStart !== undefined;
    if (readable) {
      const s0 = profile?.now() ?? 0;
      const from = ctx.problems.length;
      checkSchema(ctx);
      if (profile) schemaMs = profile.now() - s0;
      checkStyle(ctx);
      checkSite(ctx);
      checkPrivacy(ctx);
      if (article.frontmatter?.closeEnd !== undefined && article.body.trim() !== '') {
        checkAnswerStyle(ctx);
        checkReadability(ctx);
      }
      if (article.data) {
        checkTagRepeats(ctx);
        checkTagShapes(ctx);
      }
      // Where the source reading went astray (the site reads the block), its ranges may be wrong:
      // no fix edits by them. Adding a field before the closing fence and the summary below the answer do not.
      if (article.sourceIssues.length) for (const p of ctx.problems.slice(from)) if (p.rule !== 'schema-required' && p.rule !== 'summary-block') delete p.fixes;
      // Fields in TOML: a fix of a field would write YAML into them, so only the answer's fixes
      // stand; the messages' examples are written as TOML.
      if (article.frontmatter?.kind === 'toml') {
        for (const p of ctx.problems.slice(from)) {
          if (p.start >= article.bodyStart) continue;
          delete p.fixes;
          p.message = asTomlExamples(p.message, schema.fields);
        }
      }
    }
    if (article.frontmatter?.closeEnd !== undefined) checkImages(ctx);
    checkPersonalData(ctx);
    const result = { problems: ctx.problems, facts: corpusFacts(article), corpusRead: ctx.corpusRead };
    if (profile) {
      profile.add('schema', schemaMs);
      profile.add('rules', profile.now() - t0 - schemaMs);
    }
    return result;
  };
  const checkCorpus = (facts: CorpusFacts, file?: string): Problem[] => {
    const t0 = profile?.now() ?? 0;
    const ctx = new CheckContext(EMPTY_ARTICLE, schema, config, lang, options.index, file, displayPath, options.site);
    checkAgainstCorpus(ctx, facts);
    if (profile) profile.add('corpus', profile.now() - t0);
    return ctx.problems;
  };
  const checkParsed = (article: ParsedArticle, file?: string): Problem[] => {
    const { problems, facts } = checkLocal(article, file);
    if (article.data && article.yamlIssues.length === 0 && article.frontmatter?.closeStart !== undefined) for (const p of checkCorpus(facts, file)) problems.push(p);
    return sort(problems);
  };
  return {
    checkParsed,
    check: (text, file) => checkParsed(parseArticle(text), file),
    checkLocal: (article, path) => checkLocal(article, undefined, path),
    checkCorpus: (facts, file) => sort(checkCorpus(facts, file)),
  };
}
