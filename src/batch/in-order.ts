// The run's writers that take documents as they come (RunWriter.stream: the CSV tables), fed while the
// documents are read: each input in input order as soon as it and every input before it has its manifest
// line. Before, the tables were written after the last document, every report read back from docs/ then —
// on two cores, most of a second of one core's work with the other idle at the end of 1,000 documents.
// Not where the folder has corrections (they change documents at the end): those tables are written after.
import { readFile, stat } from 'node:fs/promises';
import { inside } from '../util/files.ts';
import { CORRECTIONS_FILE } from '../writers/corrections-file.ts';
import { RUN_WRITERS, type DocumentParts, type RunStream, type RunWriter, type RunWritten } from '../writers/index.ts';
import type { Report } from '../schema/report.ts';
import { duplicateRecord } from './records.ts';
import type { BatchItem, BatchPlan } from './types.ts';

type Stream = RunStream<RunWritten | void>;

/** The parts held at most, in characters of their text (about twice in bytes): a few seconds of documents. */
const MAX_HELD_CHARS = 32 * 1024 * 1024;

/** The characters of a document's parts' text (strings, however deep). */
function partChars(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null) return 8;
  let n = 0;
  for (const v of Object.values(value)) n += partChars(v);
  return n;
}

export class InOrderWriters {
  private readonly plan: BatchPlan;
  private readonly streams: Map<RunWriter<RunWritten | void>, Stream>;
  private readonly firstOf: Map<BatchItem, BatchItem>;
  /** the parts of documents done but not yet handed over, made by the document processes; and their size */
  private readonly held = new Map<BatchItem, { parts: DocumentParts; chars: number }>();
  private heldChars = 0;
  private next = 0;
  private chain: Promise<void> = Promise.resolve();
  /** what went wrong feeding a stream: said when the run's writers finish, as it would have been then */
  private failure: { err: unknown } | null = null;

  private constructor(plan: BatchPlan, streams: Map<RunWriter<RunWritten | void>, Stream>) {
    this.plan = plan;
    this.streams = streams;
    this.firstOf = new Map(plan.duplicates);
  }

  /** The streams of RUN_WRITERS opened in the output folder; null where nothing can stream (corrections, none). */
  static async open(plan: BatchPlan): Promise<InOrderWriters | null> {
    if (await stat(inside(plan.root, CORRECTIONS_FILE)).catch(() => null)) return null;
    const streams = new Map<RunWriter<RunWritten | void>, Stream>();
    try {
      for (const writer of RUN_WRITERS) if (writer.stream) streams.set(writer, await writer.stream(plan.root));
    } catch (err) {
      for (const s of streams.values()) await s.abandon();
      throw err;
    }
    return streams.size > 0 ? new InOrderWriters(plan, streams) : null;
  }

  /**
   * The run writers' parts of a document done (its line known), made where it was read: handed over with it, the
   * report not read back. Not kept past MAX_HELD_CHARS (a slow document ahead of many fast ones): those are read
   * back from docs/ in their turn, as a document kept from an earlier run is.
   */
  hold(item: BatchItem, parts: DocumentParts): void {
    const chars = partChars(parts);
    if (this.heldChars + chars > MAX_HELD_CHARS) return;
    this.held.set(item, { parts, chars });
    this.heldChars += chars;
  }

  /** Hands over every input from the last one handed over on whose line is known (calls are taken in turn). */
  advance(): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (this.failure) return;
      try {
        await this.feed();
      } catch (err) {
        this.failure = { err };
      }
    });
    return this.chain;
  }

  /** The stream of `writer`, once every input was handed over; it fails as feeding it failed. */
  async streamOf(writer: RunWriter<RunWritten | void>): Promise<Stream | undefined> {
    const stream = this.streams.get(writer);
    if (!stream) return undefined;
    await this.advance();
    if (this.failure) throw this.failure.err;
    if (this.next < this.plan.items.length) throw new Error(`internal error: input ${this.next + 1} has no line`);
    return stream;
  }

  /** Every stream not finished: its files removed. */
  async abandon(): Promise<void> {
    await this.chain;
    for (const s of this.streams.values()) await s.abandon();
  }

  private async feed(): Promise<void> {
    const { items, root } = this.plan;
    while (this.next < items.length) {
      const item = items[this.next]!;
      const first = this.firstOf.get(item);
      // A duplicate's line is its first's, pointed at it (finishBatch records the same).
      const record = first ? (first.record ? duplicateRecord(item, first) : null) : item.record;
      if (!record) return;
      const held = this.held.get(item);
      if (held) {
        this.held.delete(item);
        this.heldChars -= held.chars;
      }
      const parts = held?.parts;
      // The report only where a stream has no part of it (kept from an earlier run, not held, no Writer.part).
      const needsReport =
        record.status === 'ok' && !!record.doc && [...this.streams.keys()].some((w) => !parts?.[w.name]);
      const report = needsReport ? (JSON.parse(await readFile(inside(root, record.doc!), 'utf8')) as Report) : null;
      for (const [w, s] of this.streams)
        await s.add({ record, report, ...(parts?.[w.name] !== undefined && { part: parts[w.name] }) });
      this.next++;
    }
  }
}
