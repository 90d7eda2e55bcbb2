// The pipeline as named stages: run in order, each timed, its times in the
// report only when asked, and a stage that throws named in the error.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { extractBytes as apiExtractBytes } from '../../src/api/index.ts';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import { InputError, StageError } from '../../src/pipeline/errors.ts';
import { extractBytes, STAGE_NAMES } from '../../src/pipeline/extract.ts';
import { asyncPipeline, pipeline, type StageTiming } from '../../src/pipeline/stages.ts';
import type { PageText } from '../../src/pdf/types.ts';
import { Report } from '../../src/schema/report.ts';
import { compose } from '../support/compose.ts';
import { makePdf } from '../support/make-pdf.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const made = () =>
  makePdf(
    compose([
      { text: '一、基本情况', indent: 0 },
      { text: '年初预算数为 120.5 万元，全年执行数为 118.2 万元，预算执行率为 98.09%。' },
    ]),
  );

test('stages run in the order listed, each adding its part for the next, one timing each', () => {
  const seen: string[] = [];
  const stages = pipeline<{ start: number }>()
    .then('a', ({ start }) => (seen.push('a'), { a: start + 1 }))
    .then('b', ({ a }) => (seen.push('b'), { b: a * 10 }))
    .then('c', ({ start, b }) => (seen.push('c'), { c: `${start}:${b}` }));
  expect(stages.names).toEqual(['a', 'b', 'c']);
  const timings: StageTiming[] = [];
  const input = { start: 1 };
  expect(stages.run(input, timings)).toEqual({ start: 1, a: 2, b: 20, c: '1:20' });
  expect(input).toEqual({ start: 1 });
  expect(seen).toEqual(['a', 'b', 'c']);
  expect(timings.map((t) => t.stage)).toEqual(['a', 'b', 'c']);
  for (const t of timings) expect(t.ms).toBeGreaterThanOrEqual(0);
});

test('a stage reads only what an earlier stage wrote, writes each part once, and waits only in an async pipeline (checked by tsc)', () => {
  const start = pipeline<{ pages: number }>().then('tables', ({ pages }) => ({ tables: pages * 2 }));
  // @ts-expect-error -- no earlier stage wrote `layout`
  start.then('sections', ({ layout }: { layout: string }) => ({ tree: layout }));
  // @ts-expect-error -- `tables` is written already
  start.then('more-tables', ({ tables }) => ({ tables: tables + 1 }));
  // @ts-expect-error -- a stage that waits belongs in an asyncPipeline
  start.then('read', async ({ tables }) => ({ read: tables }));
  // A stage's own input type may be narrower than the state: it reads only what it names.
  const read = start.then('sections', ({ tables }: { tables: number }) => ({ tree: String(tables) }));
  expect(read.run({ pages: 3 })).toEqual({ pages: 3, tables: 6, tree: '6' });
  // And at run time, should a waiting stage slip past the types, it is refused by name.
  const sneaky = pipeline<object>().then('read', () => Promise.resolve({}) as unknown as object);
  expect(() => sneaky.run({})).toThrow(/^stage read failed: is async/);
});

test('a stage that throws: the error names it and keeps the cause; the stages after it do not run', async () => {
  const ran: string[] = [];
  const boom = new TypeError('cannot read x of undefined');
  const stages = pipeline<object>()
    .then('first', () => (ran.push('first'), {}))
    .then('layout', (): { layout: string } => {
      throw boom;
    })
    .then('last', () => (ran.push('last'), {}));
  const err = (() => {
    try {
      stages.run({});
    } catch (e) {
      return e;
    }
  })();
  expect(err).toBeInstanceOf(StageError);
  expect((err as StageError).stage).toBe('layout');
  expect((err as Error).message).toBe('stage layout failed: cannot read x of undefined');
  expect((err as Error).cause).toBe(boom);
  expect(ran).toEqual(['first']);
  // The async pipeline the same; an input's own fault stays an InputError.
  const read = asyncPipeline<object>().then('read', async () => {
    throw boom;
  });
  await expect(read.run({})).rejects.toMatchObject({ stage: 'read' });
  const bad = new InputError('x.pdf', 'too-many-pages', 'declares 9 pages');
  const open = asyncPipeline<object>().then('open', async () => {
    throw bad;
  });
  await expect(open.run({})).rejects.toBe(bad);
});

