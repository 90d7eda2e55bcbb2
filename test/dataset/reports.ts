// Made reports of two units over three years for the dataset tests: each
// states its year's budget, its actual, the year before's actual (上年决算数)
// and its growth; one later report restates a prior year's figure differently.
import { compose } from '../support/compose.ts';
import { makePdf } from '../support/make-pdf.ts';

export interface UnitYear {
  /** the name as this report writes it */
  name: string;
  key: string;
  year: number;
  initial: number;
  adjusted: number;
  actual: number;
  basic: number;
  /** the year before's actual as this report states it */
  previous: number | null;
  score: number;
}

const A = {
  key: '岳阳市岳阳楼区市场监督管理局',
  names: ['岳阳楼区市场监督管理局', '岳阳市岳阳楼区市场监督管理局', '岳阳楼区市场监管局'],
};
const B = { key: '长沙市开福区财政局', names: ['长沙市开福区财政局', '开福区财政局', '长沙市开福区财政局'] };
/** Actuals (万元) by unit and year: the series the dataset must give back. */
export const ACTUALS: Record<string, Record<number, number>> = {
  [A.key]: { 2020: 4210.5, 2021: 4380.25, 2022: 4602.8, 2023: 5836.24 },
  [B.key]: { 2020: 1520, 2021: 1610.4, 2022: 1702.66, 2023: 1655.1 },
};
/** A's 2023 figures are the typed sample's (samples/yueyanglou-scjg-2023.pdf: 基本支出 4980.37 + 项目支出 855.87 万元, 自评 100 分), so the two agree in one dataset. */
const SAMPLE_2023 = { key: A.key, year: 2023, basic: 4980.37, score: 100 };
/** The planted restatement: A's 2023 report gives 2022's actual as 4620.80, not 4602.80. */
export const RESTATED = { key: A.key, year: 2022, stated: 4620.8, by: 2023 };

/** The planted false growth statement: B's 2023 report says 下降 5.0%, its figures give −2.8 %. */
export const FALSE_GROWTH = { key: B.key, year: 2023, stated: -5 };

export function plan(): UnitYear[] {
  const out: UnitYear[] = [];
  for (const unit of [A, B]) {
    [2021, 2022, 2023].forEach((year, i) => {
      const actual = ACTUALS[unit.key]![year]!;
      let previous = ACTUALS[unit.key]![year - 1]!;
      if (unit.key === RESTATED.key && year === RESTATED.by) previous = RESTATED.stated;
      out.push({
        name: unit.names[i]!,
        key: unit.key,
        year,
        initial: Math.round(actual * 0.9 * 100) / 100,
        adjusted: Math.round(actual * 1.02 * 100) / 100,
        actual,
        basic:
          unit.key === SAMPLE_2023.key && year === SAMPLE_2023.year
            ? SAMPLE_2023.basic
            : Math.round(actual * 0.8 * 100) / 100,
        previous,
        score: unit.key === SAMPLE_2023.key && year === SAMPLE_2023.year ? SAMPLE_2023.score : 90 + i,
      });
    });
  }
  return out;
}

export function unitReport(u: UnitYear): Uint8Array {
  const project = Math.round((u.actual - u.basic) * 100) / 100;
  const rate = ((u.actual / u.adjusted) * 100).toFixed(2);
  // The growth as the accounts give it (the restatement is a slip in 上年决算数 alone), but for the planted false one.
  const true_ = ACTUALS[u.key]![u.year - 1]!;
  const growth =
    u.key === FALSE_GROWTH.key && u.year === FALSE_GROWTH.year
      ? FALSE_GROWTH.stated.toFixed(1)
      : ((u.actual / true_ - 1) * 100).toFixed(1);
  const paras = [
    { text: `${u.year}年度${u.name}整体支出绩效自评报告`, indent: 0, align: 'center' as const, bold: true, size: 16 },
    { text: '一、单位基本情况', indent: 0, bold: true },
    { text: '本单位主要职能 12 项，内设机构 6 个。' },
    { text: '二、支出情况', indent: 0, bold: true },
    {
      text: `本年度年初预算数为 ${u.initial.toFixed(2)} 万元，全年预算数为 ${u.adjusted.toFixed(2)} 万元，决算数为 ${u.actual.toFixed(2)} 万元，预算执行率为 ${rate}%。`,
    },
    { text: `基本支出决算数为 ${u.basic.toFixed(2)} 万元，项目支出决算数为 ${project.toFixed(2)} 万元。` },
    ...(u.previous
      ? [
          {
            text: `上年决算数为 ${u.previous.toFixed(2)} 万元，本年决算数比上年${Number(growth) < 0 ? '下降' : '增长'} ${Math.abs(Number(growth)).toFixed(1)}%。`,
          },
        ]
      : []),
    { text: '三、自评结论', indent: 0, bold: true },
    { text: `经自评，本单位整体支出绩效自评得分 ${u.score} 分。` },
  ];
  return makePdf(compose(paras));
}
