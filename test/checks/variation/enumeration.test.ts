// A count in Chinese numerals against the items listed after it, the last two
// joined by 和 / 及 / 以及 / 与 (包括三项：住房公积金、提租补贴和购房补贴 was read
// as 2 items); inline and as numbered paragraphs.
import { variations } from './harness.ts';

const items = (intro: string, names: string[]) => [
  intro,
  ...names.map((n, i) => `${i + 1}、${n}${i + 1 < names.length ? '；' : '。'}`),
];

variations('enumeration-count', [
  {
    name: '三项, the last two joined by 和',
    severity: 'warning',
    layouts: {
      prose: {
        clean: ['住房改革支出包括三项：住房公积金、提租补贴和购房补贴。'],
        dirty: ['住房改革支出包括四项：住房公积金、提租补贴和购房补贴。'],
      },
      list: {
        clean: items('住房改革支出包括三项：', ['住房公积金', '提租补贴', '购房补贴']),
        dirty: items('住房改革支出包括四项：', ['住房公积金', '提租补贴', '购房补贴']),
      },
    },
  },
  {
    name: '五个, the last joined by 及',
    severity: 'warning',
    layouts: {
      prose: {
        clean: ['本单位内设科室五个，分别为：办公室、财务科、执法科、法规科及宣传科。'],
        dirty: ['本单位内设科室六个，分别为：办公室、财务科、执法科、法规科及宣传科。'],
      },
      list: {
        clean: items('本单位内设科室五个，分别为：', ['办公室', '财务科', '执法科', '法规科', '宣传科']),
        dirty: items('本单位内设科室六个，分别为：', ['办公室', '财务科', '执法科', '法规科', '宣传科']),
      },
    },
  },
  {
    name: '两项, joined by 以及',
    severity: 'warning',
    layouts: {
      prose: {
        clean: ['全年重点开展两项工作：市场秩序整治以及质量安全监管。'],
        dirty: ['全年重点开展三项工作：市场秩序整治以及质量安全监管。'],
      },
      list: {
        clean: items('全年重点开展两项工作：', ['市场秩序整治', '质量安全监管']),
        dirty: items('全年重点开展三项工作：', ['市场秩序整治', '质量安全监管']),
      },
    },
  },
  {
    name: '三个, joined by 与',
    severity: 'warning',
    layouts: {
      prose: {
        clean: ['下属事业单位共三个：县消费者权益保护中心、县质量技术服务中心与县食品检验检测中心。'],
        dirty: ['下属事业单位共四个：县消费者权益保护中心、县质量技术服务中心与县食品检验检测中心。'],
      },
      list: {
        clean: items('下属事业单位共三个：', ['县消费者权益保护中心', '县质量技术服务中心', '县食品检验检测中心']),
        dirty: items('下属事业单位共四个：', ['县消费者权益保护中心', '县质量技术服务中心', '县食品检验检测中心']),
      },
    },
  },
  {
    name: '和 inside a name (计划和财务股), not joining two items',
    severity: 'warning',
    layouts: {
      prose: {
        clean: ['设立四个股室：办公室、计划和财务股、综合执法股、政策法规股。'],
        dirty: ['设立五个股室：办公室、计划和财务股、综合执法股、政策法规股。'],
      },
      list: {
        clean: items('设立四个股室：', ['办公室', '计划和财务股', '综合执法股', '政策法规股']),
        dirty: items('设立五个股室：', ['办公室', '计划和财务股', '综合执法股', '政策法规股']),
      },
    },
  },
]);
