// The narrative asserting what the report's own numbers deny: a change whose
// direction its two years' figures deny, a spending said not to have happened
// that the report gives, a 差距 between equal figures, 未进行预算调整 between
// two budgets that differ, 有所下降 while the figures rose. In a paragraph, and
// with the claim as an item of a numbered list.
import { variations } from './harness.ts';

variations('text-number-contradiction', [
  {
    name: 'a change whose direction its two figures deny',
    severity: 'error',
    layouts: {
      prose: {
        clean: ['本年支出合计1386.35万元，上年支出合计1567.89万元，比上年减少181.54万元。'],
        dirty: ['本年支出合计1386.35万元，上年支出合计1567.89万元，比上年增加181.54万元。'],
      },
      list: {
        clean: ['支出决算情况：', '1、本年支出合计1386.35万元，上年支出合计1567.89万元，较上年减少181.54万元。'],
        dirty: ['支出决算情况：', '1、本年支出合计1386.35万元，上年支出合计1567.89万元，较上年增加181.54万元。'],
      },
    },
  },
  {
    name: '未发生 a spending the report gives',
    severity: 'warning',
    layouts: {
      prose: {
        clean: ['本年度未发生因公出国（境）费用。', '“三公”经费中，因公出国（境）费0万元，公务接待费1.20万元。'],
        dirty: ['本年度未发生因公出国（境）费用。', '“三公”经费中，因公出国（境）费2.10万元，公务接待费1.20万元。'],
      },
      list: {
        clean: ['“三公”经费情况：', '1、因公出国（境）费为零，本年度未发生。', '2、公务接待费1.20万元。'],
        dirty: [
          '“三公”经费情况：',
          '1、因公出国（境）费为零，本年度未发生。',
          '2、公务接待费1.20万元，因公出国（境）费2.10万元。',
        ],
      },
    },
  },
  {
    name: '预算与决算存在差距 while they are equal',
    severity: 'warning',
    layouts: {
      prose: {
        clean: ['运行维护费全年预算数32.15万元，决算数28.60万元。', '运行维护费预算与决算存在较大差距。'],
        dirty: ['运行维护费全年预算数32.15万元，决算数32.15万元。', '运行维护费预算与决算存在较大差距。'],
      },
      list: {
        clean: [
          '运行维护费全年预算数32.15万元，决算数28.60万元。',
          '存在的问题：',
          '1、运行维护费预算与决算存在较大差距。',
        ],
        dirty: [
          '运行维护费全年预算数32.15万元，决算数32.15万元。',
          '存在的问题：',
          '1、运行维护费预算与决算存在较大差距。',
        ],
      },
    },
  },
  {
    name: '未进行预算调整 while the two budgets differ',
    severity: 'warning',
    layouts: {
      prose: {
        clean: [
          '部门整体支出年初预算数1200.00万元，全年预算数1200.00万元。',
          '年初预算与全年预算一致，未进行预算调整。',
        ],
        dirty: [
          '部门整体支出年初预算数1200.00万元，全年预算数1350.00万元。',
          '年初预算与全年预算一致，未进行预算调整。',
        ],
      },
      list: {
        clean: [
          '部门整体支出年初预算数1200.00万元，全年预算数1200.00万元。',
          '预算管理情况：',
          '1、年度中未进行预算调整。',
        ],
        dirty: [
          '部门整体支出年初预算数1200.00万元，全年预算数1350.00万元。',
          '预算管理情况：',
          '1、年度中未进行预算调整。',
        ],
      },
    },
  },
  {
    name: '有所下降 while this year is above last year',
    severity: 'error',
    layouts: {
      prose: {
        clean: ['本年支出合计1543.34万元，上年支出合计1267.28万元，总体有所增长，主要原因是人员增加。'],
        dirty: ['本年支出合计1543.34万元，上年支出合计1267.28万元，总体有所下降，主要原因是人员变动。'],
      },
      list: {
        clean: ['支出情况：', '1、本年支出合计1543.34万元，上年支出合计1267.28万元，总体有所增长。'],
        dirty: ['支出情况：', '1、本年支出合计1543.34万元，上年支出合计1267.28万元，总体有所下降。'],
      },
    },
  },
]);
