// findTables on pages made by the tests and read back through pdf.js: ruled
// tables with merged cells (stroked and Word-style filled borders), tables
// from text geometry alone, wrapped cells, and pages that must give no table.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { continuations } from '../../src/tables/carry.ts';
import { findTables } from '../../src/tables/find.ts';
import { structureTables } from '../../src/tables/structure.ts';
import { openPdf } from '../../src/pdf/open.ts';
import { readPageRules } from '../../src/pdf/rulings.ts';
import { readPageText } from '../../src/pdf/text.ts';
import { compose } from '../support/compose.ts';
import type { TextRun } from '../support/make-pdf.ts';
import { factsOf, readMade, readOne, ruledTable, textTable, type Cell } from './support.ts';

const BUDGET: Cell[][] = [
  ['项目', '预算执行情况（万元）', 'left', 'left', '执行率'],
  ['up', '年初预算数', '全年预算数', '全年执行数', 'up'],
  ['基本支出', '4668.70', '4980.37', '4980.37', '100%'],
  ['项目支出', '596.00', '855.87', '855.87', '100%'],
  ['合计', '5264.70', '5836.24', '5836.24', '100%'],
];
const BUDGET_ROWS = [
  ['项目', '预算执行情况（万元）', '预算执行情况（万元）', '预算执行情况（万元）', '执行率'],
  ['项目', '年初预算数', '全年预算数', '全年执行数', '执行率'],
  ['基本支出', '4668.70', '4980.37', '4980.37', '100%'],
  ['项目支出', '596.00', '855.87', '855.87', '100%'],
  ['合计', '5264.70', '5836.24', '5836.24', '100%'],
];

function budgetPage(filled: boolean) {
  const t = ruledTable(BUDGET, { xs: [60, 150, 250, 350, 450, 530], top: 690, rowHeight: 22, filled, align: 'right' });
  const runs: TextRun[] = [
    { text: '一、部门整体支出情况', x: 72, y: 770, size: 12, bold: true },
    { text: '部门整体支出预算执行情况表', x: 200, y: 730, size: 12 },
    { text: '单位：万元', x: 470, y: 700, size: 9 },
    ...t.runs,
    { text: '以上数据来源于部门决算报表。', x: 96, y: 540, size: 12 },
  ];
  return { runs, rules: t.rules };
}

describe('(a) a budget block with a merged header, a unit line and a total row', () => {
  for (const filled of [false, true]) {
    test(`cells come back as written (${filled ? 'Word-style filled borders' : 'stroked borders'})`, async () => {
      const page = await readOne(budgetPage(filled));
      const { tables, rest } = findTables(page);
      expect(tables).toHaveLength(1);
      const t = tables[0]!;
      expect(t.rows).toEqual(BUDGET_ROWS);
      expect([t.title, t.unit, t.headerRows, t.page]).toEqual(['部门整体支出预算执行情况表', '万元', 2, 1]);
      // The merged header cell: its full box at the first grid cell, null where it is repeated.
      expect(t.cellBoxes[0]!.map((b) => b && b.map(Math.round))).toEqual([
        [60, 646, 150, 690],
        [150, 668, 450, 690],
        null,
        null,
        [450, 646, 530, 690],
      ]);
      expect(t.cellBoxes[1]![0]).toBeNull();
      expect(t.bbox.map(Math.round)).toEqual([60, 580, 530, 690]);
      // Only prose is left: heading, caption, unit line and the sentence after the table.
      expect(rest.items.map((it) => it.str)).toEqual([
        '一、部门整体支出情况',
        '部门整体支出预算执行情况表',
        '单位：万元',
        '以上数据来源于部门决算报表。',
      ]);
    });
  }
});

