// Rows of borderless indicator tables told by where their lines stand (tables/text-rows.ts): a
// group cell (一级 / 二级 merged down several rows) set between the rows' lines, its last line (标)
// between two rows; the first lines of a first row set above its figures at LibreOffice's leading;
// rows of words after a block's last figures at the foot of a page, not a header's first lines; and
// parts carried over a page whose 一级 / 二级 columns the rows leave blank on one page (tables/carry.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { alignColumns, continuations } from '../../src/tables/carry.ts';
import { findTables, type TableModel } from '../../src/tables/find.ts';
import type { TextRun } from '../support/make-pdf.ts';
import { readOne } from './support.ts';
import { openDocument } from '../../src/pdf/document.ts';
import { withoutHidden } from '../../src/pdf/hidden.ts';
import { splitAtRunGaps } from '../../src/pdf/run-gaps.ts';

/** Lines written as `y x:text | x:text …`, the baseline and each cell's left edge. */
function runsOf(lines: string, size: number): TextRun[] {
  return lines
    .trim()
    .split('\n')
    .flatMap((line) => {
      const [y, ...cells] = line.trim().split(/\s+\|\s+|\s+(?=\d+:)/);
      return cells.map((cell) => {
        const [x, text] = cell.split(/:(.*)/s);
        return { text: text!, x: Number(x), y: Number(y), size };
      });
    });
}

/** The tables of a page of the indicator harness's fixtures, read as the pipeline reads them. */
async function fixtureTables(file: string, n: number): Promise<TableModel[]> {
  const url = new URL(`../fixtures/variation-indicators/${file}`, import.meta.url);
  const pdf = await openDocument(new Uint8Array(readFileSync(fileURLToPath(url))));
  try {
    const page = await pdf.readText(n);
    const graphics = await pdf.readGraphics(n);
    page.rules = graphics.rules;
    page.items = splitAtRunGaps(withoutHidden(page.items, graphics.runs), graphics.runs);
    return findTables(page).tables;
  } finally {
    await pdf.destroy();
  }
}

async function rowsOf(lines: string, size: number): Promise<string[][]> {
  const page = await readOne({ runs: runsOf(lines, size) });
  return findTables(page).tables.flatMap((t) => t.rows);
}

const names = (rows: string[][], c: number) => rows.map((r) => r[c]!);

describe('a group cell set between the rows', () => {
  // Chromium, cells set at the foot of their rows, the 一级 满意度指标 and the 二级 服务对象满意度指标
  // centred over the last two rows: 满意 between them, 度指 beside the second's first line.
  const page = `
    700 66:一级指标 | 96:二级指标 | 154:三级指标 | 250:指标值 | 317:实际完成值 | 388:分值 | 431:得分
    680.0 154:服务对象覆
    669.5 154:盖率 | 261:98%以上 | 330:100% | 395:1 | 439:1
    654.5 154:森林覆盖率 | 261:80%以上 | 335:90.1 | 395:2 | 439:2
    640.2 96:生态效益指 | 154:生活污水处
    629.7 96:标 | 154:理率 | 261:90%以上 | 323:94.96% | 395:2 | 439:2
    614.7 154:群众满意度 | 245:不低于97.5% | 323:92.89% | 395:2 | 431:1.4
    600.5 154:受训人员满
    590.0 154:意度 | 269:≥100% | 330:100% | 395:1 | 439:1
    575.0 154:企业满意度 | 274:≥90% | 335:97.6 | 395:2 | 439:2
    571.2 66:满意
    560.7 66:度指 | 96:服务对象满 | 154:服务对象满
    550.2 66:标 | 96:意度指标 | 154:意度 | 247:不低于100% | 330:100% | 395:2 | 439:2
    536.0 66:总分 | 385:100 | 426:90.8`;

  test('two rows stay two: a name a row below the row above starts the next row', async () => {
    const rows = await rowsOf(page, 9);
    const col = names(rows, 2);
    expect(col).toContain('企业满意度');
    expect(col).toContain('服务对象满意度');
    expect(col).toContain('受训人员满意度');
    const row = rows.find((r) => r[2] === '服务对象满意度')!;
    expect(row.slice(3)).toEqual(['不低于100%', '100%', '2', '2']);
  });
});

