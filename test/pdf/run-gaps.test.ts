// Cells a few points apart (a table without borders: numbers set right, text
// set left) are drawn as runs of their own; pdf.js joins close runs into one
// item ("分值 执行率"), and the table reader joined what stood less than an em
// apart ("10" and "97.62%" read as 1097.62%). Items are cut, and chunks kept
// apart, where two runs stand 0.4 em apart or more.
import { expect, test } from 'vitest';
import { textLines } from '../../src/tables/chunks.ts';
import { textWidth } from '../support/compose.ts';
import type { TextRun } from '../support/make-pdf.ts';
import { readOne } from '../tables/support.ts';

/** Runs left to right on one baseline, each `gap` ems after the one before. */
function row(texts: string[], gap: number, y: number, size = 10): TextRun[] {
  let x = 60;
  return texts.map((text) => {
    const run = { text, x, y, size };
    x += textWidth(text, size) + gap * size;
    return run;
  });
}

const chunksOf = async (runs: TextRun[]) =>
  textLines((await readOne({ runs })).items).map((l) => l.chunks.map((c) => c.text));

test('cells half an em apart are separate chunks, numbers and text alike', async () => {
  expect(await chunksOf(row(['分值', '执行率', '得分'], 0.5, 700))).toEqual([['分值', '执行率', '得分']]);
  expect(await chunksOf(row(['4998.20', '10', '97.62%', '9.8'], 0.6, 700))).toEqual([
    ['4998.20', '10', '97.62%', '9.8'],
  ]);
  expect(await chunksOf(row(['3560.80', '一、一般公共服务支出', '2890.50'], 0.45, 700))).toEqual([
    ['3560.80', '一、一般公共服务支出', '2890.50'],
  ]);
});

test('near-miss: a number and its unit, or words a space apart, stay one chunk', async () => {
  expect(await chunksOf(row(['≥12000', '户'], 0.2, 700))).toEqual([['≥12000 户']]);
  expect(await chunksOf(row(['全年预算', '3560.80', '万元'], 0.25, 700))).toEqual([['全年预算 3560.80 万元']]);
});