describe('(b) a scoring table (部门整体支出绩效自评表)', () => {
  const rows: Cell[][] = [
    ['一级指标', '二级指标', '三级指标', '分值', '得分'],
    ['投入', '预算执行', '预算执行率', '10', '10'],
    ['up', '预算管理', '资金使用合规性', '10', '9'],
    ['up', 'up', '预决算公开', '5', '5'],
    ['产出', '产出数量', '任务完成率', '35', '33'],
    ['效益', '满意度', '服务对象满意度', '40', '39'],
    ['总分', 'left', 'left', '100', '96'],
  ];
  test('the 一级 cell spans rows, 总分 spans columns; title with its year line', async () => {
    const t0 = ruledTable(rows, { xs: [60, 140, 230, 400, 460, 520], top: 690, rowHeight: 20 });
    const page = await readOne({
      runs: [
        { text: '部门整体支出绩效自评表', x: 220, y: 740, size: 14 },
        { text: '（2023年度）', x: 250, y: 718, size: 12 },
        { text: '填报单位：某某县市场监督管理局', x: 60, y: 697, size: 9 },
        ...t0.runs,
      ],
      rules: t0.rules,
    });
    const { tables } = findTables(page);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.title).toBe('部门整体支出绩效自评表（2023年度）');
    expect(t.unit).toBeNull();
    expect(t.headerRows).toBe(1);
    expect(t.rows).toEqual([
      ['一级指标', '二级指标', '三级指标', '分值', '得分'],
      ['投入', '预算执行', '预算执行率', '10', '10'],
      ['投入', '预算管理', '资金使用合规性', '10', '9'],
      ['投入', '预算管理', '预决算公开', '5', '5'],
      ['产出', '产出数量', '任务完成率', '35', '33'],
      ['效益', '满意度', '服务对象满意度', '40', '39'],
      ['总分', '总分', '总分', '100', '96'],
    ]);
    // 投入 covers three rows: its box spans them all.
    expect(t.cellBoxes[1]![0]!.map(Math.round)).toEqual([60, 610, 140, 670]);
    expect([t.cellBoxes[2]![0], t.cellBoxes[3]![0], t.cellBoxes[3]![1]]).toEqual([null, null, null]);
  });
});

describe('(c) a table without ruling lines', () => {
  const lefts = [72, 170, 260, 350, 440];
  const rights = [160, 240, 330, 420, 500];
  const rows = [
    ['项目', '年初预算数', '全年预算数', '全年执行数', '执行率'],
    ['基本支出', '4668.70', '4980.37', '4980.37', '100%'],
    ['项目支出', '596.00', '855.87', '855.87', '100%'],
    ['合计', '5264.70', '5836.24', '5836.24', '100%'],
  ];
  test('columns from alignment, rows from baselines, header above the numbers', async () => {
    const page = await readOne({
      runs: [
        { text: '表1 部门整体支出预算执行情况表', x: 180, y: 730, size: 12 },
        { text: '金额单位：万元', x: 440, y: 712, size: 9 },
        ...textTable(rows, { lefts, rights, top: 690, pitch: 20 }),
        { text: '预算执行率均为100%，资金使用规范。', x: 96, y: 600, size: 12 },
      ],
    });
    expect(page.rules).toEqual([]);
    const { tables, rest } = findTables(page);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.rows).toEqual(rows);
    expect([t.title, t.unit, t.headerRows]).toEqual(['表1 部门整体支出预算执行情况表', '万元', 1]);
    expect(t.cellBoxes.flat().every((b) => b !== null)).toBe(true);
    expect(rest.items.map((it) => it.str)).toEqual([
      '表1 部门整体支出预算执行情况表',
      '金额单位：万元',
      '预算执行率均为100%，资金使用规范。',
    ]);
  });

  test('a header wrapped over two lines is one header row; a wrapped cell joins its row', async () => {
    const page = await readOne({
      runs: [
        ...textTable(
          [
            ['指标', '指标说明', '年初预算数', '得分'],
            [null, null, '（万元）', null],
          ],
          { lefts: [72, 150, 330, 440], rights: [0, 0, 0, 0], top: 700, pitch: 12 },
        ),
        ...textTable(
          [
            ['投入', '资金到位及时', '120.50', '10'],
            [null, '并按时拨付', null, null],
            ['产出', '完成登记任务', '80.00', '9'],
            ['效益', '群众满意', '10.00', '8'],
          ],
          { lefts: [72, 150, 330, 440], rights: [0, 0, 400, 470], top: 676, pitch: 12 },
        ).map((r) =>
          r.text === '并按时拨付'
            ? r
            : r.text === '产出' || r.text === '完成登记任务' || r.text === '80.00' || r.text === '9'
              ? { ...r, y: r.y - 6 }
              : r.text === '效益' || r.text === '群众满意' || r.text === '10.00' || r.text === '8'
                ? { ...r, y: r.y - 12 }
                : r,
        ),
      ],
    });
    const { tables } = findTables(page);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows).toEqual([
      ['指标', '指标说明', '年初预算数（万元）', '得分'],
      ['投入', '资金到位及时并按时拨付', '120.50', '10'],
      ['产出', '完成登记任务', '80.00', '9'],
      ['效益', '群众满意', '10.00', '8'],
    ]);
  });

  test('a three-line table (horizontal rules only) is read from its text', async () => {
    const runs = textTable(rows, { lefts, rights, top: 690, pitch: 20 });
    const page = await readOne({
      runs,
      rules: [
        { x0: 66, y0: 706, x1: 506, y1: 706 },
        { x0: 66, y0: 683, x1: 506, y1: 683 },
        { x0: 66, y0: 623, x1: 506, y1: 623 },
      ],
    });
    const { tables } = findTables(page);
    expect(tables.map((t) => t.rows)).toEqual([rows]);
  });
});