describe('a group cell between two rows of words', () => {
  // Targets in words, one row under the other; the 二级 可持续影响指标 centred between them, and a
  // name wrapped round its row's figures elsewhere in the block (the leading measured there).
  const page = `
    720 63:一级指标 | 128:二级指标 | 218:三级指标 | 340:年度指标值 | 457:实施周期指标值
    700.0 229:项目总成本 | 319:不超过10764万元 | 440:不超过3588万元
    687.9 309:控制在7084.26万元以 | 427:控制在2361.42万元以
    680.3 223:运维服务费用
    672.7 356:内 | 474:内
    653.0 229:政策知晓度 | 341:持续优化 | 459:持续优化
    633.3 223:居民健康水平 | 351:健全 | 469:健全
    613.6 218:服务对象覆盖率 | 340:99%以上 | 459:99%以上
    593.9 218:安全事故发生率 | 344:＜0.5% | 462:＜0.5%
    574.2 229:有效投诉率 | 333:不高于0.5% | 451:不高于0.5%
    554.5 223:长效管理机制 | 351:达标 | 469:达标
    544.7 123:可持续影响指标
    534.8 213:设施持续发挥效益 | 351:达标 | 469:达标
    515.1 229:企业满意度 | 330:不低于97.5% | 448:不低于97.5%`;

  test('stay two rows', async () => {
    const col = names(await rowsOf(page, 10.5), 2);
    expect(col).toContain('长效管理机制');
    expect(col).toContain('设施持续发挥效益');
  });
});

describe('the first row under the header, set at LibreOffice leading', () => {
  // 产出 | 数量指标 | 培训基层干 stand a leading above 指标 | 部 and the row's figures (LibreOffice's
  // leading 1.45 em): the row's first line, not the header's last.
  const page = `
    720.0 59:一级
    704.8 59:指标 | 90:二级指标 | 145:三级指标 | 210:指标值 | 318:实际完成值 | 383:分值 | 431:得分
    685.1 59:产出 | 90:数量指标 | 145:培训基层干
    669.9 59:指标 | 145:部 | 267:7820人次 | 333:8679人次 | 421:2 | 464:2
    650.2 145:开展业务培
    635.0 145:训 | 267:1910人次 | 333:1760人次 | 421:2 | 455:1.5
    615.3 145:接待群众来
    600.1 145:访 | 261:=2200人次 | 356:2200 | 421:2 | 464:2
    580.4 145:建成示范点 | 256:不少于88个 | 367:96 | 412:1.5 | 455:1.5`;

  test('its name is whole and the header keeps only the header', async () => {
    const page1 = await readOne({ runs: runsOf(page, 10.5) });
    const [t] = findTables(page1).tables;
    expect(names(t!.rows.slice(t!.headerRows), 2)).toEqual([
      '培训基层干部',
      '开展业务培训',
      '接待群众来访',
      '建成示范点',
    ]);
    expect(t!.rows.slice(0, t!.headerRows).flat().join('')).not.toContain('培训');
  });
});

describe("a group cell's last line between two rows, the next row's name wrapped round its figures", () => {
  // A 一级 merged down its rows and set at their top, or a 二级 set in their middle: its last line (标)
  // stands between the rows' lines, under its first and above the next row's first line (培训新型职业
  // over ≥12950人次 … over 农民). It is the tail of the group's cell, not the first line of the next row,
  // which keeps its lines.
  test('Chromium, a 三线表 set in the middle, the 一级 at the top of its rows', async () => {
    const page = `
      326.7 67:一级指 | 367:分 | 440:偏差原因分析及改进措
      321.4 109:二级指标 | 170:三级指标 | 236:年度指标值 | 306:实际完成值 | 400:得分
      316.2 76:标 | 367:值 | 480:施
      301.9 67:产出指 | 109:数量指标 | 161:开展业务培训 | 223:不少于10620人次 | 316:11768 | 369:3 | 407:3
      291.4 76:标
      286.9 161:培训新型职业
      281.7 235:≥12950人次 | 307:14195人次 | 369:2 | 407:2
      276.4 179:农民
      262.2 161:改造农村危房 | 235:2170户以上 | 314:2226户 | 369:3 | 407:3
      247.9 161:帮扶困难家庭 | 241:=2130户 | 314:2130户 | 369:2 | 407:2
      232.9 161:新建村级服务
      227.7 242:＞106个 | 316:102个 | 369:3 | 403:2.2
      222.4 184:站
      208.2 166:建成示范点 | 237:113个以上 | 316:127个 | 369:2 | 407:2`;
    const rows = await rowsOf(page, 9);
    expect(names(rows, 2).filter((n) => n !== '' && !n.includes('指标'))).toEqual([
      '开展业务培训',
      '培训新型职业农民',
      '改造农村危房',
      '帮扶困难家庭',
      '新建村级服务站',
      '建成示范点',
    ]);
    expect(rows.find((r) => r[2] === '培训新型职业农民')!.slice(3, 7)).toEqual(['≥12950人次', '14195人次', '2', '2']);
  });

  test('LibreOffice, a 二级 set in the middle of its rows', async () => {
    const page = `
      631.1 156:公共服务水平 | 250:逐步提高 | 326:逐步提高 | 381:2.5 | 416:2.5
      611.4 449:资金到位较晚，影
      603.8 156:基层治理能力 | 250:有效提升 | 337:达标 | 386:2 | 416:1.1
      596.2 465:响支出进度
      576.5 161:政策知晓度 | 250:持续优化 | 326:持续优化 | 386:2 | 420:2
      556.8 95:社会效益指 | 166:营商环境 | 250:明显改善 | 326:明显改善 | 386:2 | 420:2
      541.6 116:标
      537.1 156:服务对象覆盖
      529.5 261:98% | 334:100% | 386:2 | 420:2
      521.9 182:率
      502.2 156:政策宣传覆盖
      494.6 64:效益 | 250:80%以上 | 329:86.97% | 386:2 | 420:2
      487.0 182:率
      479.4 64:指标
      467.3 161:有效投诉率 | 247:不高于 2% | 332:1.93% | 386:2 | 420:2`;
    const rows = await rowsOf(page, 10.5);
    const col = names(rows, 2);
    expect(col).toContain('营商环境');
    expect(col).toContain('服务对象覆盖率');
    expect(col).toContain('政策宣传覆盖率');
    expect(col).not.toContain('率');
    expect(rows.find((r) => r[2] === '服务对象覆盖率')!.slice(3, 7)).toEqual(['98%', '100%', '2', '2']);
  });
});

