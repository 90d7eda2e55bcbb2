// The writers jixiao has (the interface is in writer.ts): a command picks the
// ones it writes and calls them the same way.
import type { Report } from '../schema/report.ts';
import { writeTables } from './csv.ts';
import { rewriteManifest } from './manifest.ts';
import { inside } from '../util/files.ts';
import type { DocumentWriter, RunWriter, RunWritten } from './writer.ts';

export {
  writeDocument,
  type DocumentWriter,
  type RunDocument,
  type RunInputs,
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

/** DIR/manifest.jsonl at the end of a run: exactly one line per input, in input order (during the run ManifestWriter appends). */
export const MANIFEST: RunWriter = {
  name: 'manifest',
  finish: (dir, inputs) => rewriteManifest(inside(dir, 'manifest.jsonl'), inputs.records),
};

/** facts.csv, findings.csv, documents.csv and facts.jsonl, rebuilt from every document of the run; says the rows of each. */
export const CSV_TABLES: RunWriter<RunWritten> = {
  name: 'csv',
  finish: async (dir, inputs) => ({ tables: await writeTables(dir, inputs.documents()) }),
};

/**
 * The files of a whole run, written in this order into the run's folder once its last document is done: by `batch`
 * and by the queue's coordinator (both finish in src/batch/run.ts). A new format of a whole run is one more writer
 * here. The review site and the dataset are not here: see src/writers/writer.ts.
 */
export const RUN_WRITERS: readonly RunWriter<RunWritten | void>[] = [MANIFEST, CSV_TABLES];
