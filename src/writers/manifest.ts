// DIR/manifest.jsonl: one line per input, appended (and fsync'd) as each
// document ends so that a killed run loses nothing it had finished; at the end
// of a run it is rewritten with exactly one line per input, in input order.
import { open, readFile, type FileHandle } from 'node:fs/promises';
import type { Severity } from '../schema/report.ts';
import { writeAtomic } from './files.ts';

export type ManifestStatus = 'ok' | 'failed' | 'skipped';

export interface ManifestRecord {
  path: string;
  sha256: string | null;
  bytes: number | null;
  status: ManifestStatus;
  /** why it failed or was skipped, for machines: not-pdf encrypted corrupt empty unreadable too-many-pages timeout out-of-memory crashed error duplicate */
  code: string | null;
  /** the same for people */
  reason: string | null;
  /** the document's JSON, relative to the output folder */
  doc: string | null;
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
  private constructor(fh: FileHandle) {
    this.fh = fh;
  }

  /** Opens for appending; a torn last line is closed off so the next line starts clean. */
  static async open(file: string): Promise<ManifestWriter> {
    const fh = await open(file, 'a+');
    const { size } = await fh.stat();
    if (size > 0) {
      const last = Buffer.alloc(1);
      await fh.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) await fh.appendFile('\n');
    }
    return new ManifestWriter(fh);
  }

  /** Appends one line and waits until it is on disk. Calls are serialised so lines never interleave. */
  append(record: ManifestRecord): Promise<void> {
    const line = JSON.stringify(record) + '\n';
    const next = this.chain.then(async () => {
      await this.fh.appendFile(line);
      await this.fh.sync();
    });
    this.chain = next.catch(() => {});
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.fh.close();
  }
}

/** Replaces the manifest with exactly these lines. */
export async function rewriteManifest(file: string, records: ManifestRecord[]): Promise<void> {
  await writeAtomic(file, records.map((r) => JSON.stringify(r) + '\n').join(''));
}
