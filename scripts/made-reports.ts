// Writes the dataset tests' made reports (two units over three years, with one
// restated figure and one false growth statement; test/dataset/reports.ts) as
// PDFs into a folder, for the README's worked example:
//   npx node scripts/made-reports.ts out/made
import path from 'node:path';
import { writeAll } from '../test/batch/corpus.ts';
import { plan, unitReport } from '../test/dataset/reports.ts';

const dir = process.argv[2] ?? 'out/made';
const files = writeAll(
  dir,
  plan().map((u) => ({ name: `${u.name}-${u.year}.pdf`, bytes: unitReport(u) })),
);
console.log(files.map((f) => path.relative(process.cwd(), f)).join('\n'));