describe("rows of words after a block's last figures", () => {
  // Chromium, a project's name merged down each row and wrapped (绩效审计购买服 | 务), targets in words
  // (定性 | 逐步提高) in the last rows of the page: the first line of such a row stands nearer its next
  // line than the row above, as the first line of a header does.
  const page = `
    189.4 66:务 | 139:产出指标 | 187:数量指标 | 268:建成示范点 | 357:≥ | 464:76 | 480:个
    175.2 66:绩效审计购买服
    164.7 66:务 | 139:产出指标 | 187:数量指标 | 268:修复农村公路 | 357:＞ | 459:110 | 480:公里
    150.4 66:绩效审计购买服
    139.9 66:务 | 139:产出指标 | 187:质量指标 | 268:食品抽检合格率 | 357:≥ | 464:95 | 480:%
    124.9 66:绩效审计购买服
    114.4 66:务 | 139:产出指标 | 187:时效指标 | 268:应急到场时间 | 357:≤ | 469:4 | 480:小时
    100.2 66:绩效审计购买服 | 268:对周边群众生活的影
    89.7 66:务 | 139:成本指标 | 187:社会成本指标 | 268:响 | 357:定性 | 438:逐步提高
    75.4 66:绩效审计购买服
    64.9 66:务 | 139:效益指标 | 187:社会效益指标 | 268:居民健康水平 | 357:定性 | 438:明显改善`;

  test('at the foot of the page are rows of the table', async () => {
    const rows = await rowsOf(page, 9);
    expect(rows.find((r) => r[3] === '对周边群众生活的影响')?.slice(4)).toEqual(['定性', '逐步提高', '']);
    expect(rows.find((r) => r[3] === '居民健康水平')?.slice(4)).toEqual(['定性', '明显改善', '']);
  });

  test("but a header's first lines over its words are the next block's header", async () => {
    // LibreOffice, the indicator harness's Sichuan table: the funds block's last row, then the indicator
    // block's header, 绩效指标（90分） merged down beside it and its cells wrapped (绩效指标 over （90 |
    // 指标性 | 度量 | 权 | 未完成原 over 分） | 一级指标 | … | 质 | … | 因分析).
    const [t] = await fixtureTables('sichuan-project.libreoffice.pdf', 17);
    expect(t!.rows).toContainEqual([
      '绩效指标（90分）',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '指标值',
      '度量单位',
      '完成值',
      '权重',
      '得分',
      '未完成原因分析',
    ]);
  });
});

/** A table model of rows whose cells' boxes have the given left edges (one row's box per row). */
function model(page: number, rows: string[][], lefts: number[], right: number, headerRows: number): TableModel {
  const edges = [...lefts, right];
  return {
    page,
    bbox: [lefts[0]!, 100, right, 700],
    title: null,
    unit: null,
    headerRows,
    rows,
    cellBoxes: rows.map((row, r) => row.map((_, c) => [edges[c]!, 680 - 20 * r, edges[c + 1]!, 700 - 20 * r])),
  };
}

