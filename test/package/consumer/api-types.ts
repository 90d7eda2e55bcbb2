// Compiled by test/package/package.test.ts against the .d.ts of the packed and
// installed jixiao (not part of the checkout's tsc run: it imports 'jixiao'
// as a user does). Every line is a use a user may write; every @ts-expect-error
// a mistake the types must refuse — if a type decays to any, it fails too.
import {
  BatchSetupError,
  check,
  createOcrPool,
  extractBytes,
  extractFile,
  InputError,
  Report,
  reportJsonSchema,
  RULES,
  runBatch,
  SCHEMA_VERSION,
  VERSION,
  type BatchEvent,
  type BatchResult,
  type ExtractOptions,
  type Fact,
  type Finding,
  type InputReason,
  type ManifestRecord,
  type OcrPool,
  type RuleId,
} from 'jixiao';

export async function uses(): Promise<void> {
  const version: string = VERSION;
  const schemaVersion: string = SCHEMA_VERSION;

  const options: ExtractOptions = { ocr: 'auto', ocrDpi: 200, maxPages: 50, signal: AbortSignal.timeout(60_000) };
  // @ts-expect-error not an OCR mode
  const wrong: ExtractOptions = { ocr: 'sometimes' };

  const report: Report = await extractFile('a.pdf', options);
  const fromBytes: Report = await extractBytes(new Uint8Array(0), { sourcePath: 'in-memory.pdf' });
  const fact: Fact | undefined = report.facts[0];
  const unit: string | undefined = fact?.unit;
  // @ts-expect-error a report's pages are objects
  const page: number = report.pages[0];

  const findings: Finding[] = check(report);
  const some: Finding[] = check(fromBytes, { rules: ['sum-mismatch', 'rate-mismatch'] });
  // @ts-expect-error not a rule id
  check(report, { rules: ['no-such-rule'] });
  const severity: 'error' | 'warning' | 'info' | undefined = findings[0]?.severity;
  const rule: RuleId = 'heading-sequence';
  const described: string = RULES[rule].description;

  // The zod schema and the type share a name.
  const parsed: Report = Report.parse(JSON.parse('{}'));
  const schema: Record<string, unknown> = reportJsonSchema();

  try {
    await extractFile('missing.pdf');
  } catch (err) {
    if (err instanceof InputError) {
      const reason: InputReason = err.reason;
      const file: string = err.file;
      // @ts-expect-error reason is a closed set of strings
      const notAReason: 'bad-karma' = err.reason;
    }
  }

  const pool: OcrPool = createOcrPool({ workers: 2 });
  await extractFile('scan.pdf', { pool, ocr: 'always' });
  const size: number = pool.size;
  await pool.close();
  {
    await using shared = createOcrPool();
    await extractFile('scan.pdf', { pool: shared });
  }
  // @ts-expect-error the pool is made by createOcrPool, not a number of workers
  await extractFile('scan.pdf', { pool: 2 });

  const controller = new AbortController();
  const run = runBatch(['reports/', 'more/*.pdf'], {
    out: 'out',
    jobs: 2,
    timeoutSeconds: 60,
    signal: controller.signal,
  });
  for await (const event of run) {
    const e: BatchEvent = event;
    const where: string = e.path;
    const index: number = e.index;
    if (e.type === 'done') {
      const line: ManifestRecord = e.record;
      const errors: number = line.findings.error;
      const back: Report = await e.report();
      const file: string = e.file;
    } else if (e.type === 'failed') {
      const code: string | null = e.record.code;
      // @ts-expect-error only a done event has a report
      await e.report();
    } else if (e.type === 'started') {
      // @ts-expect-error a started event has no manifest line yet
      e.record;
    }
  }
  const result: BatchResult = await run;
  const counts: [number, number, number, boolean] = [result.ok, result.failed, result.skipped, result.interrupted];
  // @ts-expect-error out is required
  runBatch(['a.pdf'], {});

  try {
    await runBatch([], { out: 'out' });
  } catch (err) {
    if (err instanceof BatchSetupError) console.error(err.message);
  }
  void [version, schemaVersion, wrong, unit, page, some, severity, described, parsed, schema, size, counts];
}
