// The batch's CSV tables are written by src/writers/csv-record.ts, not csv-stringify: the same bytes as
// csv-stringify 6 with the options the tables were written with before (booleans as true/false), field by field.
import { stringify } from 'csv-stringify/sync';
import { expect, test } from 'vitest';
import { csvRecords } from '../../src/writers/csv-record.ts';

const OPTIONS = { cast: { boolean: (b: boolean) => (b ? 'true' : 'false') } };

const FIELDS: unknown[] = [
  '',
  'plain',
  '经费支出',
  'a,b',
  '他说"好"',
  '"',
  'line\nbreak',
  'carriage\rreturn',
  ' padded ',
  '=SUM(A1)',
  '-3',
  '0',
  0,
  -0,
  3.25,
  -1e-7,
  1e21,
  Number.NaN,
  Infinity,
  12345678901234567890n,
  true,
  false,
  null,
  undefined,
  new Date(Date.UTC(2026, 11, 7)),
  { page: 3, label: '预算, "执行"' },
  [1, 'a,b'],
];

test('each kind of field is written as csv-stringify writes it', () => {
  for (const field of FIELDS) expect(csvRecords([[field]]), String(field)).toBe(stringify([[field]], OPTIONS));
});

test('rows of several fields, of different lengths, and none', () => {
  const rows = [FIELDS, FIELDS.slice().reverse(), ['only'], [], [null, '', undefined]];
  expect(csvRecords(rows)).toBe(stringify(rows, OPTIONS));
  expect(csvRecords([])).toBe(stringify([], OPTIONS));
});
