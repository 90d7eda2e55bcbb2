// check() on a report read back from its own JSON gives exactly the findings of
// the fresh report: everything the rules read about a table is in the report
// (contract 1.3), nothing in a side channel of the pipeline. Proved on a made
// document whose findings stand on table structure — a 决算 table without codes
// whose levels only its indentation shows, carried over a page with its header
// repeated; a 自评表 carried over a page without it — and, when it is present,
// on the whole typed development corpus.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/api/check.ts';
import { extractBytes } from '../../src/pipeline/extract.ts';
import { Report } from '../../src/schema/report.ts';
import { makePdf, type PageSpec, type TextRun } from '../support/make-pdf.ts';
import { ruledTable, type Cell } from '../tables/support.ts';

const readBack = (report: Report): Report => Report.parse(JSON.parse(JSON.stringify(report)));
const brief = (r: { findings: Report['findings'] }) => r.findings.map((f) => [f.rule, f.page, f.expected, f.actual]);

/** A 支出决算表 by level, names indented 9 pt a level, no 科目编码: its 卫生健康支出 row is not the sum of its 款 rows. */
function expensePages(): PageSpec[] {
  const header: Cell[] = ['项目', '本年支出合计', '基本支出', '项目支出'];
  const rows: [string, number, string, string, string][] = [
    ['合计', 0, '630.00', '300.00', '330.00'],
    ['卫生健康支出', 1, '480.00', '300.00', '180.00'],
    ['公共卫生', 2, '300.00', '150.00', '150.00'],
    ['基本公共卫生服务', 3, '300.00', '150.00', '150.00'],
    ['医疗救助', 2, '200.00', '150.00', '50.00'],
    ['城乡医疗救助', 3, '200.00', '150.00', '50.00'],
    ['住房保障支出', 1, '150.00', '', '150.00'],
    ['住房改革支出', 2, '150.00', '', '150.00'],
    ['购房补贴', 3, '150.00', '', '150.00'],
  ];
  const page = (part: typeof rows, title: TextRun[]) => {
    const t = ruledTable([header, ...part.map((r) => [r[0], r[2], r[3], r[4]])], {
      xs: [60, 220, 320, 420, 520],
      top: 700,
      rowHeight: 22,
    });
    const level = new Map(part.map((r) => [r[0], r[1]]));
    const runs = t.runs.map((r) =>
      r.x === 64 && level.get(r.text) ? { ...r, x: r.x + 9 * (level.get(r.text)! - 1) } : r,
    );
    return { runs: [...title, ...runs], rules: t.rules };
  };
  return [
    page(rows.slice(0, 5), [
      { text: '二、支出决算情况', x: 60, y: 780, size: 12 },
      { text: '支出决算表', x: 250, y: 740, size: 14 },
      { text: '单位：万元', x: 460, y: 712, size: 9 },
    ]),
    page(rows.slice(5), []),
  ];
}

/** A 项目支出绩效自评表 over two pages, the second without the header: an indicator scored above its weight there, and a 总分 that is not the sum. */
function selfEvaluationPages(): PageSpec[] {
  const xs = [60, 130, 200, 290, 360, 430, 480, 530];
  const first: Cell[][] = [
    ['项目名称', 'left', '基本公共卫生服务项目', 'left', 'left', 'left', 'left'],
    ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '得分'],
    ['up', '年度资金总额', '240.57', '240.57', '237.41', '10', '9.87'],
    ['up', '其中：当年财政拨款', '172.74', '172.74', '170.48', '—', '—'],
    ['up', '上年结转资金', '67.83', '67.83', '66.93', '—', '—'],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['产出指标', '数量指标', '接种剂次', '≥65000 剂次', '70294 剂次', '40', '40'],
  ];
  const second: Cell[][] = [
    ['效益指标', '社会效益', '健康素养水平', '≥25%', '26.3%', '30', '32'],
    ['满意度指标', '满意度', '群众满意度', '≥90%', '95%', '20', '20'],
    ['总分', 'left', 'left', 'left', 'left', '100', '99.87'],
  ];
  const a = ruledTable(first, { xs, top: 700, rowHeight: 24, size: 8 });
  const b = ruledTable(second, { xs, top: 780, rowHeight: 24, size: 8 });
  return [
    {
      runs: [
        { text: '三、项目支出绩效自评表', x: 60, y: 780, size: 12 },
        { text: '项目支出绩效自评表', x: 220, y: 730, size: 14 },
        ...a.runs,
      ],
      rules: a.rules,
    },
    { runs: b.runs, rules: b.rules },
  ];
}

const prose: PageSpec = {
  runs: [
    { text: '2023年度某县卫生健康局部门整体支出绩效自评报告', x: 100, y: 780, size: 14 },
    { text: '一、总体情况', x: 60, y: 740, size: 12 },
    { text: '经自评，本单位自评得分为 95 分，评价等级为优。', x: 84, y: 716, size: 11 },
  ],
};

describe('a made report: findings that stand on table structure', () => {
  test('check() on the report read back from JSON gives the fresh findings', async () => {
    const pdf = makePdf({ pages: [prose, ...expensePages(), ...selfEvaluationPages()] });
    const fresh = await extractBytes(pdf, 'made.pdf', { ocr: 'never' });
    // The findings are there to lose: the wrong 类 row (its levels known only by indentation, its 项 rows on the
    // next page under the repeated header), the indicator above its weight and the 总分 on the self-evaluation
    // table's second page, and the text's score against that 总分.
    expect(brief(fresh)).toEqual([
      ['score-mismatch', 1, 99.87, 95],
      ['table-total-mismatch', 2, 500, 480],
      ['table-total-mismatch', 2, 200, 180],
      ['indicator-score-mismatch', 5, 30, 32],
      ['score-mismatch', 5, 101.87, 99.87],
    ]);
    expect(fresh.tables.map((t) => [t.title, t.pages])).toEqual([
      ['支出决算表', [2, 3]],
      ['项目支出绩效自评表', [4, 5]],
    ]);
    const again = readBack(fresh);
    expect(check(again)).toEqual(fresh.findings);
    expect(check(fresh)).toEqual(fresh.findings);
  });
});

const CORPUS = '/work/shared/corpus';
const typed = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf') && !f.includes('-scan')) : [];

describe.skipIf(typed.length === 0)(`the typed development corpus (${CORPUS}, ${typed.length} reports)`, () => {
  test('every report: the same findings read back from JSON as fresh', { timeout: 600_000 }, async () => {
    const differ: string[] = [];
    for (const name of typed) {
      const fresh = await extractBytes(new Uint8Array(readFileSync(path.join(CORPUS, name))), name, { ocr: 'never' });
      if (JSON.stringify(check(readBack(fresh))) !== JSON.stringify(fresh.findings)) differ.push(name);
    }
    expect(differ).toEqual([]);
  });
});
if (typed.length === 0) console.warn(`round-trip: ${CORPUS} not found, only the made report is checked`);
