// DIR/manifest.jsonl: one line per input, appended (and fsync'd) as each
// document ends so that a killed run loses nothing it had finished; at the end
// of a run it is rewritten with exactly one line per input, in input order.
import { open, readFile, type FileHandle } from 'node:fs/promises';
import type { Severity } from '../schema/report.ts';
import { injectedWriteError, writeAtomic } from './files.ts';

export type ManifestStatus = 'ok' | 'failed' | 'skipped';

export interface ManifestRecord {
  /** the input as given; a name that is not UTF-8 as it decodes (a replacement character a byte) */
  path: string;
  /** that name's own bytes (hex), only when it is not UTF-8: what the file is opened by */
  pathBytes?: string;
  sha256: string | null;
  bytes: number | null;
  status: ManifestStatus;
  /** why it failed or was skipped, for machines: not-pdf encrypted corrupt empty unreadable not-a-file too-large too-many-pages timeout out-of-memory crashed error duplicate */
  code: string | null;
  /** the same for people */
  reason: string | null;
  /** the document's JSON, relative to the output folder */
  doc: string | null;
  /** `--page-images`: the folder its pages were drawn into (pages/<name>, relative to the output folder) */
  pageImages?: string;
  pages: number | null;
  ocrPages: number | null;
  seconds: number;
  findings: Record<Severity, number>;
  /** what the result depends on: resume reuses a line only when all of these match */
  tool: string;
  ocr: string;
  ocrDpi: number;
  /** absent in manifests written before PP-OCR: those were read by tesseract */
  ocrEngine?: string;
  limits: { timeout: number; maxMemoryMb: number; maxPages: number };
  /** only when the run wrote stage times into the reports (--timings) */
  timings?: true;
  /** queue mode only: the worker (host:pid) that read the document */
  worker?: string;
}

export const NO_FINDINGS: Record<Severity, number> = Object.freeze({ error: 0, warning: 0, info: 0 });

/** The lines of a manifest that parse; a torn last line (the run was killed while writing it) is dropped. */
export async function readManifest(file: string): Promise<ManifestRecord[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const records: ManifestRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as ManifestRecord;
      if (r && typeof r.path === 'string' && typeof r.status === 'string') records.push(r);
    } catch {
      // torn line from a killed run
    }
  }
  return records;
}

export class ManifestWriter {
  private chain: Promise<void> = Promise.resolve();
  private readonly fh: FileHandle;
  private readonly file: string;
  /** bytes of whole lines: where the next line starts, and where a line that failed half-written is cut back to */
  private size: number;
  private constructor(fh: FileHandle, file: string, size: number) {
    this.fh = fh;
    this.file = file;
    this.size = size;
  }

  /** Opens for appending; a torn last line (a run killed, or a disk full, while it was written) is cut off. */
  static async open(file: string): Promise<ManifestWriter> {
    const fh = await open(file, 'a+');
    try {
      const { size } = await fh.stat();
      const whole = await wholeLinesEnd(fh, size);
      if (whole < size) {
        await fh.truncate(whole);
        await fh.sync();
      }
      return new ManifestWriter(fh, file, whole);
    } catch (err) {
      await fh.close();
      throw err;
    }
  }

  /**
   * Appends one line and waits until it is on disk. Calls are serialised so lines never interleave. The line goes
   * out in one write; if it cannot all be written (ENOSPC, EDQUOT …) the file is cut back to the lines before it.
   */
  append(record: ManifestRecord): Promise<void> {
    const line = Buffer.from(JSON.stringify(record) + '\n');
    const next = this.chain.then(async () => {
      try {
        const injected = injectedWriteError(this.file);
        if (injected) throw injected;
        const { bytesWritten } = await this.fh.write(line, 0, line.length, null);
        if (bytesWritten !== line.length)
          throw Object.assign(new Error('short write to the manifest'), { code: 'ENOSPC' });
        await this.fh.sync();
        this.size += line.length;
      } catch (err) {
        await this.fh.truncate(this.size).catch(() => {});
        throw err;
      }
    });
    this.chain = next.catch(() => {});
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.fh.close();
  }
}

/** The end of the last line that ends in a newline and parses; everything after it is torn. */
async function wholeLinesEnd(fh: FileHandle, size: number): Promise<number> {
  if (size === 0) return 0;
  // The tail only: a torn line is at most one record (a few hundred bytes; paths can make it a few KB).
  const tail = Buffer.alloc(Math.min(size, 64 * 1024));
  await fh.read(tail, 0, tail.length, size - tail.length);
  const lastNewline = tail.lastIndexOf(0x0a);
  if (lastNewline === tail.length - 1) {
    // Ends whole; but the last line may still be garbage if an older version closed a torn line with a newline.
    return size;
  }
  return lastNewline === -1 ? (tail.length === size ? 0 : size) : size - tail.length + lastNewline + 1;
}

/** Replaces the manifest with exactly these lines. */
export async function rewriteManifest(file: string, records: ManifestRecord[]): Promise<void> {
  await writeAtomic(file, records.map((r) => JSON.stringify(r) + '\n').join(''));
}