describe('a part overleaf whose 一级 / 二级 columns differ from the part above', () => {
  const header = ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分'];

  test('one column overleaf under the header cells of two (the rows there leave 二级 blank)', () => {
    // the grid above laid by a funds block's right-set figures, which the indicator columns do not
    // line up with; 二级指标's grid column starts within the part's first
    const head = model(
      1,
      [
        [...header, '偏差原因'],
        ['产出指标', '数量指标', '开展培训', '100人次', '98人次', '2', '1.9', ''],
      ],
      [59, 102.6, 179.7, 275.6, 341.1, 389, 437.4, 500.6],
      536,
      1,
    );
    const part = model(
      2,
      [
        ['产出指标', '接待来访', '200人次', '210人次', '2', '2', ''],
        ['', '建成示范点', '88个', '96个', '1.5', '1.2', '资金到位较晚'],
      ],
      [59, 144.9, 239.2, 332.5, 412.3, 454.9, 473.9],
      505,
      0,
    );
    const aligned = alignColumns(head, part);
    expect(aligned?.rows.map((r) => r.slice(2))).toEqual([
      ['接待来访', '200人次', '210人次', '2', '2', ''],
      ['建成示范点', '88个', '96个', '1.5', '1.2', '资金到位较晚'],
    ]);
  });

  test('two columns of words overleaf under the one column above (一级指标二级指标 read as one)', () => {
    const head = model(
      1,
      [
        ['一级指标二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分'],
        ['', '开展培训', '100人次', '98人次', '2', '1.9'],
      ],
      [59, 159, 240, 330, 390, 440],
      540,
      1,
    );
    const part = model(
      2,
      [['成本指标', '经济成本指标', '项目总成本', '3864万元', '4347.5万元', '3', '3']],
      [59, 95, 159, 240, 330, 390, 440],
      540,
      0,
    );
    const aligned = alignColumns(head, part);
    expect(aligned?.rows).toEqual([['成本指标经济成本指标', '项目总成本', '3864万元', '4347.5万元', '3', '3']]);
  });

  test("through the part before it, where the head's grid is a funds block's", () => {
    const funds = [59.1, 180.8, 268.8, 336.5, 389.2, 417.5, 516.1];
    const head = model(
      1,
      [
        ['项目资金', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['年度资金总额', '2037.96', '2140.85', '1908.95', '10', '89.17%', '8.92'],
        ['一级指标二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因'],
      ],
      funds,
      536,
      1,
    );
    const lefts = [59.1, 159.2, 231.3, 322.1, 395, 417.5, 457.9];
    const before = model(2, [['产出指标', '开展培训', '100人次', '98人次', '3', '3', '']], lefts, 521, 0);
    const part = model(
      3,
      [['', '', '数据录入准确率', '≥98%', '100%', '2', '2', '']],
      [59.1, 95.3, 159.2, 245.7, 319.2, 383.4, 427.2, 457.9],
      531,
      0,
    );
    expect(alignColumns(head, part)).toBeNull();
    const aligned = alignColumns(head, part, [before]);
    expect(aligned?.rows[0]!.slice(1)).toEqual(['数据录入准确率', '≥98%', '100%', '2', '2', '']);
  });

  test('but not columns with figures under one column', () => {
    const head = model(
      1,
      [
        ['项目', '金额', '执行率'],
        ['合计', '100', '90%'],
      ],
      [59, 200, 400],
      540,
      1,
    );
    const part = model(2, [['基本支出', '60', '30', '90%']], [59, 200, 300, 400], 540, 0);
    expect(alignColumns(head, part)).toBeNull();
  });
});

describe('a row carried on atop the next page', () => {
  test('whose name starts as a header does, its targets values written out, is no header', () => {
    const lefts = [67, 124, 190, 305, 393, 465];
    const head = model(
      1,
      [
        ['年度绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实施周期指标值'],
        ['', '产出指标', '数量指标', '培训基层干部', '不少于2290人次', '不少于6870人次'],
      ],
      lefts,
      530,
      1,
    );
    const part = (name: string) =>
      model(
        2,
        [
          ['', '', '时效指标', name, '2023年12月底前', '2023年12月底前'],
          ['', '成本指标', '经济成本指标', '运维服务费用', '不超过122万元', '不超过244万元'],
        ],
        lefts,
        530,
        1,
      );
    expect(continuations([head, part('项目完成时间')])[1]).toBe(head);
    // a header repeated overleaf is still a header
    const repeated = model(2, [head.rows[0]!, head.rows[1]!], lefts, 530, 1);
    const [, carried] = continuations([head, repeated]);
    expect(carried).toBe(head);
    expect(repeated.headerRows).toBe(1);
  });
});
