import { load } from 'js-yaml';
// @ts-expect-error TS1479: smol-toml's types are an ES module's; its CommonJS build is what runs.
import { stringify } from 'smol-toml';

/** A small seeded generator (mulberry32): the same seed gives the same mutations on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BYTES = [':', ' ', '"', "'", '-', '#', '[', ']', '{', '}', ',', '|', '>', '&', '*', '!', '%', '@', '`', '\\', '?', '\t', '\n', '\r', '\v', '\f', '\0', '\x07', '\x1b', '\x7f', '\x85', '\u00a0', '\u2028', '\ufeff', '\u200b', 'é', 'å', '😀', '\ud800', 'x', '0', '1'];

/** The article with its YAML fields written as TOML between `+++` lines (as smol-toml writes them); undefined where they do not read. */
export function asToml(text: string): string | undefined {
  const m = /^---\n([\s\S]*?\n)---(\n[\s\S]*)?$/.exec(text);
  if (!m) return undefined;
  try {
    const data = load(m[1]);
    if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
    return `+++\n${stringify(data as Record<string, unknown>)}\n+++${m[2] ?? ''}`;
  } catch {
    return undefined;
  }
}

/** One plausible slip of the keyboard (or of a tool) on an article, mostly inside its frontmatter. */
export function mutate(text: string, r: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const lines = text.split('\n');
  // Most mutations land in the frontmatter (the first ~15 lines), where the verdict is decided.
  const end = Math.max(2, Math.min(lines.length, lines.findIndex((l, i) => i > 0 && l.startsWith('---')) + 2 || 16));
  const li = () => Math.floor(r() * end);
  const at = (s: string) => Math.floor(r() * (s.length + 1));
  const op = Math.floor(r() * 19);
  switch (op) {
    case 0: lines.splice(li(), 1); break;
    case 1: { const i = li(); lines.splice(i, 0, lines[i] ?? ''); break; }
    case 2: { const i = li(); const j = Math.min(end - 1, i + 1); [lines[i], lines[j]] = [lines[j], lines[i]]; break; }
    case 3: case 4: { const i = li(); const s = lines[i] ?? ''; const p = at(s); lines[i] = s.slice(0, p) + pick(BYTES) + s.slice(p); break; }
    case 5: { const i = li(); const s = lines[i] ?? ''; const p = at(s); lines[i] = s.slice(0, p) + s.slice(p + 1); break; }
    case 6: { const i = li(); lines[i] = (r() < 0.5 ? '\t' : ' ') + (lines[i] ?? ''); break; }
    case 7: { const i = li(); lines[i] = (lines[i] ?? '').replace(/^ +/, '\t'); break; }
    case 8: { const i = li(); const s = lines[i] ?? ''; lines[i] = r() < 0.5 ? s.replace(/["']/, '') : s.replace(/: /, ': "'); break; }
    case 9: { const i = li(); const s = lines[i] ?? ''; lines[i] = s.replace(/"([^"]*)"/, r() < 0.5 ? "'$1'" : '$1'); break; }
    case 10: { const i = li(); lines[i] = (lines[i] ?? '') + pick(['\r', '\r\r', ' ', '\t', ' #x', '"', ':']); break; }
    case 11: return lines.join(r() < 0.5 ? '\r\n' : '\r');
    case 12: { const i = li(); const s = lines[i] ?? ''; const n = 1 + Math.floor(r() * 130); lines[i] = s.replace(/: (.*)$/, (_m, v: string) => ': ' + '['.repeat(n) + v + ']'.repeat(r() < 0.8 ? n : 0)); break; }
    case 13: { const i = li(); const s = lines[i] ?? ''; lines[i] = s.replace(/: (.*)$/, ': &a $1'); lines.splice(Math.min(end, i + 1 + Math.floor(r() * 3)), 0, pick(['<<: *a', 'x: *a', 'title: *a', '<<: {title: *a}', '<<: [*a]', 'y: *b'])); break; }
    case 14: { const i = li(); lines.splice(i, 0, pick(['<<: {title: "Sammanslaget"}', '<<: {published: "ja"}', '<<: {category: knee}', 'patientAge: 0b101', 'patientAge: 0x1F', 'patientAge: 1_000', 'patientAge: .5', 'patientAge: .nan', 'patientAge: .inf', 'topic: "x"#note', 'status: utkast #ej klar', 'published: True', 'published: yes', 'date: 2017-02-30', 'date: 2017-8-15', 'date: "2017-08-15"', 'date: 2017-08-15 10:00', 'tags: [a, [b]]', 'tags: {a: 1}', 'author: ~', 'author: !!binary aGVq', 'title: !!str 12', 'x: !foo bar', '? complex', '...', '... mer', '... # slut', '%YAML 1.2', 'question: >-', '- item', 'tags: [kalkaxel; operation]', 'tags: ["a, b", c,]', 'tags:\n  - kalkaxel,\n    - operation\n  - smärta', 'tags:\n- a\n  - b #c'])); break; }
    case 15: { const i = li(); const s = lines[i] ?? ''; lines[i] = s.replace(/^(\s*)/, (w) => w + pick(['  ', ' ', ''])); break; }
    // The fences as `+++` (the site then reads the fields as TOML), or the fields really written in TOML.
    case 17: { const open = lines.findIndex((l) => l.startsWith('---')); if (open < 0) break; lines[open] = '+++' + lines[open].slice(3); if (r() < 0.5) { const close = lines.findIndex((l, i) => i > open && l.startsWith('---')); if (close > 0) lines[close] = '+++' + lines[close].slice(3); } break; }
    case 18: return asToml(text) ?? lines.join('\n');
    default: { const i = li(); const s = lines[i] ?? ''; lines[i] = s.replace(/[a-zåäö]/i, (c) => pick(['\u0000', '\u000b', 'é', c.toUpperCase(), '\u00a0', '\ufffe'])); break; }
  }
  return lines.join('\n');
}