test('a real stage failing in assembly names the stage', () => {
  // A page whose items are not a list: the table stage is the first to read them.
  const page = {
    number: 1,
    width: 595,
    height: 842,
    items: null,
    method: 'text',
    ocrConfidence: null,
  } as unknown as PageText;
  expect(() => assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, [page])).toThrow(
    /^stage tables failed: /,
  );
});

test('timings: every stage in order in tool.timings, valid against the contract; without them the report has none and the rest is the same', async () => {
  const bytes = made();
  const timed = await extractBytes(bytes, 'made.pdf', { ocr: 'never', timings: true });
  expect(timed.tool.timings?.map((t) => t.stage)).toEqual([...STAGE_NAMES]);
  expect(STAGE_NAMES).toEqual([
    'open',
    'read',
    'ocr',
    'tables',
    'layout',
    'sections',
    'meta',
    'facts',
    'table-facts',
    'number-facts',
    'records',
    'assemble',
    'checks',
    'validate',
  ]);
  // The schema keeps the field (zod would strip an undeclared one).
  expect(Report.parse(JSON.parse(JSON.stringify(timed))).tool.timings).toEqual(timed.tool.timings);
  const plain = await extractBytes(bytes, 'made.pdf', { ocr: 'never' });
  expect('timings' in plain.tool).toBe(false);
  const { timings: _, ...tool } = timed.tool;
  expect(JSON.stringify({ ...timed, tool })).toBe(JSON.stringify(plain));
  expect(plain.facts.length).toBeGreaterThan(0);
  // The library's option is the same switch.
  expect((await apiExtractBytes(bytes, { ocr: 'never', timings: true })).tool.timings).toHaveLength(STAGE_NAMES.length);
});

test('the JSON Schema file declares tool.timings', () => {
  const schema = JSON.parse(readFileSync(path.join(root, 'schemas', 'report.schema.json'), 'utf8'));
  const tool = schema.properties.tool;
  expect(tool.properties.timings.type).toBe('array');
  expect(tool.required).not.toContain('timings');
});

test('--timings on extract, check --json and batch: each report carries every stage', () => {
  const sample = path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf');
  const run = (args: string[]) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'jixiao.js'), ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
  const stagesOf = (json: string) => Report.parse(JSON.parse(json)).tool.timings?.map((t) => t.stage);
  const extract = run(['extract', sample, '--timings']);
  expect(extract.status).toBe(0);
  expect(stagesOf(extract.stdout)).toEqual([...STAGE_NAMES]);
  const check = run(['check', sample, '--json', '--timings', '--fail-on', 'never']);
  expect(check.status).toBe(0);
  expect(stagesOf(check.stdout)).toEqual([...STAGE_NAMES]);
  // batch: the documents carry them, the manifest line says so, and a run without the flag does not reuse them.
  const out = mkdtempSync(path.join(tmpdir(), 'jixiao-timings-'));
  const batch = (...more: string[]) => run(['batch', sample, '--out', out, '--quiet', '--jobs', '1', ...more]);
  expect(batch('--timings').status).toBe(0);
  expect(stagesOf(readFileSync(path.join(out, 'docs', 'yueyanglou-scjg-2023.json'), 'utf8'))).toEqual([...STAGE_NAMES]);
  const line = () => JSON.parse(readFileSync(path.join(out, 'manifest.jsonl'), 'utf8').trim());
  expect(line()).toMatchObject({ status: 'ok', timings: true });
  expect(batch().status).toBe(0);
  expect(line().timings).toBeUndefined();
  expect(stagesOf(readFileSync(path.join(out, 'docs', 'yueyanglou-scjg-2023.json'), 'utf8'))).toBeUndefined();
}, 180_000);

test('a queue batch refuses --timings before it connects (its jobs are shared across runs by content and options)', async () => {
  const { runQueueBatch } = await import('../../src/queue/coordinator.ts');
  await expect(
    runQueueBatch({
      inputs: ['x.pdf'],
      out: mkdtempSync(path.join(tmpdir(), 'jixiao-q-')),
      queue: 'redis://127.0.0.1:1/0',
      timings: true,
    }),
  ).rejects.toThrow(/--timings is for local batches/);
});
