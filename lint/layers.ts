// The layer order of src/, as data: the one place it is written. A folder may
// import from folders of lower layers and from itself, never from a higher
// layer nor from another folder of its own layer. eslint.config.js turns this
// into import-x/no-restricted-paths zones; test/lint/layers.test.ts checks the
// real import graph of src/ against it. Files directly in src/ (version.ts)
// import nothing and may be imported by any layer.

/** Lowest first; folders in one inner list are one layer and do not import each other. */
export const LAYERS: readonly (readonly string[])[] = [
  ['schema'], // the report's types and JSON Schema
  ['vocab'], // the genre's words and characters as data; imports only schema types
  ['util'], // helpers that know no words: geometry, dates, statistics
  ['text'], // reading strings: CJK joins, numerals, width folding, numbers in text and cells, heading markers
  ['pdf'], // opening a PDF, its text items, ruling lines, rendering
  ['ocr'], // text for scanned pages
  ['layout'], // lines, paragraphs, page furniture
  ['tables'], // ruled and text-aligned grids, headers, captions, continuations
  ['sections'], // headings and the section tree
  ['meta'], // the document's organisation, year, date
  ['facts'], // figures in prose and in table cells
  ['records'], // indicators, funds rows and scorecards of the performance tables, from table structure and cell facts
  ['checks'], // the rules over facts, sections and tables
  ['corrections'], // a reviewer's corrections applied to a report: anchors found again, checks run again
  ['pipeline'], // one document through the stages, into a Report
  ['writers'], // JSON, CSV and manifest files
  ['batch'], // many documents, workers, progress
  ['review', 'dataset', 'queue'], // what is built on batches: the review site, the dataset, the job queue
  ['api'], // the package's public functions
  ['cli'], // the command line
];

/** The layer of each folder of src/: its index in LAYERS. */
export const LAYER_OF: ReadonlyMap<string, number> = new Map(
  LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)),
);

/** Folders of src/ that `folder` must not import: every higher layer, and the other folders of its own. */
export function forbiddenFor(folder: string): string[] {
  const own = LAYER_OF.get(folder);
  if (own === undefined) throw new Error(`src/${folder}/ has no layer in lint/layers.ts`);
  return LAYERS.flatMap((folders, i) => (i < own ? [] : folders.filter((f) => f !== folder)));
}
