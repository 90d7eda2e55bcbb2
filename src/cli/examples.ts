// Two or three command lines per command, shown at the end of its --help:
// what people type first, as data so that each command's file stays about its options.
export const EXAMPLES: Readonly<Record<string, readonly [command: string, what: string][]>> = {
  extract: [
    ['jixiao extract report.pdf > report.json', 'one report as JSON on stdout'],
    ['jixiao extract reports/*.pdf -o out --pretty', 'one out/<name>.json per PDF'],
    ['jixiao extract scan.pdf --ocr always --ocr-dpi 300', 'OCR every page at 300 dpi'],
  ],
  check: [
    ['jixiao check report.pdf', 'the findings for people, grouped by file, with pages'],
    ['jixiao check reports/*.pdf --fail-on warning', 'exit 1 when any file has an error or a warning'],
    ['jixiao check report.pdf --json > report.json', 'the report JSON, findings included'],
  ],
  batch: [
    ['jixiao batch reports/ --out out', 'every PDF under reports/ (resumes where a killed run stopped)'],
    ['jixiao batch "2023/*.pdf" --out out --jobs 2 --timeout 300', 'two at a time, five minutes each at most'],
    ['jixiao batch reports/ --out out --queue redis://127.0.0.1:6379/0', 'read by `jixiao worker` processes'],
  ],
  report: [
    ['jixiao report out', 'a review site for a batch folder: open out/index.html'],
    ['jixiao report report.pdf --out site', 'the same for one PDF'],
  ],
  dataset: [
    ['jixiao dataset out --out reports.duckdb', 'a DuckDB database of every report in a batch folder'],
    ['jixiao dataset out-2022 out-2023 --out all.duckdb --parquet parquet', 'several batches, Parquet files too'],
  ],
  worker: [['jixiao worker --queue redis://10.0.0.5:6379/0 --jobs 2', 'read documents of a queued batch']],
  queue: [['jixiao queue status --queue redis://10.0.0.5:6379/0', 'jobs waiting, active, done, failed']],
  rules: [
    ['jixiao rules', 'every finding rule, its severity and what it finds'],
    ['jixiao rules --json', 'the same as JSON'],
  ],
};
