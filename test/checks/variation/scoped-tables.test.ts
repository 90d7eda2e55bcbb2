// Scope is identity: a 预算 states 基本支出, 合计, 支出预算 for the unit's whole
// money and again for each source of funds and for the "三公"经费, and the
// figures differ by design. Each class below is a made 预算 (budget-source.ts)
// in four phrasings, its tables set ruled and borderless: the clean twin, whose
// figures all agree within their scopes, must give nothing; the planted twin,
// one quantity of one scope stated twice with two values (every sum and every
// table's total still right), a conflicting-values warning naming both.
import type { ComposePara } from '../../support/compose.ts';
import {
  budget,
  expenditureTable,
  FIGURES,
  fiscalSummaryTable,
  fundTable,
  generalBasicTable,
  generalTable,
  heading,
  planted,
  stateCapitalTable,
  summaryTable,
  threeRowsTable,
  threeTable,
  type Figures,
} from './budget-source.ts';
import { FINAL, finalAccounts, finalText } from './final-source.ts';
import { tableVariations, type TableVariation } from './harness.ts';

const p = (text: string): ComposePara => ({ text });

/** A variation whose text is written from figures: the clean text of FIGURES, the planted one of `dirty`. */
function inText(
  name: string,
  text: (f: Figures) => ComposePara[],
  tables: () => ReturnType<typeof summaryTable>[],
  dirty: Partial<Figures>,
): TableVariation {
  return {
    name,
    severity: 'warning',
    clean: budget(text(FIGURES), tables()),
    dirty: budget(text(planted(dirty)), tables()),
  };
}

const overall = (f: Figures): ComposePara[] => [
  heading('二、收支预算总体情况'),
  p(
    `2024年收入预算总计${f.total}万元，支出预算总计${f.total}万元。支出预算中，基本支出${f.basic}万元，项目支出${f.project}万元。`,
  ),
];

// ——— the unit's whole against the 一般公共预算 ———

const wholeAndGeneral = () => [summaryTable(), expenditureTable(), generalTable(), generalBasicTable()];

const WHOLE_AND_GENERAL: TableVariation[] = [
  inText(
    'whole vs 一般公共预算: 其中 lists under each scope’s head',
    (f) => [
      ...overall(f),
      heading('三、一般公共预算支出情况'),
      p(
        `2024年一般公共预算支出${f.general}万元，其中：基本支出${f.generalBasic}万元，项目支出${f.generalProject}万元。`,
      ),
    ],
    wholeAndGeneral,
    { generalBasic: '868.00', generalProject: '312.00' },
  ),
  inText(
    'whole vs 一般公共预算: the scope named in each label',
    (f) => [
      heading('二、支出预算情况'),
      p(`本部门2024年基本支出预算${f.basic}万元，项目支出预算${f.project}万元。`),
      p(`2024年一般公共预算基本支出预算${f.generalBasic}万元，一般公共预算项目支出预算${f.generalProject}万元。`),
    ],
    wholeAndGeneral,
    { generalBasic: '868.00' },
  ),
  inText(
    'whole vs 一般公共预算: the scope given by the section title',
    (f) => [
      heading('二、部门预算支出总体情况'),
      p(`2024年部门预算支出总计${f.total}万元。按支出性质分，基本支出${f.basic}万元，项目支出${f.project}万元。`),
      heading('三、一般公共预算支出预算情况'),
      p(`本年基本支出${f.generalBasic}万元，主要用于保障机构正常运转。`),
      p(`本年项目支出${f.generalProject}万元，主要用于民政事业发展。`),
    ],
    wholeAndGeneral,
    { generalBasic: '868.00' },
  ),
  {
    name: 'whole vs 一般公共预算: the tables alone (基本支出表 against 支出表)',
    severity: 'warning',
    clean: budget([], wholeAndGeneral()),
    // 津贴补贴 348: the 基本支出表 adds up to 868 / 人员经费 768, the 一般公共预算支出表 still says 基本支出 860.
    dirty: budget([], [summaryTable(), expenditureTable(), generalTable(), generalBasicTable(FIGURES, 348)]),
  },
];

// ——— 财政拨款 against the "三公"经费 ———

const fiscalAndThree = () => [fiscalSummaryTable(), generalBasicTable(), threeTable()];

