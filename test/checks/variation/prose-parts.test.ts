// Parts stated in prose against their whole: in a bracket right after it
// (编制 52 名（行政 30 名、事业 20 名）), after 包括 / 其中 / 主要用于, or as the
// numbered paragraphs under it. Parts above the whole are an error; below it,
// only where the list is complete (a bracket: a warning, for it may leave out
// what it does not name).
import { variations } from './harness.ts';

variations('sum-mismatch', [
  {
    name: 'a bracket of parts below its whole; the list above it',
    layouts: {
      prose: {
        clean: ['我局核定编制52名（行政编制30名、事业编制22名），实有人员48人。'],
        dirty: ['我局核定编制52名（行政编制30名、事业编制20名），实有人员48人。'],
      },
      list: {
        clean: ['我局核定编制52名，其中：', '1、行政编制30名；', '2、事业编制22名。'],
        dirty: ['我局核定编制52名，其中：', '1、行政编制30名；', '2、事业编制25名。'],
      },
    },
  },
  {
    name: 'listed project amounts above 项目支出决算 (包括, 主要用于以下项目)',
    severity: 'error',
    layouts: {
      prose: {
        clean: [
          '项目支出决算300.00万元，包括：信息化建设项目100.00万元，执法装备购置项目120.00万元，宣传培训项目80.00万元。',
        ],
        dirty: [
          '项目支出决算300.00万元，包括：信息化建设项目100.00万元，执法装备购置项目120.00万元，宣传培训项目100.00万元。',
        ],
      },
      list: {
        clean: [
          '项目支出决算300.00万元，主要用于以下项目：',
          '（1）信息化建设项目100.00万元；',
          '（2）执法装备购置项目120.00万元；',
          '（3）宣传培训项目80.00万元。',
        ],
        dirty: [
          '项目支出决算300.00万元，主要用于以下项目：',
          '（1）信息化建设项目100.00万元；',
          '（2）执法装备购置项目120.00万元；',
          '（3）宣传培训项目100.00万元。',
        ],
      },
    },
  },
  {
    name: '“三公”经费 below its three items',
    severity: 'error',
    layouts: {
      prose: {
        clean: [
          '“三公”经费支出12.50万元，其中：公务接待费3.50万元，公务用车运行维护费9.00万元，因公出国（境）费0万元。',
        ],
        dirty: [
          '“三公”经费支出12.50万元，其中：公务接待费3.50万元，公务用车运行维护费7.00万元，因公出国（境）费0万元。',
        ],
      },
      list: {
        clean: [
          '“三公”经费支出12.50万元，其中：',
          '1.公务接待费3.50万元；',
          '2.公务用车运行维护费9.00万元；',
          '3.因公出国（境）费0万元。',
        ],
        dirty: [
          '“三公”经费支出12.50万元，其中：',
          '1.公务接待费3.50万元；',
          '2.公务用车运行维护费7.00万元；',
          '3.因公出国（境）费0万元。',
        ],
      },
    },
  },
  {
    name: '主要用于 with a 、-list ending in 和, above the whole',
    severity: 'error',
    layouts: {
      prose: {
        clean: ['培训经费80.00万元，主要用于师资费50.00万元、场地费20.00万元和资料费10.00万元。'],
        dirty: ['培训经费80.00万元，主要用于师资费50.00万元、场地费20.00万元和资料费15.00万元。'],
      },
      list: {
        clean: ['培训经费80.00万元，主要用于：', '①师资费50.00万元；', '②场地费20.00万元；', '③资料费10.00万元。'],
        dirty: ['培训经费80.00万元，主要用于：', '①师资费50.00万元；', '②场地费20.00万元；', '③资料费15.00万元。'],
      },
    },
  },
  {
    name: 'this year less last year against the change stated',
    severity: 'error',
    layouts: {
      prose: {
        clean: ['本年收入合计1386.35万元，上年收入合计1267.28万元，比上年增加119.07万元。'],
        dirty: ['本年收入合计1386.35万元，上年收入合计1267.28万元，比上年增加120.07万元。'],
      },
      list: {
        clean: ['收入情况：', '1、本年收入合计1386.35万元，上年收入合计1267.28万元，较上年增加119.07万元。'],
        dirty: ['收入情况：', '1、本年收入合计1386.35万元，上年收入合计1267.28万元，较上年增加120.07万元。'],
      },
    },
  },
]);
