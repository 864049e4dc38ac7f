import { parse } from '@babel/parser';
import type { Expression, Node, Statement } from '@babel/types';

/** A value read from source text without running it, or why it could not be. */
export type StaticResult =
  | { ok: true; value: unknown; line: number }
  | { ok: false; problem: 'syntax' | 'no-list' | 'computed'; line?: number };

/**
 * Reads the top-level constants named in `names` from TypeScript or JavaScript source, as
 * plain data (strings, numbers, booleans, null, arrays, objects). Nothing is run: a value
 * that needs code to be known (a call, a variable, a spread) is reported as `computed` at
 * its line. Objects in the result remember their line in `lines`.
 */
export function readConstants(text: string, names: readonly string[], typescript: boolean, lines: WeakMap<object, number>): Map<string, StaticResult> {
  const out = new Map<string, StaticResult>();
  let statements: Statement[];
  try {
    statements = parse(text, { sourceType: 'module', plugins: typescript ? ['typescript'] : [], errorRecovery: false }).program.body;
  } catch (e) {
    const line = (e as { loc?: { line?: number } }).loc?.line;
    for (const n of names) out.set(n, { ok: false, problem: 'syntax', line });
    return out;
  }
  const found = new Map<string, Expression>();
  for (const s of statements) {
    const decl = s.type === 'ExportNamedDeclaration' ? s.declaration : s;
    if (decl?.type === 'VariableDeclaration') {
      for (const d of decl.declarations) if (d.id.type === 'Identifier' && d.init && names.includes(d.id.name)) found.set(d.id.name, d.init);
    }
    // `export default [...]` stands for the first name (a file holding only the list).
    if (s.type === 'ExportDefaultDeclaration' && !found.has(names[0]) && isExpression(s.declaration)) found.set(names[0], s.declaration);
  }
  for (const n of names) {
    const init = found.get(n);
    if (!init) {
      out.set(n, { ok: false, problem: 'no-list' });
      continue;
    }
    try {
      out.set(n, { ok: true, value: evaluate(init, lines), line: init.loc?.start.line ?? 1 });
    } catch (e) {
      if (!(e instanceof Computed)) throw e;
      out.set(n, { ok: false, problem: 'computed', line: e.line });
    }
  }
  return out;
}

class Computed extends Error {
  constructor(readonly line: number | undefined) {
    super('computed');
  }
}

function isExpression(n: Node): n is Expression {
  return !/Declaration$/.test(n.type);
}

function evaluate(node: Node, lines: WeakMap<object, number>): unknown {
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return node.value;
    case 'NullLiteral':
      return null;
    case 'TemplateLiteral':
      if (node.expressions.length === 0) return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('');
      break;
    case 'UnaryExpression':
      if (node.operator === '-' && node.argument.type === 'NumericLiteral') return -node.argument.value;
      break;
    // Type syntax around a value changes nothing about it.
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
    case 'ParenthesizedExpression':
      return evaluate(node.expression, lines);
    case 'ArrayExpression': {
      const arr: unknown[] = [];
      for (const el of node.elements) {
        if (!el || el.type === 'SpreadElement') throw new Computed(el?.loc?.start.line ?? node.loc?.start.line);
        arr.push(evaluate(el, lines));
      }
      lines.set(arr, node.loc?.start.line ?? 0);
      return arr;
    }
    case 'ObjectExpression': {
      // A null prototype: keys such as `__proto__` or `constructor` are data, not behaviour.
      const obj = Object.create(null) as Record<string, unknown>;
      for (const p of node.properties) {
        if (p.type !== 'ObjectProperty' || p.computed) throw new Computed(p.loc?.start.line);
        const k = p.key;
        const key = k.type === 'Identifier' ? k.name : k.type === 'StringLiteral' ? k.value : k.type === 'NumericLiteral' ? String(k.value) : undefined;
        if (key === undefined) throw new Computed(p.loc?.start.line);
        obj[key] = evaluate(p.value, lines);
      }
      lines.set(obj, node.loc?.start.line ?? 0);
      return obj;
    }
  }
  throw new Computed(node.loc?.start.line);
}