describe('(d) a ruled table whose cells wrap over two lines', () => {
  test('wrapped lines are one cell, joined without a space between Chinese', async () => {
    const t0 = ruledTable(
      [
        ['一级指标', '三级指标', '指标值', '分值', '得分'],
        ['产出', ['市场主体登记', '注册完成率'], '≥95%', '20', '20'],
        ['效益', ['投诉举报', '按时办结率'], '100%', '20', '18.5'],
      ],
      { xs: [60, 130, 230, 330, 400, 470], top: 700, rowHeight: 30 },
    );
    const page = await readOne({ runs: t0.runs, rules: t0.rules });
    const { tables, rest } = findTables(page);
    expect(tables.map((t) => t.rows)).toEqual([
      [
        ['一级指标', '三级指标', '指标值', '分值', '得分'],
        ['产出', '市场主体登记注册完成率', '≥95%', '20', '20'],
        ['效益', '投诉举报按时办结率', '100%', '20', '18.5'],
      ],
    ]);
    expect(rest.items).toEqual([]);
  });
});

describe('(e) near-misses give no table and leave the page as it was', () => {
  const noTable = async (runs: TextRun[], rules = [] as { x0: number; y0: number; x1: number; y1: number }[]) => {
    const page = await readOne({ runs, rules });
    const { tables, rest } = findTables(page);
    expect(tables).toEqual([]);
    expect(rest).toBe(page);
  };

  test('justified prose full of numbers', async () => {
    const spec = compose(
      [
        { text: '一、部门基本情况', indent: 0, bold: true },
        {
          text: '2023年基本支出年初预算数为4668.70万元，全年预算数为4980.37万元，决算数为4980.37万元，其中：人员经费4360.55万元，公用经费619.82万元。全年新设市场主体13967家，同比增长33.8%，办结投诉举报1430件，挽回经济损失56.2万元。',
        },
        { text: '项目支出年初预算数为596.00万元，全年预算数为855.87万元，执行率100%，自评得分为96分。' },
      ],
      { runChars: 7 },
    );
    await noTable(spec.pages[0]!.runs);
  });

  test('a numbered list with its numbers set apart', async () => {
    const items = ['完成市场主体登记13967户', '办结投诉举报1430件', '抽检食品批次2100批次', '开展执法检查320次'];
    await noTable(
      items.flatMap((t, i) => [
        { text: `${i + 1}.`, x: 72, y: 700 - i * 22 },
        { text: t, x: 96, y: 700 - i * 22 },
      ]),
    );
  });

  test('a two-column key: value block, and a form of key: value pairs with numbers', async () => {
    await noTable(
      [
        ['单位名称：', '某某县财政局'],
        ['联系电话：', '0730-1234567'],
        ['填报日期：', '2024年3月1日'],
        ['编制人数：', '25'],
      ].flatMap(([k, v], i) => [
        { text: k!, x: 72, y: 700 - i * 20 },
        { text: v!, x: 300, y: 700 - i * 20 },
      ]),
      [{ x0: 300, y0: 697, x1: 450, y1: 697 }],
    );
    await noTable(
      [
        ['编制人数：', '25', '实有人数：', '23'],
        ['预算金额：', '100.5', '执行金额：', '98.2'],
        ['车辆数：', '3', '办公用房：', '1200'],
      ].flatMap((row, i) => row.map((t, c) => ({ text: t, x: [72, 170, 280, 380][c]!, y: 700 - i * 20 }))),
    );
  });

  test('a table of contents with dot leaders and page numbers', async () => {
    const toc = ['一、部门基本情况', '二、部门整体支出情况', '三、绩效目标完成情况', '四、存在的问题'];
    await noTable(
      toc.flatMap((t, i) => [
        { text: t, x: 72, y: 700 - i * 24 },
        { text: '………………………………', x: 250, y: 700 - i * 24 },
        { text: String(i + 1), x: 500, y: 700 - i * 24 },
      ]),
    );
  });

  test('two columns of prose side by side', async () => {
    const left = ['全年新设市场主体13967家，', '同比增长33.8%，净增', '市场主体9012家。'];
    const right = ['办结投诉举报1430件，', '挽回经济损失56.2万元，', '满意率98%。'];
    await noTable(
      left.flatMap((t, i) => [
        { text: t, x: 72, y: 700 - i * 20 },
        { text: right[i]!, x: 320, y: 700 - i * 20 },
      ]),
    );
  });
});

