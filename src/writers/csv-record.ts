// A table's rows as CSV text: RFC 4180 as csv-stringify 6 writes it with jixiao's options (its defaults, booleans
// as true/false) — a field quoted when it holds a comma, a quote or a line break, its quotes doubled; numbers as
// JavaScript prints them; null and undefined empty; each record ending in \n. csv-stringify's general machinery
// (options merged and casts looked up per field) took about a quarter of the time the batch process spent writing
// the typed corpus's tables, and its modules loaded in every document process.

const NEEDS_QUOTES = /[,"\n\r]/;

/** The CSV records of `rows`, each ending in a newline. */
export function csvRecords(rows: readonly (readonly unknown[])[]): string {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) text += i === 0 ? csvField(row[i]) : ',' + csvField(row[i]);
    text += '\n';
  }
  return text;
}

function csvField(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value === null || value === undefined) return '';
  else if (typeof value === 'boolean') return value ? 'true' : 'false';
  else if (typeof value === 'number' || typeof value === 'bigint') text = String(value);
  else if (value instanceof Date) text = String(value.getTime());
  else text = JSON.stringify(value) ?? '';
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
