// One output table on disk: a temporary file, written a megabyte at a time, that becomes the real one on
// commit (src/writers/csv.ts writes the tables through it).
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { tempPath } from '../util/files.ts';
import { csvText } from './safe-text.ts';

const CSV_OPTIONS = { cast: { boolean: (b: boolean) => (b ? 'true' : 'false') } };

/**
 * csv-stringify, loaded when a table is first written: every document process imports the writers
 * (for its own files) and writes no table, so it does not load it.
 */
const csv = () => import('csv-stringify/sync').then((m) => m.stringify);

/** Text gathered before a write: one write per table and megabyte, not one per document (a third of the CPU). */
const FLUSH_CHARS = 1 << 20;

/** CSV rows, text cells with their control characters shown escaped (\u001b): a PDF's escape sequences, NUL and BEL stay out of the tables. */
export async function csvRows(rows: unknown[][]): Promise<string> {
  if (rows.length === 0) return '';
  const stringify = await csv();
  return stringify(
    rows.map((row) => row.map((v) => (typeof v === 'string' ? csvText(v) : v))),
    CSV_OPTIONS,
  );
}

/** JSON lines, one an object. */
export function jsonLines(objects: object[]): string {
  return objects.map((o) => JSON.stringify(o) + '\n').join('');
}

/** One output table: a temporary file that becomes the real one on commit. */
export class TableFile {
  private readonly target: string;
  private readonly tmp: string;
  private readonly fh: FileHandle;
  private done = false;
  private pending: string[] = [];
  private pendingChars = 0;

  private constructor(target: string, tmp: string, fh: FileHandle) {
    this.target = target;
    this.tmp = tmp;
    this.fh = fh;
  }

  static async create(target: string, columns: readonly string[] | null): Promise<TableFile> {
    const tmp = tempPath(target);
    const file = new TableFile(target, tmp, await open(tmp, 'wx'));
    if (columns) await file.write((await csv())([columns as string[]], { ...CSV_OPTIONS, bom: true }));
    return file;
  }

  /** Rows as made by csvRows or jsonLines. */
  async text(text: string): Promise<void> {
    if (text.length > 0) await this.write(text);
  }

  async commit(): Promise<void> {
    await this.flush();
    await this.fh.sync();
    await this.fh.close();
    await rename(this.tmp, this.target);
    this.done = true;
  }

  async abandon(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.fh.close().catch(() => {});
    await rm(this.tmp, { force: true });
  }

  private async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= FLUSH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    await this.fh.write(text);
  }
}
