// What the coordinator (`jixiao batch --queue`) and the workers (`jixiao
// worker`) agree on: queue and job names, a job's data, its result, and the
// few keys of our own kept next to BullMQ's.
import type { Queue } from 'bullmq';
import type { OcrMode } from '../pipeline/read-pages.ts';
import type { DocSummary } from '../batch/protocol.ts';
import { TOOL_VERSION } from '../version.ts';

export const DEFAULT_QUEUE_NAME = 'jixiao';
/** BullMQ's key prefix */
export const PREFIX = 'bull';
/** attempts at a document before it ends failed (worker crashes, a reader that crashed) */
export const DEFAULT_ATTEMPTS = 3;
/** files up to this size travel in the job with --inline */
export const INLINE_MAX_BYTES = 16 * 1024 * 1024;
/** how long finished jobs and their reports stay in Redis for a coordinator to collect */
export const KEEP_SECONDS = 7 * 24 * 3600;

/**
 * Each tool version has its own queue: a worker of another version never takes a job whose output would differ.
 * BullMQ forbids ':' in queue names; the version has none.
 */
export function queueName(name: string, version = TOOL_VERSION): string {
  return `${name}-v${version}`;
}

export function checkName(name: string): string | null {
  return /^[A-Za-z0-9_.-]{1,100}$/.test(name)
    ? null
    : `--name ${JSON.stringify(name)}: use letters, digits, '.', '_' and '-' only`;
}

/** One job per document content and output-changing options: enqueued twice, it is there once. */
export function jobId(sha256: string, ocr: string, ocrDpi: number, version = TOOL_VERSION): string {
  return `${sha256}-v${version}-${ocr}-${ocrDpi}`;
}

export interface DocJobData {
  v: 1;
  /** the input as the batch was given it: recorded as source.path and in the manifest */
  file: string;
  /** absolute path on the coordinator's machine: workers read it there (a shared folder) unless `inline` is set */
  path: string;
  /** that path's own bytes (hex) when the name is not UTF-8: what workers open */
  pathBytes?: string;
  /** the file's bytes, base64 (--inline) */
  inline?: string;
  sha256: string;
  bytes: number;
  tool: string;
  ocr: OcrMode;
  ocrDpi: number;
  maxPages: number;
  timeoutSeconds: number;
  maxMemoryMb: number;
  /** a document whose worker died this many times ends failed */
  attempts: number;
}

/** A job's return value (the report itself is in reportKey, gzip'd: kept out of BullMQ's event stream). */
export interface DocJobResult {
  status: 'ok';
  summary: DocSummary;
  seconds: number;
  worker: string;
}

export const reportKey = (queue: Pick<Queue, 'toKey'>, id: string) => queue.toKey(`jx:report:${id}`);
/** pages read, per minute (INCRBY), for the pages-per-minute figure of `jixiao queue status` */
export const pagesKey = (queue: Pick<Queue, 'toKey'>, minute: number) => queue.toKey(`jx:pages:${minute}`);
/** worker name → JSON of its last heartbeat */
export const workersKey = (queue: Pick<Queue, 'toKey'>) => queue.toKey('jx:workers');

export interface WorkerBeat {
  name: string;
  jobs: number;
  started: number;
  lastSeen: number;
  done: number;
  failed: number;
  pages: number;
  /** set when the worker left in good order */
  stopped?: boolean;
}

/** A failed job's reason is "code: text"; BullMQ's own reasons (a lost lock, a stall) are crashes. */
export function formatFailure(code: string, reason: string): string {
  return `${code}: ${reason}`;
}

const CODES = new Set([
  'not-pdf',
  'encrypted',
  'corrupt',
  'empty',
  'unreadable',
  'not-found',
  'too-many-pages',
  'timeout',
  'out-of-memory',
  'crashed',
  'error',
]);

export function parseFailure(failedReason: string | undefined): { code: string; reason: string } {
  const text = failedReason ?? '';
  const m = /^([a-z-]+): ([\s\S]*)$/.exec(text);
  if (m && CODES.has(m[1]!)) return { code: m[1]!, reason: m[2]! };
  return { code: 'crashed', reason: `the worker reading it was lost (${text || 'no reason given'})` };
}

/** Codes a worker retries (on this or another machine) rather than ending the document with them at once. */
export const RETRYABLE = new Set(['crashed', 'not-found', 'unreadable']);
