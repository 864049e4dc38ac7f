import * as path from 'node:path';
import { createChecker, type CheckerOptions } from '../../src/core/check/index';
import type { Problem } from '../../src/core/types';

/** The real articles in ../shared beside the project root; tests that read them skip, saying why, when it is absent. */
export const CORPUS = path.resolve(__dirname, '../../../shared/corpus/fraga-doktorn');

/** Lines joined with LF (or the given break), as vscode-markdown-languageservice's tests write documents. */
export const joinLines = (...lines: string[]) => lines.join('\n');

/** A valid article; `over` replaces or adds frontmatter lines by key (null removes one). */
export function article(over: Record<string, string | null> = {}, body = 'Svaret.\n\n**Sammanfattning:**\n- En punkt\n'): string {
  const fields: Record<string, string> = {
    title: 'title: "Ont i axeln"',
    description: 'description: "' + 'x'.repeat(130) + '"',
    category: 'category: "axel"',
    topic: 'topic: "impingement"',
    tags: 'tags: ["smärta"]',
    date: 'date: 2017-08-15',
    author: 'author: "Dr. A"',
    published: 'published: true',
    question: 'question: |\n  Hej!\n  Varför gör det ont?',
  };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete fields[k];
    else fields[k] = v;
  }
  return `---\n${Object.values(fields).join('\n')}\n---\n\n${body}`;
}

export function check(text: string, options: CheckerOptions = {}, file?: string): Problem[] {
  return createChecker(options).check(text, file);
}

export function rules(problems: Problem[]): string[] {
  return problems.map((p) => p.rule);
}

/** 1-based `line:col-line:col` of a problem, as the CLI prints it. */
export function at(p: Problem): string {
  return `${p.range.start.line + 1}:${p.range.start.character + 1}-${p.range.end.line + 1}:${p.range.end.character + 1}`;
}

export function only(problems: Problem[], rule: string): Problem[] {
  return problems.filter((p) => p.rule === rule);
}
