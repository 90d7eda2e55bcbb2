// jixiao as a library: what `import … from 'jixiao'` gives. Everything not
// exported here is internal and may change in any release.
//
//   extractFile / extractBytes   one PDF → Report (the output contract, validated)
//   check                        the finding rules over a Report
//   runBatch                     many PDFs → an output folder; awaitable, and an async iterable of events
//   createOcrPool                OCR workers to share between documents and close (await using)
//   Report, Finding, Fact, …     the zod schemas of the contract (values) and their types
//   reportJsonSchema             the contract as JSON Schema (also the file jixiao/report.schema.json)
//   applyCorrections, readCorrections, appendCorrection   a reviewer's corrections.jsonl (contract 1.3, docs/review.md)
//   InputError, BatchSetupError, BatchEnvironmentError  the errors thrown on purpose
export { extractBytes, extractFile, type ExtractBytesOptions, type ExtractOptions } from './extract.ts';
export type { OcrEngine, OcrMode } from './ocr-types.ts';
export { check, RULES, type CheckOptions, type RuleId, type RuleInfo } from './check.ts';
export {
  BatchRun,
  runBatch,
  type BatchEvent,
  type BatchOptions,
  type BatchResult,
  type DoneEvent,
  type FailedEvent,
  type ManifestRecord,
  type ManifestStatus,
  type SkippedEvent,
  type StartedEvent,
  type TableCounts,
} from './batch.ts';
export { createOcrPool, OcrPool, type OcrPoolOptions } from './ocr.ts';
export { BatchEnvironmentError, BatchSetupError, InputError, type InputReason } from './errors.ts';
export { reportJsonSchema } from './json-schema.ts';
export * from '../schema/report.ts';
export {
  Correction,
  FactCorrection,
  FindingDecision,
  FactAnchor,
  FindingAnchor,
  isFindingDecision,
} from '../schema/corrections.ts';
export { applyCorrections, asRead, openFindings } from '../corrections/apply.ts';
export {
  appendCorrection,
  readCorrections,
  CORRECTIONS_FILE,
  type CorrectionLine,
  type CorrectionsRead,
} from '../writers/corrections-file.ts';
export { TOOL_NAME, TOOL_VERSION as VERSION } from '../version.ts';
