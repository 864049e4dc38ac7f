// The floor for checking a tree of articles: a Node process that only finds and reads the files
// (as UTF-8 text). `sync` reads them one after another, `async` 64 at a time; the bench reports
// whichever is faster, so the floor is never made slow on purpose.
const fs = require('fs');
const path = require('path');
function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.md')) out.push(p);
  }
}
(async () => {
  const files = [];
  walk(process.argv[2], files);
  let chars = 0;
  if (process.argv[3] === 'async') {
    let next = 0;
    await Promise.all(Array.from({ length: 64 }, async () => {
      while (next < files.length) {
        const text = await fs.promises.readFile(files[next++], 'utf8');
        chars += text.length;
      }
    }));
  } else {
    for (const f of files) chars += fs.readFileSync(f, 'utf8').length;
  }
  process.stdout.write(JSON.stringify({ files: files.length, chars }) + '\n');
})();
