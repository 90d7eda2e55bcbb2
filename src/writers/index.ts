// The writers jixiao has (the interface is in writer.ts): a command picks the
// ones it writes and calls them the same way.
import type { Report } from '../schema/report.ts';
import { writeTables, type TableCounts } from './csv.ts';
import { rewriteManifest } from './manifest.ts';
import { inside } from '../util/files.ts';
import type { DocumentWriter, RunWriter } from './writer.ts';

export {
  writeDocument,
  type DocumentWriter,
  type RunDocument,
  type RunInputs,
  type RunWriter,
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

/** facts.csv, findings.csv, documents.csv and facts.jsonl, rebuilt from every document of the run. */
export const CSV_TABLES: RunWriter<TableCounts> = {
  name: 'csv',
  finish: (dir, inputs) => writeTables(dir, inputs.documents()),
};
