// A paragraph runs on over a page break only when nothing stands between its
// parts. The same table title atop page after page, each with its table under
// it, was read as one paragraph (2025年…目标表2025年…目标表…) where the
// titles were most of the document's prose: the tables had left the text.
import { expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { PageSpec } from '../support/make-pdf.ts';
import { readMade, ruledTable } from '../tables/support.ts';

const TITLE = '2025年部门整体支出绩效目标表';

function tablePage(amount: string, y: number): PageSpec {
  const t = ruledTable(
    [
      ['项目', '年初预算数', '全年预算数', '全年执行数'],
      ['年度资金总额', amount, amount, amount],
      ['其中：财政拨款', amount, amount, amount],
    ],
    { xs: [60, 200, 300, 400, 500], top: y - 40, rowHeight: 22, size: 9 },
  );
  return { runs: [{ text: TITLE, x: 60, y, size: 16 }, ...t.runs], rules: t.rules };
}

// (set at two heights, or the two would be taken for a running header)
test('a title atop each of two table pages: one paragraph per page', async () => {
  const r = assembleReport(
    { path: 'made.pdf', bytes: new Uint8Array(1) },
    await readMade([tablePage('10.00', 680), tablePage('20.00', 560)]),
  );
  expect(r.paragraphs.filter((p) => p.text.includes('目标表')).map((p) => [p.page, p.text])).toEqual([
    [1, TITLE],
    [2, TITLE],
  ]);
});

test('a sentence cut by the page break still runs on when no table stands between', async () => {
  const lines = (texts: string[], top: number) => texts.map((text, i) => ({ text, x: 72, y: top - i * 22, size: 12 }));
  const full = '本年度部门整体支出绩效目标完成情况良好，各项重点工作均按计划推进并取得成效，';
  const r = assembleReport(
    { path: 'made.pdf', bytes: new Uint8Array(1) },
    await readMade([
      { runs: lines([full, full, full], 200) },
      { runs: lines(['资金使用规范。', full.replace('，', '。')], 760) },
    ]),
  );
  expect(r.paragraphs.some((p) => p.page === 1 && p.text.endsWith('成效，资金使用规范。'))).toBe(true);
});
