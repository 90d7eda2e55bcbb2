// A justified or letter-spaced line (Tc, as word processors set 分散对齐 and
// the last lines of justified paragraphs): pdf.js gives it with a space after
// every glyph, "9 9 9 . 8 3 万 元". Read as it stands, the amount would be
// 3 万元 — a number read wrong. The spacing is closed up; cells of a table
// drawn in one run, far apart, are not joined.
import { describe, expect, test } from 'vitest';
import { closeLetterSpacing } from '../../src/pdf/text.ts';
import { extractSpec } from '../support/extract-made.ts';

describe('letter-spaced text', () => {
  test('a letter-spaced sentence keeps its amounts whole, end to end', async () => {
    const report = await extractSpec({
      pages: [
        {
          runs: [
            { text: '二、支出情况', x: 72, y: 760, bold: true },
            { text: '学前教育年初预算999.83万元，支出决算1,182.59万元，', x: 72, y: 730, charSpacing: 3 },
            { text: '完成年初预算的118.28%。', x: 72, y: 712 },
          ],
        },
      ],
    });
    const money = report.facts.filter((f) => f.unit === '万元').map((f) => [f.label, f.value]);
    expect(money).toEqual([
      ['学前教育年初预算', 999.83],
      ['学前教育支出决算', 1182.59],
    ]);
    expect(report.facts.find((f) => f.unit === '%')?.value).toBe(118.28);
  });

  test('only a run where every other character is one space and the glyphs sit close', () => {
    // 12 pt glyphs with 3 pt spacing: about 1.2 em a glyph
    expect(closeLetterSpacing('算 9 9 9 . 8 3 万 元 ，', 10 * 13, 12)).toBe('算999.83万元，');
    // cells of a row drawn in one run, 80 pt apart: not spacing
    expect(closeLetterSpacing('1 2 3 4', 4 * 80, 12)).toBe('1 2 3 4');
    // words with spaces between them, or a short run, are left as they are
    expect(closeLetterSpacing('total 1 200', 60, 12)).toBe('total 1 200');
    expect(closeLetterSpacing('1 2', 20, 12)).toBe('1 2');
    expect(closeLetterSpacing('— 1 —', 30, 12)).toBe('— 1 —');
  });
});
