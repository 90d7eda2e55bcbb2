// Option values checked where they are parsed, for every command: a bad value
// is one line naming the option, what it takes and what was given, and exit 2
// (usage), never a stack trace or a run that fails every document.
import os from 'node:os';
import { showText } from '../writers/safe-text.ts';

/** What Node's timers hold: setTimeout with more than 2^31−1 ms fires at once. */
export const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
/**
 * The least --max-memory worth running: the bound is a document process's resident memory, and one holds 150 MB
 * before it reads anything (Node, pdf.js, the pipeline); measured, the typed sample reads within 240 MB, not 200.
 * A scan needs its OCR workers besides (PP-OCR: about 300 MB each; the scanned sample read within 1 GB with one).
 */
export const MIN_MEMORY_MB = 256;
/** The most: 1 TB, far beyond any machine this runs on, so that no larger value is taken for a typo's. */
export const MAX_MEMORY_MB = 1024 * 1024;
export const OCR_DPI_RANGE = [72, 600] as const;
/** --jobs above the cores is allowed with a warning up to this many per core; more is capped. */
const JOBS_PER_CORE = 4;

/** Exits 2 with one line: options are parsed before anything runs, so nothing is left half done. */
export function badValue(flag: string, value: string, wants: string): never {
  process.stderr.write(`jixiao: ${flag} ${showText(value)}: ${wants}\n`);
  process.exit(2);
}

export function integer(flag: string, value: string, min: number, max: number, wants: string): number {
  const n = /^\s*\+?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) badValue(flag, value, wants);
  return n;
}

/** A count: a whole number of at least 1. */
export const count = (flag: string) => (value: string) =>
  integer(flag, value, 1, Number.MAX_SAFE_INTEGER, 'takes a whole number of at least 1');

/** --jobs: at least 1; above the cores with a warning, capped at JOBS_PER_CORE per core. */
export function jobs(value: string): number {
  const n = integer('--jobs', value, 1, Number.MAX_SAFE_INTEGER, 'takes a whole number of at least 1');
  const cores = os.availableParallelism();
  const cap = JOBS_PER_CORE * cores;
  if (n > cap) {
    process.stderr.write(`jixiao: --jobs ${n} is more than ${JOBS_PER_CORE} per core (${cores} cores): using ${cap}\n`);
    return cap;
  }
  if (n > cores)
    process.stderr.write(
      `jixiao: warning: --jobs ${n} is more than the ${cores} cores: each job holds its own memory, and the run is not faster\n`,
    );
  return n;
}

/** --timeout in seconds: above 0, at most what a timer holds. */
export function timeoutSeconds(value: string): number {
  const n = /^\s*\+?(\d+\.?\d*|\.\d+)\s*$/.test(value) ? Number(value) : NaN;
  if (!(n > 0) || n > MAX_TIMEOUT_SECONDS)
    badValue('--timeout', value, `takes seconds above 0, at most ${MAX_TIMEOUT_SECONDS} (24.8 days, what timers hold)`);
  return n;
}

/** Seconds as a whole number (the queue worker's --stall-timeout and --grace), bounded the same way. */
export const wholeSeconds = (flag: string) => (value: string) =>
  integer(flag, value, 1, MAX_TIMEOUT_SECONDS, `takes whole seconds from 1 to ${MAX_TIMEOUT_SECONDS}`);

/** --max-memory in MB: at least what a document worker needs, at most MAX_MEMORY_MB; the message says both. */
export function maxMemoryMb(value: string): number {
  return integer(
    '--max-memory',
    value,
    MIN_MEMORY_MB,
    MAX_MEMORY_MB,
    `takes MB from ${MIN_MEMORY_MB} (what a document process needs to read a report) to ${MAX_MEMORY_MB} (1 TB)`,
  );
}

export function ocrDpi(value: string): number {
  const [min, max] = OCR_DPI_RANGE;
  return integer('--ocr-dpi', value, min, max, `takes a resolution from ${min} to ${max}`);
}
