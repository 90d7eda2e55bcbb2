// jixiao/no-cycle: no import circle between files, type imports counted.
// import-x/no-cycle (eslint-plugin-import-x 4.x) skips every type-only import
// (`import type`, `import { type A }`) and has no option to count them; but an
// interface that two files take from each other is a circle all the same: the
// files cannot be read, moved or split one without the other. So this rule
// counts every edge: static imports of values or types, re-exports, dynamic
// import(), `import('./x.ts').T` in a type, `import x = require()`.
//
// The linted file's imports are read from its AST; every other file's from
// disk, parsed once per file version and kept for the whole lint run.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Rule } from 'eslint';
import tseslint from 'typescript-eslint';

interface Edge {
  /** the imported file, resolved */
  file: string;
  /** the node that names it, to report on */
  node: unknown;
}

/** typescript-eslint's parser (its type in typescript-eslint's exports leaves out the options). */
const parser = tseslint.parser as unknown as { parseForESLint(code: string, options: object): { ast: unknown } };

const SKIP = new Set(['parent', 'loc', 'range', 'tokens', 'comments']);

/** The relative import specifiers an AST names, each with its node. */
function specifiers(ast: unknown): { spec: string; node: unknown }[] {
  const out: { spec: string; node: unknown }[] = [];
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (!n || typeof n !== 'object') return;
    const node = n as Record<string, unknown> & { type?: string };
    const source = (node.source ?? node.argument ?? node.expression) as { type?: string; value?: unknown } | undefined;
    const names =
      node.type === 'ImportDeclaration' ||
      node.type === 'ExportNamedDeclaration' ||
      node.type === 'ExportAllDeclaration' ||
      node.type === 'ImportExpression' ||
      node.type === 'TSImportType' ||
      node.type === 'TSExternalModuleReference';
    if (names && source?.type === 'Literal' && typeof source.value === 'string' && source.value.startsWith('.'))
      out.push({ spec: source.value, node });
    // A TSImportType's `argument` (older typescript-estree) wraps the literal in a TSLiteralType.
    const literal = (source as { literal?: { value?: unknown } } | undefined)?.literal?.value;
    if (node.type === 'TSImportType' && typeof literal === 'string' && literal.startsWith('.'))
      out.push({ spec: literal, node });
    for (const [key, value] of Object.entries(node)) if (!SKIP.has(key)) visit(value);
  };
  visit(ast);
  return out;
}

/** The file a relative specifier names: as written, or with .ts or /index.ts added; null when none is there. */
function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

function edgesOf(file: string, ast: unknown): Edge[] {
  return specifiers(ast).flatMap(({ spec, node }) => {
    const target = resolve(file, spec);
    return target && target !== file ? [{ file: target, node }] : [];
  });
}

/** Other files' imports, read from disk: by path, with the version (mtime, size) they were read at. */
const onDisk = new Map<string, { version: string; targets: string[] }>();

function targetsOnDisk(file: string): string[] {
  let version: string;
  try {
    const s = statSync(file);
    version = `${s.mtimeMs}:${s.size}`;
  } catch {
    return [];
  }
  const known = onDisk.get(file);
  if (known?.version === version) return known.targets;
  let targets: string[] = [];
  try {
    const { ast } = parser.parseForESLint(readFileSync(file, 'utf8'), {
      sourceType: 'module',
      ecmaVersion: 'latest',
      filePath: file,
    });
    targets = [...new Set(edgesOf(file, ast).map((e) => e.file))];
  } catch {
    // a file that does not parse is the lint's other rules' to report; it closes no circle here
  }
  onDisk.set(file, { version, targets });
  return targets;
}

/** The files that lead back to `home` (the linted file) by imports, among those its own imports lead to. */
function leadingBack(home: string, firsts: string[]): Set<string> {
  const into = new Map<string, string[]>();
  const queue = [...new Set(firsts)];
  const reached = new Set(queue);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (file === home) continue;
    for (const next of targetsOnDisk(file)) {
      into.set(next, [...(into.get(next) ?? []), file]);
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  const back = new Set<string>([home]);
  const stack = [home];
  while (stack.length > 0) {
    for (const prev of into.get(stack.pop()!) ?? []) {
      if (back.has(prev)) continue;
      back.add(prev);
      stack.push(prev);
    }
  }
  return back;
}

/** The shortest path of imports from `start` to `home`, through files that lead back. */
function route(start: string, home: string, back: Set<string>): string[] {
  const parent = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length > 0 && !parent.has(home)) {
    const file = queue.shift()!;
    for (const next of targetsOnDisk(file)) {
      if (!back.has(next) || parent.has(next)) continue;
      parent.set(next, file);
      queue.push(next);
    }
  }
  const chain: string[] = [];
  for (let f: string | null | undefined = home; f; f = parent.get(f)) chain.unshift(f);
  return chain;
}

export const noCycle: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'no import circle between files, type-only imports counted' },
    schema: [],
    messages: { cycle: 'Import circle (type imports counted): {{route}}' },
  },
  create(context) {
    const home = context.physicalFilename;
    return {
      'Program:exit'(program) {
        const edges = edgesOf(home, program);
        const back = leadingBack(
          home,
          edges.map((e) => e.file),
        );
        const reported = new Set<string>();
        for (const edge of edges) {
          if (!back.has(edge.file) || reported.has(edge.file)) continue;
          reported.add(edge.file);
          const shown = [home, ...route(edge.file, home, back)].map((f) => path.relative(context.cwd, f)).join(' → ');
          context.report({ node: edge.node as Rule.Node, messageId: 'cycle', data: { route: shown } });
        }
      },
    };
  },
};

export default { rules: { 'no-cycle': noCycle } };