const FISCAL_AND_THREE: TableVariation[] = [
  inText(
    '财政拨款 vs “三公”经费: both 财政拨款…支出预算',
    (f) => [
      heading('二、财政拨款收支预算情况'),
      p(`2024年财政拨款收入预算${f.fiscal}万元，财政拨款支出预算${f.fiscal}万元。`),
      heading('三、“三公”经费预算情况'),
      p(
        `2024年“三公”经费财政拨款支出预算${f.three}万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费${f.car}万元，公务接待费${f.reception}万元。`,
      ),
    ],
    fiscalAndThree,
    { three: '28.00', car: '25.00' },
  ),
  inText(
    '财政拨款 vs “三公”经费: 财政拨款安排的“三公”经费',
    (f) => [
      heading('二、财政拨款支出预算情况'),
      p(`2024年本部门财政拨款支出${f.fiscal}万元。`),
      p(`财政拨款安排的“三公”经费预算${f.three}万元，较上年减少2.00万元，主要是压减公务用车运行维护费。`),
    ],
    fiscalAndThree,
    { three: '28.00' },
  ),
  inText(
    '财政拨款 vs “三公”经费: the items as a numbered list under the section',
    (f) => [
      heading('二、财政拨款收支预算情况'),
      p(`2024年财政拨款收入预算${f.fiscal}万元，财政拨款支出预算${f.fiscal}万元。`),
      heading('三、“三公”经费预算情况'),
      p(`2024年“三公”经费预算合计${f.three}万元，具体如下：`),
      p('1.因公出国（境）费0万元；'),
      p(`2.公务用车购置及运行维护费${f.car}万元；`),
      p(`3.公务接待费${f.reception}万元。`),
    ],
    () => [fiscalSummaryTable(), generalBasicTable(), threeRowsTable()],
    { three: '28.00', car: '25.00' },
  ),
  inText(
    '公务接待费 of the 基本支出 (5.00) and of the “三公”经费 (3.00)',
    (f) => [
      heading('二、“三公”经费预算情况'),
      p(
        `2024年“三公”经费预算${f.three}万元，其中公务接待费${f.reception}万元，公务用车购置及运行维护费${f.car}万元，因公出国（境）费0万元。`,
      ),
    ],
    // 津贴补贴 338 and 公务接待费 5.00: the 基本支出表 still adds up to 860.
    () => [fiscalSummaryTable(), generalBasicTable(FIGURES, 338, 5), threeTable()],
    { three: '26.00', reception: '4.00' },
  ),
];

// ——— the whole's 基本支出 against a fund's 0.00 ———

const FUND_ZERO: TableVariation[] = [
  inText(
    '基本支出 vs the 政府性基金 table’s 0.00',
    (f) => [
      ...overall(f),
      heading('三、政府性基金预算支出情况'),
      p(`2024年政府性基金预算支出${f.fund}万元，全部为项目支出，用于社会福利事业。`),
    ],
    () => [summaryTable(), expenditureTable(), fundTable()],
    { fund: '55.00' },
  ),
  inText(
    '基本支出 vs a 政府性基金 table whose 基本支出 is blank, its parts in the text',
    (f) => [
      ...overall(f),
      heading('三、政府性基金预算支出情况'),
      p(`2024年政府性基金预算支出${f.fund}万元，其中基本支出0万元，项目支出${f.fund}万元。`),
    ],
    () => [summaryTable(), expenditureTable(), fundTable(FIGURES, '')],
    { fund: '55.00' },
  ),
  {
    name: '基本支出 vs a 国有资本经营 table of 0.00',
    severity: 'warning',
    clean: budget(
      [...overall(FIGURES), heading('三、国有资本经营预算支出情况'), p('本部门2024年无国有资本经营预算支出。')],
      [summaryTable(), expenditureTable(), stateCapitalTable()],
    ),
    dirty: budget(
      [
        ...overall(FIGURES),
        heading('三、国有资本经营预算支出情况'),
        p('本部门2024年国有资本经营预算支出5.00万元，用于所属企业改革。'),
      ],
      [summaryTable(), expenditureTable(), stateCapitalTable()],
    ),
  },
  inText(
    '基本支出 vs the 财政拨款收支总表’s 政府性基金 column',
    (f) => [
      ...overall(f),
      heading('三、财政拨款收支预算情况'),
      p(
        `2024年财政拨款支出预算${f.fiscal}万元，其中一般公共预算支出${f.general}万元，政府性基金预算支出${f.fund}万元。`,
      ),
    ],
    () => [summaryTable(), expenditureTable(), fiscalSummaryTable(), generalTable(), fundTable()],
    { general: '1188.00', fiscal: '1238.00' },
  ),
];

// ——— one item's change against another's, on one page ———

const changes = (general: string, fund: string, three: string): ComposePara[] => [
  heading('二、预算增减变化情况'),
  p(`2024年一般公共预算支出${FIGURES.general}万元，比上年增加${general}万元，主要是人员经费增加。`),
  p(`政府性基金预算支出${FIGURES.fund}万元，比上年增加${fund}万元，主要是彩票公益金项目增加。`),
  p(`“三公”经费财政拨款支出预算${FIGURES.three}万元，比上年减少${three}万元，主要是压减公务用车运行维护费。`),
];

