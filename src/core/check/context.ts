import type { ProjectConfig } from '../config';
import { detached, type CorpusIndex } from '../corpus';
import { format, type Lang, type MessageKey } from '../i18n/messages';
import type { ParsedArticle } from '../parse';
import { severityOf, type RuleId } from '../rules';
import type { ArticleSchema } from '../schema';
import type { SiteKnowledge } from '../site/types';
import type { Fix, Problem, Range } from '../types';

/** What a file host said about an image's path. */
export type ImageFile =
  /**
   * `realPath`: where the path leads when it is a symbolic link; `version`: changes when the file
   * is written again (its modification time and size), so a picture replaced under the same name
   * is loaded anew.
   */
  | { exists: true; realPath?: string; version?: string }
  /** `named`: the name on disk of the first part of the path written with other capitals. */
  | { exists: false; named?: string };

/** Answers about image files, known before the (synchronous) check: undefined while not known. */
export interface ImageLookup {
  lookup(path: string, article: string): ImageFile | undefined;
}

/** The article's place among the site's files, for the rules that look at other files. */
export interface ArticleFiles {
  path?: string;
  root?: string;
  /** The site's public folder (`public/` in the root), when there is one. */
  publicDir?: string;
  images?: ImageLookup;
}

/** What every check sees, and how it reports. */
export class CheckContext {
  readonly problems: Problem[] = [];
  /** Set by a local rule that read the corpus index: its problems hold only once the index is complete. */
  corpusRead = false;

  constructor(
    readonly article: ParsedArticle,
    readonly schema: ArticleSchema,
    readonly config: ProjectConfig,
    readonly lang: Lang,
    readonly index: CorpusIndex | undefined,
    readonly file: string | undefined,
    readonly displayPath: (file: string) => string,
    /** The site's own topic and condition lists; the rules that need a list are quiet without it. */
    readonly site?: SiteKnowledge,
    /** Where the site's files are, for the images of the answer; the image rules are quiet without them. */
    readonly files?: ArticleFiles,
  ) {}

  msg(key: MessageKey, ...args: (string | number)[]): string {
    return format(this.lang, key, ...args);
  }

  /** Reports a problem on document offsets (with their range when already known), unless the rule is off. */
  report(rule: RuleId, start: number, end: number, message: string, fixes?: Fix[], range?: Range): void {
    const severity = severityOf(rule, this.config.rules);
    if (!severity) return;
    const p: Problem = { rule, severity, message: detached(message), range: range ?? this.article.lines.range(start, end), start, end };
    if (fixes && fixes.length) p.fixes = fixes;
    this.problems.push(p);
  }

  /** Whether a rule is on, to skip work for rules the project turned off. */
  on(rule: RuleId): boolean {
    return severityOf(rule, this.config.rules) !== undefined;
  }

  /** The line break to use for inserted lines: the one the frontmatter already uses. */
  get eol(): string {
    const fm = this.article.frontmatter;
    const t = this.article.text;
    if (fm) {
      // The break before the closing fence is one the site reads as a line end: added lines take it.
      if (fm.closeStart !== undefined && t.slice(fm.closeStart - 2, fm.closeStart) === '\r\n') return '\r\n';
      if (fm.closeStart !== undefined && t[fm.closeStart - 1] === '\n') return '\n';
      if (t.slice(fm.openEnd, fm.openEnd + 2) === '\r\n') return '\r\n';
    }
    // A lone CR is no line end to the site's fence search: never write one.
    return '\n';
  }
}
