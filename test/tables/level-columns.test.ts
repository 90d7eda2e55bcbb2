// A borderless 自评表 whose 一级指标 column is narrow (一级指 / 标 wrapped, 产出指 /
// 标): the gutter between it and the 二级指标 column is narrower than half an em,
// and the body's chunks alone ran both into one column headed 一级指标二级指标,
// the 二级 names lost in the 一级's cells. The header's 二级指标 parts them.
// (The made header, its two lines wider apart than the body's wrapped lines, is read as two rows, the
// first spanning: the records' paths are left to the harness.)
import { expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { TextRun } from '../support/make-pdf.ts';
import { readMade } from './support.ts';

const S = 10.5;
const X = { l1: 60, l2: 96, name: 160, target: 250, actual: 330, weight: 405, score: 435 };
const ROWS: [string, string, string, string, string, string, string][] = [
  // 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分 — the 二级 set at the foot of its rows
  ['产出指', '', '开展业务培训', '10620人次', '11768人次', '10', '10'],
  ['', '', '改造农村危房', '2170户', '2226户', '10', '10'],
  ['', '数量指标', '新建村级服务站', '106个', '102个', '10', '9'],
  ['', '', '培训考核合格率', '99%', '100%', '10', '10'],
  ['', '质量指标', '数据录入准确率', '98%', '100%', '10', '10'],
];

function runs(): TextRun[] {
  const out: TextRun[] = [{ text: '项目支出绩效自评表', x: 200, y: 760, size: 14 }];
  const at = (text: string, x: number, y: number) => text && out.push({ text, x, y, size: S });
  at('一级指', X.l1, 720);
  at('偏差原因分析及', 475, 720);
  [
    ['标', X.l1],
    ['二级指标', X.l2],
    ['三级指标', X.name],
    ['年度指标值', X.target],
    ['实际完成值', X.actual],
    ['分值', X.weight],
    ['得分', X.score],
    ['改进措施', 475],
  ].forEach(([t, x]) => at(t as string, x as number, 705));
  ROWS.forEach((r, i) => {
    const y = 690 - i * 30;
    [X.l1, X.l2, X.name, X.target, X.actual, X.weight, X.score].forEach((x, c) => at(r[c]!, x, y));
    if (i === 0) at('标', X.l1, y - 13);
  });
  return out;
}

test('一级指标 and 二级指标 a gutter narrower than half an em apart are two columns', async () => {
  const pages = await readMade([{ runs: runs() }]);
  const report = assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, pages);
  const t = report.tables[0]!;
  // The 二级 names in a column of their own, the 三级 names in the next.
  expect(t.rows.slice(t.headerRows).map((r) => r.slice(1, 3))).toEqual(ROWS.map((r) => [r[1], r[2]]));
});