const ITEM_CHANGES: TableVariation[] = [
  {
    name: 'changes of three items, each its own (比上年增加 / 减少)',
    severity: 'warning',
    clean: budget(changes('50.00', '20.00', '2.00'), [generalTable(), fundTable(), threeTable()]),
    dirty: budget(
      [
        ...changes('50.00', '20.00', '2.00'),
        heading('三、一般公共预算支出情况'),
        p('一般公共预算支出比上年增加55.00万元，增长4.9%。'),
      ],
      [generalTable(), fundTable(), threeTable()],
    ),
  },
  {
    name: 'changes of 基本支出 and 项目支出 as list items',
    severity: 'warning',
    clean: budget(
      [
        heading('二、支出预算变化情况'),
        p(`2024年支出预算${FIGURES.total}万元，比上年增加20.00万元。其中：`),
        p(`（一）基本支出预算${FIGURES.basic}万元，比上年增加30.00万元；`),
        p(`（二）项目支出预算${FIGURES.project}万元，比上年减少10.00万元。`),
      ],
      [summaryTable(), expenditureTable()],
    ),
    dirty: budget(
      [
        heading('二、支出预算变化情况'),
        p(`2024年基本支出预算${FIGURES.basic}万元，比上年增加30.00万元。`),
        p(`2024年项目支出预算${FIGURES.project}万元，比上年减少10.00万元。`),
        heading('三、其他说明'),
        p('基本支出预算比上年增加35.00万元，主要是人员工资调整。'),
      ],
      [summaryTable(), expenditureTable()],
    ),
  },
  {
    name: 'changes of two sources of income in one sentence',
    severity: 'warning',
    clean: budget(
      [
        heading('二、收入预算变化情况'),
        p('2024年一般公共预算拨款收入比上年增加40.00万元，政府性基金预算拨款收入比上年增加20.00万元。'),
      ],
      [summaryTable(), fiscalSummaryTable()],
    ),
    dirty: budget(
      [
        heading('二、收入预算变化情况'),
        p('2024年一般公共预算拨款收入比上年增加40.00万元，政府性基金预算拨款收入比上年增加20.00万元。'),
        heading('三、一般公共预算收入情况'),
        p('一般公共预算拨款收入比上年增加45.00万元，主要是人员经费增加。'),
      ],
      [summaryTable(), fiscalSummaryTable()],
    ),
  },
  {
    name: 'the same change of two scopes (支出预算 and 一般公共预算支出 both 增加)',
    severity: 'warning',
    clean: budget(
      [
        heading('二、预算变化情况'),
        p(`2024年支出预算总计${FIGURES.total}万元，比上年增加70.00万元。`),
        p(`2024年一般公共预算支出${FIGURES.general}万元，比上年增加50.00万元。`),
      ],
      [summaryTable(), generalTable()],
    ),
    dirty: budget(
      [
        heading('二、预算变化情况'),
        p(`2024年支出预算总计${FIGURES.total}万元，比上年增加70.00万元。`),
        p(`2024年一般公共预算支出${FIGURES.general}万元，比上年增加50.00万元。`),
        heading('三、一般公共预算支出情况'),
        p('一般公共预算支出比上年增加55.00万元，主要是人员经费增加。'),
      ],
      [summaryTable(), generalTable()],
    ),
  },
];

// ——— a 决算: the year's totals and the grand totals, the whole and its sources, the budget and what was spent ———

const FINAL_ACCOUNTS: TableVariation[] = [
  {
    name: '决算: the whole’s 本年支出合计 and 基本支出 against the 支出决算表',
    severity: 'warning',
    clean: finalAccounts(finalText(FINAL)),
    dirty: finalAccounts(finalText({ ...FINAL, spent: '1388.00', basic: '1008.00' })),
  },
  {
    name: '决算: the 一般公共预算’s 基本支出 and 人员经费 against its tables',
    severity: 'warning',
    clean: finalAccounts(finalText(FINAL)),
    dirty: finalAccounts(finalText({ ...FINAL, generalBasic: '948.00', personnel: '848.00' })),
  },
  {
    name: '决算: the “三公”经费’s budget against the table’s 预算数',
    severity: 'warning',
    clean: finalAccounts(finalText(FINAL)),
    dirty: finalAccounts(finalText({ ...FINAL, threeBudget: '27.00' })),
  },
  {
    name: '决算: 机关运行经费 stated in two sections',
    severity: 'warning',
    clean: finalAccounts(finalText(FINAL, '100.00')),
    dirty: finalAccounts(finalText(FINAL, '108.00')),
  },
];

tableVariations('conflicting-values', [
  ...WHOLE_AND_GENERAL,
  ...FISCAL_AND_THREE,
  ...FUND_ZERO,
  ...ITEM_CHANGES,
  ...FINAL_ACCOUNTS,
]);
