import * as fs from 'node:fs';
import * as path from 'node:path';
import { findFrontmatter } from './src/core/frontmatter';
import { readCommonShapes } from './src/core/commonShapes';
const C = '../shared/corpus/fraga-doktorn';
const texts = fs.readdirSync(C).filter(f => f.endsWith('.md')).map(f => fs.readFileSync(path.join(C, f), 'utf8'));
const ys = texts.map((x) => { const fm = findFrontmatter(x)!; return [x.slice(fm.contentStart, fm.contentEnd).replace(/\r(?!\n)/g, '\n'), fm.contentStart] as const; });
for (let r = 0; r < 100; r++) for (const [y, b] of ys) readCommonShapes(y, b);
