// A document's review page shows its indicators as a table: one row per
// record with its page, 一级 / 二级, name, target, actual, weight, score and
// whether it was met — a missed target's row marked, one given its full
// weight flagged — and nothing for a document without indicators.
import { beforeAll, expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import { docPage } from '../../src/review/doc-page.ts';
import type { Report } from '../../src/schema/report.ts';
import { compose } from '../support/compose.ts';
import { makePdf } from '../support/make-pdf.ts';
import { ruledTable } from '../tables/support.ts';

let report: Report;
beforeAll(async () => {
  const t = ruledTable(
    [
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '服务老年人人次', '≥12000人次', '12860人次', '30', '30'],
      ['产出指标', '质量指标', '服务质量达标率', '不低于95%', '93.5', '30', '30'],
      ['效益指标', '社会效益指标', '老年人生活质量<b>', '有效提升', '有效提升', '30', '28'],
    ],
    { xs: [40, 110, 190, 290, 370, 450, 500, 550], top: 620, rowHeight: 22 },
  );
  const bytes = makePdf({
    pages: [
      {
        runs: [{ text: '项目支出绩效自评表', x: 220, y: 680, size: 14 }, ...t.runs],
        rules: t.rules,
      },
    ],
  });
  report = await extractBytes(bytes, 'self.pdf', { ocr: 'never' });
});

const page = (r: Report) => docPage({ report: r, pages: [], pagesProblem: null, root: '..' });

test('one row per indicator, linked to its page; a missed target marked, a missed one at full weight flagged', () => {
  expect(report.indicators.map((i) => [i.name, i.met])).toEqual([
    ['服务老年人人次', true],
    ['服务质量达标率', false],
    ['老年人生活质量<b>', null],
  ]);
  const html = page(report);
  const section = html.slice(
    html.indexOf('<section class="indicators"'),
    html.indexOf('</section>', html.indexOf('<section class="indicators"')),
  );
  expect(section).toContain('绩效指标（3 项，<span class="met-no">1 项未达成</span>）');
  const rows = section.split('<tr').slice(2);
  expect(rows).toHaveLength(3);
  expect(rows[0]).toContain('<a href="#p1">1</a>');
  expect(rows[0]).toContain('<span class="met-yes">达成</span>');
  expect(rows[1]).toMatch(/^ class="missed"/);
  expect(rows[1]).toContain('不低于95%');
  expect(rows[1]).toContain('<span class="met-no">未达成</span>，<span class="sev-warning">仍得满分</span>');
  // words are not judged; text from the PDF is shown as text
  expect(rows[2]).toContain('<span class="none">—</span>');
  expect(rows[2]).toContain('老年人生活质量&lt;b&gt;');
});

test('a document without indicators has no such section', async () => {
  const prose = await extractBytes(
    makePdf(compose([{ text: '一、基本情况', indent: 0 }, { text: '年初预算数为 120.5 万元。' }])),
    'p.pdf',
    {
      ocr: 'never',
    },
  );
  expect(prose.indicators).toEqual([]);
  expect(page(prose)).not.toContain('class="indicators"');
});
