// corrections.jsonl (contract 1.3, docs/review.md): a reviewer's decisions,
// one JSON object a line, appended and fsync'd a whole line at a time; never
// rewritten. A torn last line (a crash while one was written) is left out on
// reading and cut before the next line is appended; any other line that is not
// a correction is reported by its number, and the rest still count.
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Correction } from '../schema/corrections.ts';
import { injectedWriteError, syncDir } from '../util/files.ts';

/**
 * The schema a line is checked against, loaded when a line is first read or appended: a batch's own process
 * (which reads no PDF and, without corrections, no line) need not load zod and the contract's schemas.
 */
const schema = () => import('../schema/corrections.ts').then((s) => s.Correction);

/** The file's name in a batch folder. */
export const CORRECTIONS_FILE = 'corrections.jsonl';

export interface CorrectionLine {
  /** 1-based line number in its file */
  line: number;
  correction: Correction;
}

export interface CorrectionsRead {
  lines: CorrectionLine[];
  /** `FILE:LINE: why` for each line that is not a correction (a torn last line is not one of them) */
  problems: string[];
}

/** The corrections in `file`, in order; a missing file has none. */
export async function readCorrections(file: string): Promise<CorrectionsRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], problems: [] };
    throw err;
  }
  const Correction = await schema();
  const parts = text.split('\n');
  const lines: CorrectionLine[] = [];
  const problems: string[] = [];
  parts.forEach((raw, i) => {
    if (!raw.trim()) return;
    const torn = i === parts.length - 1; // no newline after it
    const parsed = parseLine(raw, Correction);
    if ('correction' in parsed) lines.push({ line: i + 1, correction: parsed.correction });
    else if (!torn) problems.push(`${file}:${i + 1}: ${parsed.problem}`);
  });
  return { lines, problems };
}

function parseLine(
  raw: string,
  Correction: Awaited<ReturnType<typeof schema>>,
): { correction: Correction } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { problem: 'not JSON' };
  }
  const r = Correction.safeParse(json);
  if (r.success) return { correction: r.data };
  return { problem: `not a correction (${r.error.issues[0]?.message ?? 'invalid'})` };
}

/** Several files' corrections in the order given (a batch folder's own, then those named with --corrections). */
export async function readCorrectionFiles(files: readonly string[]): Promise<CorrectionsRead> {
  const out: CorrectionsRead = { lines: [], problems: [] };
  for (const f of files) {
    const r = await readCorrections(f);
    out.lines.push(...r.lines);
    out.problems.push(...r.problems);
  }
  return out;
}

/** Serialises appends within this process: lines never interleave. */
let chain: Promise<void> = Promise.resolve();

/** Appends one correction as a whole line and waits until it is on disk. */
export function appendCorrection(file: string, c: Correction): Promise<void> {
  const next = chain.then(async () => {
    const checked = (await schema()).safeParse(c);
    if (!checked.success) throw new Error(`not a correction: ${checked.error.issues[0]?.message}`);
    await appendLine(file, JSON.stringify(checked.data) + '\n');
  });
  chain = next.catch(() => {});
  return next;
}

async function appendLine(file: string, line: string): Promise<void> {
  const injected = injectedWriteError(file);
  if (injected) throw injected;
  const fh = await open(file, 'a+');
  let created = false;
  try {
    const { size } = await fh.stat();
    created = size === 0;
    const start = size === 0 ? 0 : await wholeEnd(fh, size);
    if (start < size) await fh.truncate(start);
    const bytes = Buffer.from(line);
    const { bytesWritten } = await fh.write(bytes, 0, bytes.length, null);
    if (bytesWritten !== bytes.length) {
      await fh.truncate(start);
      throw Object.assign(new Error(`short write to ${file}`), { code: 'ENOSPC' });
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  if (created) await syncDir(path.dirname(file));
}

/**
 * Where the next line goes: the file's end when it ends with a newline; after a last line written
 * without one that is whole (by hand), a newline is added; a torn one is cut.
 */
async function wholeEnd(fh: Awaited<ReturnType<typeof open>>, size: number): Promise<number> {
  const tail = Buffer.alloc(Math.min(size, 256 * 1024));
  await fh.read(tail, 0, tail.length, size - tail.length);
  if (tail[tail.length - 1] === 0x0a) return size;
  const nl = tail.lastIndexOf(0x0a);
  const lastStart = nl === -1 ? size - tail.length : size - tail.length + nl + 1;
  const last = tail.subarray(lastStart - (size - tail.length)).toString('utf8');
  if ('correction' in parseLine(last, await schema())) {
    await fh.write(Buffer.from('\n'), 0, 1, null);
    return size + 1;
  }
  return lastStart;
}
