import * as esbuild from 'esbuild';
const r = await esbuild.build({ entryPoints: ['src/cli/main.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, metafile: true, outfile: '/tmp/x.js', minify: process.argv[2]==='min' });
const out = Object.values(r.metafile.outputs)[0];
const by = {};
for (const [k, v] of Object.entries(out.inputs)) { const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(k); const key = m ? m[1] : k.split('/').slice(0,3).join('/'); by[key] = (by[key]||0) + v.bytesInOutput; }
console.log('total', out.bytes);
for (const [k,v] of Object.entries(by).sort((a,b)=>b[1]-a[1]).slice(0,15)) console.log(v, k);
