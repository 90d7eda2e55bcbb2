// The layer order holds and the lint enforces it. The import graph of src/
// (folder to folder, from the source text) is checked against lint/layers.ts;
// and ESLint, run through its Node API with the project's own config, is shown
// to fail an import that points up a layer or sideways within one, and a cycle
// (type-only and dynamic imports counted: jixiao/no-cycle, lint/no-cycle.ts),
// while a downward import passes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import { LAYER_OF, LAYERS } from '../../lint/layers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The top folder of src/ a file is in; '' for a file directly in src/. */
function folderOf(file: string): string {
  const parts = path.relative(src, file).split(path.sep);
  return parts.length === 1 ? '' : parts[0]!;
}

const IMPORT =
  /(?:^|[;\s])(?:import|export)\s[^;]*?\sfrom\s*'([^']+)'|(?:^|[;\s])import\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g;

/** folder → the other folders of src/ it imports (static, re-exports, side-effect and dynamic imports). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(src)) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(src + path.sep)) continue;
      const to = folderOf(target);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      const cycle = visit(m);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of graph.keys()) {
    const cycle = visit(n);
    if (cycle) return cycle;
  }
  return null;
}

describe('the folder graph of src/', () => {
  const graph = folderGraph();

  test('the cycle finder finds a cycle (so that "none" below means something)', () => {
    expect(
      findCycle(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['c'])],
          ['c', new Set(['a'])],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
  });

  test('every folder of src/ has a layer, and no layer names a folder twice', () => {
    const folders = [...graph.keys()].filter((f) => f !== '');
    expect(folders.filter((f) => !LAYER_OF.has(f))).toEqual([]);
    expect(LAYERS.flat().length).toBe(new Set(LAYERS.flat()).size);
  });

  test('every import points to a lower layer', () => {
    const up = [...graph].flatMap(([from, tos]) =>
      from === ''
        ? []
        : [...tos].filter((to) => to !== '' && LAYER_OF.get(to)! >= LAYER_OF.get(from)!).map((to) => `${from} → ${to}`),
    );
    expect(up).toEqual([]);
  });

  test('files directly in src/ import no folder of it, so that any layer may import them', () => {
    expect([...(graph.get('') ?? [])]).toEqual([]);
  });

  test('it has no cycle', () => {
    expect(findCycle(graph)).toBeNull();
  });

  test('the graph is read in full: the stages are connected as the pipeline uses them', () => {
    // Guards the parser above: a regex that missed imports would pass every test here.
    expect([...graph.get('pipeline')!]).toEqual(
      expect.arrayContaining(['tables', 'facts', 'checks', 'layout', 'schema']),
    );
    expect([...graph.get('cli')!]).toEqual(expect.arrayContaining(['queue', 'dataset'])); // dynamic imports
    expect([...graph.get('text')!]).toContain('vocab');
  });
});

describe('the lint', () => {
  const eslint = new ESLint({ cwd: root });
  const lint = async (code: string, file: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
  };

  test('an import that points up a layer is an error', async () => {
    const messages = await lint(
      `import { tableFacts } from '../facts/table-facts.ts';\nexport const f = tableFacts;\n`,
      'src/layout/probe.ts',
    );
    expect(messages).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*src\/layout\/ may import only from lower layers/),
    ]);
  });

  test('a type-only import that points up a layer is an error too', async () => {
    const messages = await lint(
      `import type { Finding } from '../checks/types.ts';\nexport type F = Finding;\n`,
      'src/tables/probe.ts',
    );
    expect(messages).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths/)]);
  });

  test('an import between two folders of one layer is an error', async () => {
    const messages = await lint(
      `import { queueName } from '../queue/jobs.ts';\nexport const q = queueName;\n`,
      'src/review/probe.ts',
    );
    expect(messages).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths/)]);
  });

  test('an import cycle is an error', async () => {
    // text/numbers.ts imports text/width.ts; width.ts importing numbers.ts back closes a cycle.
    const width = readFileSync(path.join(src, 'text/width.ts'), 'utf8');
    const messages = await lint(
      `${width}\nimport { roundTo } from './numbers.ts';\nexport const r = roundTo;\n`,
      'src/text/width.ts',
    );
    expect(messages).toEqual([
      'jixiao/no-cycle: Import circle (type imports counted): src/text/width.ts → src/text/numbers.ts → src/text/width.ts',
    ]);
  });

  test('an import cycle through a type-only import is an error too', async () => {
    // import-x/no-cycle skips type imports: the interface two files take from each other was a circle it let pass.
    const width = readFileSync(path.join(src, 'text/width.ts'), 'utf8');
    for (const line of [
      `import type { NumberToken } from './numbers.ts';\nexport type T = NumberToken;\n`,
      `import { type NumberToken } from './numbers.ts';\nexport type T = NumberToken;\n`,
      `export type T = import('./numbers.ts').NumberToken;\n`,
      `export type { NumberToken } from './numbers.ts';\n`,
    ]) {
      const messages = await lint(`${width}\n${line}`, 'src/text/width.ts');
      expect(messages, line).toEqual([expect.stringMatching(/^jixiao\/no-cycle: Import circle/)]);
    }
  });

  test('an import cycle through a dynamic import, or through several files, is an error', async () => {
    const width = readFileSync(path.join(src, 'text/width.ts'), 'utf8');
    const dynamic = await lint(`${width}\nexport const n = () => import('./numbers.ts');\n`, 'src/text/width.ts');
    expect(dynamic).toEqual([expect.stringMatching(/^jixiao\/no-cycle: Import circle/)]);
    // text/cell-number.ts imports text/numbers.ts, which imports text/cn-numerals.ts: cn-numerals → cell-number closes a circle of three.
    const numerals = readFileSync(path.join(src, 'text/cn-numerals.ts'), 'utf8');
    const long = await lint(
      `${numerals}\nimport type { CellNumber } from './cell-number.ts';\nexport type C = CellNumber;\n`,
      'src/text/cn-numerals.ts',
    );
    expect(long).toEqual([
      'jixiao/no-cycle: Import circle (type imports counted): src/text/cn-numerals.ts → src/text/cell-number.ts → src/text/numbers.ts → src/text/cn-numerals.ts',
    ]);
  });

  test('the files of the circles once known are clean: their shared interfaces have files of their own', async () => {
    const files = [
      'api/extract.ts',
      'api/ocr.ts',
      'ocr/pool.ts',
      'ocr/tesseract.ts',
      'pdf/document.ts',
      'pdf/pdfium/page.ts',
    ];
    const results = await eslint.lintFiles(files.map((f) => path.join(src, f)));
    expect(results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}: ${m.message}`))).toEqual(
      [],
    );
  });

  test('downward imports are clean, in a probe and in a real file of the table stage', async () => {
    expect(
      await lint(
        `import { joinLines } from '../text/cjk.ts';\nimport type { TextItem } from '../pdf/types.ts';\nexport const j = (a: TextItem, b: string) => joinLines(a.str, b);\n`,
        'src/layout/probe.ts',
      ),
    ).toEqual([]);
    const [find] = await eslint.lintFiles([path.join(src, 'tables/find.ts')]);
    expect(find!.messages).toEqual([]);
  });

  test('a function of src/ over 60 lines is an error', async () => {
    const body = Array.from({ length: 61 }, (_, i) => `  const v${i} = ${i};\n  void v${i};`).join('\n');
    const messages = await lint(`export function long(): void {\n${body}\n}\n`, 'src/text/probe.ts');
    expect(messages).toEqual([expect.stringMatching(/^max-lines-per-function: Function 'long' has too many lines/)]);
  });
});
