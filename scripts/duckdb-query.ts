// Runs SQL against a jixiao dataset with @duckdb/node-api and prints the
// result as a table, for machines without the duckdb command:
//   npx node scripts/duckdb-query.ts out/dataset.duckdb "select …"
import { DuckDBInstance } from '@duckdb/node-api';

const [file, ...sql] = process.argv.slice(2);
if (!file || sql.length === 0) {
  process.stderr.write('usage: node scripts/duckdb-query.ts FILE.duckdb "SQL"\n');
  process.exit(2);
}
const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
const con = await instance.connect();
for (const statement of sql) {
  const result = await con.runAndReadAll(statement);
  const names = result.columnNames();
  const rows = result
    .getRowsJson()
    .map((r) => r.map((v) => (v === null ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v))));
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = names.map((n, i) => Math.max(width(n), ...rows.map((r) => width(r[i]!))));
  const pad = (s: string, i: number) => s + ' '.repeat(widths[i]! - width(s));
  const line = (cells: string[]) => `│ ${cells.map(pad).join(' │ ')} │`;
  process.stdout.write(
    `${line(names)}\n├${widths.map((w) => '─'.repeat(w + 2)).join('┼')}┤\n${rows.map(line).join('\n')}\n(${rows.length} rows)\n`,
  );
}
con.closeSync();
instance.closeSync();
