// The peer, whole process: remark-lint-frontmatter-schema checking every `.md` under a folder
// against a JSON Schema file, as its own CLI setup (remark + remark-frontmatter + the lint rule)
// would. Prints {files, messages}. Usage: node bench/peer.mjs <folder> <schema.json>
import * as fs from 'node:fs';
import * as path from 'node:path';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import lintFrontmatterSchema from 'remark-lint-frontmatter-schema';
import { VFile } from 'vfile';

const [dir, schemaFile] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const files = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.md')) files.push(p);
  }
};
walk(dir);
files.sort();
const processor = remark().use(remarkFrontmatter).use(lintFrontmatterSchema, { embed: schema, ajvOptions: { strict: false } });
let messages = 0;
for (const f of files) {
  const file = await processor.process(new VFile({ path: f, value: fs.readFileSync(f, 'utf8') }));
  messages += file.messages.length;
}
process.stdout.write(JSON.stringify({ files: files.length, messages }) + '\n');
