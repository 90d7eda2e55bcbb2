// The output seam: every format a run writes — a document's JSON report, a
// run's manifest and CSV tables — is a Writer, and the commands loop over two
// lists of src/writers/index.ts: DOCUMENT_WRITERS (each document's files:
// `extract`, the batch, the queue's coordinator, the batch's corrections) and
// RUN_WRITERS (a run's own files, at the end of `batch` and of the queue's
// run, both in src/batch/run.ts). A new format is one Writer and one line in
// one of those lists.
//
// Two outputs are not Writers, on purpose:
// - the review site (`jixiao report`, src/review/) is built on demand into a
//   folder of its own, from PDFs or from batch folders, drawing every page
//   from the PDFs: written at the end of every batch it would change every
//   batch's folder and cost minutes of drawing per run. It also sits above
//   the batch in the layer order (it reads batch folders, lint/layers.ts), so
//   no list the batch loops over could hold it.
// - the dataset (`jixiao dataset`, src/dataset/) reads many batch folders
//   into one DuckDB file elsewhere, appends document by document and repairs
//   what an earlier build left: not a function of one run's documents.
// - a batch's page images (--page-images, src/writers/page-images.ts) are drawn
//   from the PDF while the document worker has it open, not rendered from the
//   report, so they are no DocumentWriter (render(report) could not draw them).
// All of them write through the same plumbing (src/util/files.ts: atomic writes,
// paths kept inside the output folder).
import type { Report } from '../schema/report.ts';
import type { TableCounts, TableInput } from './csv.ts';
import type { ManifestRecord } from './manifest.ts';
import { inside, writeAtomic } from '../util/files.ts';

/** One input of a finished run, as the writers of a whole run see it. */
export type RunDocument = Omit<TableInput, 'part'>;

/** What a run hands the writers of a whole run when its last document is done. */
export interface RunInputs {
  /** every input's manifest line, in input order (failed and skipped ones too) */
  records: ManifestRecord[];
  /** every input with its report (null unless its status is ok), read back one at a time so that a large run fits in memory; each call reads them again */
  documents(): AsyncIterable<RunDocument>;
}

/**
 * What the writers of a run say they wrote, merged into the run's result (the batch's `BatchResult`): each
 * writer that reports something fills its own field, the others return nothing.
 */
export interface RunWritten {
  /** rows per CSV table (CSV_TABLES) */
  tables?: TableCounts;
}

/**
 * An output format. A writer of documents has `documentPath` and `render`; a
 * writer of a whole run has `finish`; a format may be both.
 */
export interface Writer<Result = void> {
  /** the format's name (`json`, `manifest`, `csv`): what a flag or a log line calls it */
  readonly name: string;
  /**
   * Per document: where its file goes, relative to the folder documents are written to ('/'-separated),
   * made from the input's safe, unique name alone (src/writers/names.ts) — so a run knows it before the
   * document is read, and a resumed run can look for it.
   */
  documentPath?(name: string): string;
  /** Per document: the whole content of that file for one report. Pure: the same report gives the same bytes. */
  render?(report: Report): string | Uint8Array;
  /**
   * Per run, after its last document: writes the run's own files into `dir` (an absolute, real folder),
   * each whole or not at all (src/writers/files.ts), and says what it wrote (say, rows per table).
   */
  finish?(dir: string, inputs: RunInputs): Promise<Result>;
  /**
   * Per run, instead of `finish` where it can: the same files written while the run goes on, each input handed
   * over in input order once it and every input before it is done (a batch's tables no longer wait for its last
   * document, nor read every report back then). Not used where corrections change the documents at the end.
   */
  stream?(dir: string): Promise<RunStream<Result>>;
  /**
   * Per run, with `stream`: what the stream's `add` needs of one document, made where its report is made (a
   * batch's document process, DocumentParts) and handed to `add` as `part`, so that the run's own process neither
   * reads the report back nor renders it. Pure; `where`: the fields of the document's manifest line it depends on
   * (`add` is also given documents without it: it then makes it from the report itself).
   */
  part?(report: Report, where: PartWhere): Promise<unknown>;
}

/** The fields of a document's manifest line that a run writer's part may depend on. */
export type PartWhere = Pick<ManifestRecord, 'doc' | 'path'>;

/** One document's parts of the run writers that have them (Writer.part), by writer name. */
export type DocumentParts = Record<string, unknown>;

/** A run writer's files being written (Writer.stream). */
export interface RunStream<Result = void> {
  /** the next input, in input order; `part`: its Writer.part, when made where the report was */
  add(doc: RunDocument & { part?: unknown }): Promise<void>;
  /** after the last input: the files put in place; what `finish` would say */
  finish(): Promise<Result>;
  /** the run stopped, or `finish` is used after all: nothing of it is left (after `finish`, nothing happens) */
  abandon(): Promise<void>;
}

/** A writer of documents. */
export type DocumentWriter = Writer<unknown> & Required<Pick<Writer<unknown>, 'documentPath' | 'render'>>;

/** A writer of whole runs. */
export type RunWriter<Result = void> = Writer<Result> & Required<Pick<Writer<Result>, 'finish'>>;

/** Writes one document's file of `writer` into `dir` atomically; returns its absolute path (checked to lie inside `dir`). */
export async function writeDocument(
  writer: DocumentWriter,
  dir: string,
  name: string,
  report: Report,
): Promise<string> {
  const target = inside(dir, writer.documentPath(name));
  await writeAtomic(target, writer.render(report));
  return target;
}
