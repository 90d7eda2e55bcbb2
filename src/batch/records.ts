// A batch input's manifest line: read, failed, and the key and name bytes it is found by on resume.
import { NO_FINDINGS, type ManifestRecord } from '../writers/manifest.ts';
import type { DocSummary } from './protocol.ts';
import type { BatchItem, RunBase } from './types.ts';

/** The manifest line of a document that was read. */
export function okRecord(item: BatchItem, base: RunBase, s: DocSummary, seconds: number): ManifestRecord {
  return {
    path: item.file,
    ...pathBytesOf(item),
    sha256: s.sha256,
    bytes: item.bytes,
    status: 'ok',
    code: null,
    reason: null,
    doc: item.doc,
    pages: s.pages,
    ocrPages: s.ocrPages,
    seconds,
    findings: s.findings,
    ...(s.pageImages && { pageImages: item.pagesDir }),
    ...base,
  };
}

/** The manifest line of a document that failed. */
export function failedRecord(item: BatchItem, base: RunBase, code: string, reason: string): ManifestRecord {
  return {
    path: item.file,
    ...pathBytesOf(item),
    sha256: item.sha256,
    bytes: item.bytes,
    status: 'failed',
    code,
    reason,
    doc: null,
    pages: null,
    ocrPages: null,
    seconds: 0,
    findings: { ...NO_FINDINGS },
    ...base,
  };
}

/** The manifest line of an input with the same content as an earlier one (`first`, whose line is known): pointed at it. */
export function duplicateRecord(item: BatchItem, first: BatchItem): ManifestRecord {
  const f = first.record!;
  const record: ManifestRecord = {
    ...f,
    path: item.file,
    ...pathBytesOf(item),
    status: 'skipped',
    code: 'duplicate',
    reason: `same content as ${first.file}${f.status === 'ok' ? '' : ` (which ${f.status === 'failed' ? 'failed' : 'was skipped'}: ${f.reason})`}`,
    doc: f.status === 'ok' ? f.doc : null,
    pages: null,
    ocrPages: null,
    seconds: 0,
    findings: { ...NO_FINDINGS },
  };
  delete record.worker;
  return record;
}

/** The key an input's manifest lines are found by: its bytes when its name is not UTF-8 (names that decode alike differ). */
export function keyOf(file: string, raw: Buffer | null): string {
  return raw ? `bytes:${raw.toString('hex')}` : file;
}

/** A name that is not UTF-8 is recorded with its own bytes (hex) beside the name as shown. */
export function pathBytesOf(item: BatchItem): { pathBytes?: string } {
  return item.raw ? { pathBytes: item.raw.toString('hex') } : {};
}

export function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
