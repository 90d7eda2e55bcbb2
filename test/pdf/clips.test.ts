// Text the clip hides is not read. A report system that splits a merged cell
// over two pages writes the whole cell's text on both and clips each part to
// its piece of the cell: on the second page the project's name and amounts
// land over the header, unseen, and were read into the header cells
// (项目总额1,620.200000) and as facts of the page.
import { expect, test } from 'vitest';
import { openDocument, type PdfEngineName } from '../../src/pdf/document.ts';
import { withoutHidden } from '../../src/pdf/hidden.ts';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import { makePdf, type TextRun } from '../support/make-pdf.ts';
import { readMade, ruledTable } from '../tables/support.ts';

async function kept(runs: TextRun[], engine: PdfEngineName): Promise<string[]> {
  const pdf = await openDocument(makePdf({ pages: [{ runs }] }), engine);
  try {
    const text = await pdf.readText(1);
    const graphics = await pdf.readGraphics(1);
    return withoutHidden(text.items, graphics.runs).map((i) => i.str);
  } finally {
    await pdf.destroy();
  }
}

test.each(['pdfium', 'pdfjs'] as const)(
  '%s: a run is read when enough of it shows through its clip: half an em both ways',
  async (engine) => {
    const clip: [number, number, number, number] = [100, 500, 300, 520];
    expect(
      await kept(
        [
          { text: '不裁剪的文字', x: 100, y: 700, size: 10 },
          { text: '框内的文字', x: 105, y: 505, size: 10, clip },
          { text: '框外的文字', x: 105, y: 560, size: 10, clip },
          // the top half of the line shows: read
          { text: '半露的文字', x: 105, y: 497, size: 10, clip },
          // a sliver shows (its em box, 519.3–529.3, is 0.7 pt inside): not read, a viewer shows no legible glyph
          { text: '露一线文字', x: 105, y: 520.5, size: 10, clip },
          // running past the clip's right edge: what shows is read, the run is kept whole
          { text: '溢出右边框的很长的一行文字溢出右边框的很长的一行文字', x: 200, y: 505, size: 10, clip },
          { text: '左边框外', x: 20, y: 505, size: 10, clip },
        ],
        engine,
      ),
    ).toEqual(['不裁剪的文字', '框内的文字', '半露的文字', '溢出右边框的很长的一行文字溢出右边框的很长的一行文字']);
  },
);

test("a split cell's text clipped out over the header is left out: the header reads clean, its amounts are no facts", async () => {
  const xs = [40, 160, 230, 310, 430, 540];
  const top = 700;
  const rh = 24;
  const t = ruledTable(
    [
      ['项目名称', '项目总额', '一级指标', '三级指标', '指标值'],
      ['', '', '产出指标', '完成设计数量', '≥12项'],
      ['旧料场租费', '68.00', '成本指标', '月租赁成本', '≤5.67万元'],
    ],
    { xs, top, rowHeight: rh, size: 9 },
  );
  // The project continued from the page before: its cell is the first body row here, but its
  // text is set as if the cell were whole, centred higher up, over the header and the title.
  const cell: [number, number, number, number] = [xs[0]!, top - 2 * rh, xs[2]!, top - rh];
  const hidden: TextRun[] = [
    { text: '监理设计审计项目', x: 44, y: top - rh / 2 - 3, size: 9, clip: cell },
    { text: '200.87', x: 164, y: top - rh / 2 - 3, size: 9, clip: cell },
    { text: '2754-监理', x: 44, y: top + 12, size: 9, clip: cell },
  ];
  const runs: TextRun[] = [
    { text: '2023年度某某局项目支出绩效自评报告', x: 120, y: 780, size: 16 },
    { text: '项目支出绩效目标表', x: 230, y: 740, size: 12 },
    { text: '金额单位：万元', x: 470, y: 712, size: 9 },
    ...t.runs,
    ...hidden,
  ];
  const pages = await readMade([{ runs, rules: t.rules }]);
  const r = assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, pages);
  expect(r.tables[0]!.rows[0]).toEqual(['项目名称', '项目总额', '一级指标', '三级指标', '指标值']);
  expect(r.facts.some((f) => f.value === 200.87)).toBe(false);
  expect(r.facts.filter((f) => f.paragraphId === null).map((f) => [f.label, f.value, f.unit])).toEqual([
    ['产出指标·完成设计数量·指标值', 12, '项'],
    ['旧料场租费·项目总额', 68, '万元'],
    ['成本指标·月租赁成本·指标值', 5.67, '万元'],
  ]);
  expect(JSON.stringify(r)).not.toMatch(/监理/);
});
