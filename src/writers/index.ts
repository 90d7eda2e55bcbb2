// The writers jixiao has (the interface is in writer.ts) and the two lists the
// commands loop over: DOCUMENT_WRITERS (each document's files) and
// RUN_WRITERS (a run's own files). A new format: one writer, one line.
import type { Report } from '../schema/report.ts';
import { tablesPart, TablesWriter, writeTables, type TablesPart } from './csv.ts';
import { rewriteManifest } from './manifest.ts';
import { inside } from '../util/files.ts';
import {
  writeDocument,
  type DocumentParts,
  type DocumentWriter,
  type PartWhere,
  type RunWriter,
  type RunWritten,
} from './writer.ts';

export {
  writeDocument,
  type DocumentParts,
  type DocumentWriter,
  type PartWhere,
  type RunDocument,
  type RunInputs,
  type RunStream,
  type RunWriter,
  type RunWritten,
  type Writer,
} from './writer.ts';

/** A document's report as the output contract's JSON, one line (or indented with `pretty`), ending in a newline. */
export function reportJson(options: { pretty?: boolean } = {}): DocumentWriter {
  return {
    name: 'json',
    documentPath: (name) => `${name}.json`,
    render: (report: Report) => JSON.stringify(report, null, options.pretty ? 2 : undefined) + '\n',
  };
}

/** The one-line JSON report every batch writes into docs/. */
export const REPORT_JSON: DocumentWriter = reportJson();

/**
 * The files each document gets, in the folder its command writes documents to (batch and queue: DIR/docs/;
 * extract: --out). First the report JSON: the document's record — the manifest's `doc`, the one file a batch
 * reads back (resume, corrections, the CSV tables, the review site, the dataset) and the one a document worker
 * (local, or a queue's) writes or sends back. Every other format of one document is rendered from that report by
 * whoever writes the folder (writeOtherFormats), so a local batch, the queue's coordinator, the corrections and
 * `extract` all write it alike. A new format of one document is one more writer here.
 */
export const DOCUMENT_WRITERS: readonly [DocumentWriter, ...DocumentWriter[]] = [REPORT_JSON];

/** Every file of the document `name` in `dir` (absolute, checked to lie inside it), in DOCUMENT_WRITERS' order. */
export function documentFiles(dir: string, name: string): string[] {
  return DOCUMENT_WRITERS.map((w) => inside(dir, w.documentPath(name)));
}

/**
 * Writes the document's files of every writer of DOCUMENT_WRITERS after the report JSON (which the caller has
 * written) into `dir`, each atomically. `report` is asked for only when there are such writers, so a command
 * parses a report's JSON only then. Returns the files written.
 */
export async function writeOtherFormats(
  dir: string,
  name: string,
  report: () => Report | Promise<Report>,
): Promise<string[]> {
  const others = DOCUMENT_WRITERS.slice(1);
  if (others.length === 0) return [];
  const r = await report();
  const written: string[] = [];
  for (const writer of others) written.push(await writeDocument(writer, dir, name, r));
  return written;
}

/** DIR/manifest.jsonl at the end of a run: exactly one line per input, in input order (during the run ManifestWriter appends). */
export const MANIFEST: RunWriter = {
  name: 'manifest',
  finish: (dir, inputs) => rewriteManifest(inside(dir, 'manifest.jsonl'), inputs.records),
};

/** facts.csv, findings.csv, documents.csv and facts.jsonl, rebuilt from every document of the run; says the rows of each. */
export const CSV_TABLES: RunWriter<RunWritten> = {
  name: 'csv',
  finish: async (dir, inputs) => ({ tables: await writeTables(dir, inputs.documents()) }),
  stream: async (dir) => {
    const tables = await TablesWriter.create(dir);
    return {
      add: (doc) => tables.add({ ...doc, part: doc.part as TablesPart | undefined }),
      finish: async () => ({ tables: await tables.commit() }),
      abandon: () => tables.abandon(),
    };
  },
  part: (report, where) => tablesPart(report, where),
};

/**
 * The files of a whole run, written in this order into the run's folder once its last document is done: by `batch`
 * and by the queue's coordinator (both finish in src/batch/run.ts). A new format of a whole run is one more writer
 * here. The review site and the dataset are not here: see src/writers/writer.ts.
 */
export const RUN_WRITERS: readonly RunWriter<RunWritten | void>[] = [MANIFEST, CSV_TABLES];

/** A document's parts of every run writer that streams and has one (Writer.part), for its manifest line's `where`. */
export async function documentParts(report: Report, where: PartWhere): Promise<DocumentParts> {
  const parts: DocumentParts = {};
  for (const writer of RUN_WRITERS)
    if (writer.stream && writer.part) parts[writer.name] = await writer.part(report, where);
  return parts;
}