test('the typed sample report (11 prose pages): no page gives a table, every page is left as it was', async () => {
  const bytes = new Uint8Array(
    readFileSync(fileURLToPath(new URL('../../samples/yueyanglou-scjg-2023.pdf', import.meta.url))),
  );
  const pdf = await openPdf(bytes);
  try {
    expect(pdf.doc.numPages).toBe(11);
    for (let n = 1; n <= pdf.doc.numPages; n++) {
      const page = await readPageText(pdf.doc, n);
      page.rules = await readPageRules(pdf.doc, n);
      const { tables, rest } = findTables(page);
      expect(tables, `page ${n}`).toEqual([]);
      expect(rest, `page ${n}`).toBe(page);
    }
  } finally {
    await pdf.destroy();
  }
});

test('OCR pages are left to the prose stage', async () => {
  const page = await readOne(budgetPage(false));
  const ocr = { ...page, method: 'ocr' as const, ocrConfidence: 90 };
  expect(findTables(ocr)).toEqual({ tables: [], rest: ocr, trailing: null });
});

test('a page of two tables: each is found, in page order, and neither takes the other’s cells', async () => {
  const a = ruledTable(BUDGET, { xs: [60, 150, 250, 350, 450, 530], top: 760, rowHeight: 20 });
  const b = ruledTable(
    [
      ['一级指标', '二级指标', '分值', '得分'],
      ['投入', '预算执行', '20', '20'],
      ['产出', '产出数量', '80', '76'],
    ],
    { xs: [60, 160, 300, 400, 500], top: 560, rowHeight: 20 },
  );
  const [page] = await readMade([
    {
      runs: [...a.runs, { text: '部门整体支出绩效自评表', x: 200, y: 580, size: 12 }, ...b.runs],
      rules: [...a.rules, ...b.rules],
    },
  ]);
  const { tables, rest } = findTables(page!);
  expect(tables.map((t) => [t.title, t.rows.length, t.rows[0]!.length])).toEqual([
    [null, 5, 5],
    ['部门整体支出绩效自评表', 3, 4],
  ]);
  expect(rest.items.map((it) => it.str)).toEqual(['部门整体支出绩效自评表']);
});

test('a table continued on the next page without its header takes the header, unit and title of the first part', async () => {
  const xs = [60, 140, 230, 400, 460, 520];
  const part1 = ruledTable(
    [
      ['一级指标', '二级指标', '三级指标', '分值', '得分'],
      ['投入', '预算执行', '预算执行率', '10', '10'],
      ['up', '预算管理', '资金使用合规性', '10', '9'],
    ],
    { xs, top: 160, rowHeight: 20 },
  );
  const part2 = ruledTable(
    [
      ['产出', '产出数量', '任务完成率', '40', '38'],
      ['总分', 'left', 'left', '100', '96'],
    ],
    { xs, top: 780, rowHeight: 20 },
  );
  // A third page whose table has other columns: not a continuation.
  const other = ruledTable(
    [
      ['项目', '金额'],
      ['培训费', '12.00'],
    ],
    { xs: [60, 300, 520], top: 780, rowHeight: 20 },
  );
  const pages = await readMade([
    { runs: [{ text: '部门整体支出绩效自评表', x: 220, y: 190, size: 14 }, ...part1.runs], rules: part1.rules },
    { runs: part2.runs, rules: part2.rules },
    { runs: other.runs, rules: other.rules },
  ]);
  const tables = pages.flatMap((p) => findTables(p).tables);
  expect(tables.map((t) => [t.page, t.title, t.headerRows])).toEqual([
    [1, '部门整体支出绩效自评表', 1],
    [2, null, 0],
    [3, null, 1],
  ]);
  const links = continuations(tables);
  expect(links).toEqual([null, tables[0], null]);
  // One table in the report: the second part's rows after the first's, named by its header.
  const [joined, third] = structureTables(tables, pages);
  expect(joined!.table.pages).toEqual([1, 2]);
  expect(joined!.table.parts.map((p) => [p.page, p.firstRow, p.headerRows])).toEqual([
    [1, 0, 0],
    [2, tables[0]!.rows.length, 0],
  ]);
  expect(third!.table.pages).toEqual([3]);
  const facts = factsOf(tables).filter((f) => f.page === 2);
  const first = tables[0]!.rows.length;
  expect(facts.map((f) => [f.cell, f.label, f.value, f.unit, f.page])).toEqual([
    [{ table: 't1', row: first, col: 3 }, '产出·产出数量·任务完成率·分值', 40, '分', 2],
    [{ table: 't1', row: first, col: 4 }, '产出·产出数量·任务完成率·得分', 38, '分', 2],
    [{ table: 't1', row: first + 1, col: 3 }, '总分·分值', 100, '分', 2],
    [{ table: 't1', row: first + 1, col: 4 }, '总分·得分', 96, '分', 2],
  ]);
  expect(facts[0]!.quote).toBe('部门整体支出绩效自评表：产出·产出数量·任务完成率·分值 40');
  // Read alone, the bare numbers of the second part have no unit and are not facts.
  expect(factsOf(tables[1]!)).toEqual([]);
});
