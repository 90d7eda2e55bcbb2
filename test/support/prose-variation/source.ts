// The two reports the prose harness sets in every style, written once: a
// 部门整体支出绩效自评报告 (cover, 目录, 第一部分 over 一、, duty and problem
// lists that are body text) and a 项目支出绩效自评报告 (indicator sub-headings
// 1、产出指标 over run-in （1） items). Every number of their prose is marked
// with what it is; the expected sections and facts are read from here.
import type { Block, Comparator, FactKind, FactSpec, Family, Inline, SourceDoc } from './types.ts';

interface Opts {
  approx?: boolean;
  cmp?: Comparator;
  label?: string;
  /** broken over a line end (composed layouts) */
  lb?: boolean;
  /** broken over a line and page end (composed layouts) */
  pb?: boolean;
}

function fact(kind: FactKind, text: string, value: number | string, unit: string, o: Opts = {}): FactSpec {
  const spec: FactSpec = { text, kind, value, unit };
  // A bound is never an exact figure (docs/output-contract.md, Bounds).
  if (o.approx || o.cmp) spec.approximate = true;
  else spec.approximate = false;
  if (o.cmp) spec.comparator = o.cmp;
  if (o.label) spec.label = o.label;
  if (o.lb) spec.lineBreak = true;
  if (o.pb) spec.pageBreak = true;
  return spec;
}

const money = (text: string, value: number, unit: string, o?: Opts) => fact('money', text, value, unit, o);
const count = (text: string, value: number, unit: string, o?: Opts) => fact('count', text, value, unit, o);
const pct = (text: string, value: number, o?: Opts) =>
  fact('percent', text, value, text.endsWith('个百分点') ? '个百分点' : '%', o);
const score = (text: string, value: number, o?: Opts) => fact('score', text, value, '分', o);
const date = (text: string, iso: string) => fact('date', text, iso, '');
const other = (text: string, value: number, unit: string, o?: Opts) => fact('other', text, value, unit, o);

/** Text with facts in it: p`全年支出${money(…)}。` */
function p(strings: TemplateStringsArray, ...parts: Inline[]): Inline[] {
  const out: Inline[] = [];
  strings.forEach((s, i) => {
    if (s !== '') out.push(s);
    if (i < parts.length) out.push(parts[i]!);
  });
  return out;
}

const h = (family: Family, ordinal: number, title: string, run?: { end: '。' | '：'; body: Inline[] }): Block => ({
  t: 'heading',
  family,
  ordinal,
  title,
  ...(run ? { end: run.end, body: run.body } : {}),
});
const para = (text: Inline[]): Block => ({ t: 'para', text });
const item = (family: 'num-dun' | 'cn-paren', ordinal: number, text: Inline[], optional = false): Block => ({
  t: 'item',
  family,
  ordinal,
  text,
  ...(optional ? { optional } : {}),
});

const ZT_ORG = '清河县民政局';

export const ZT: SourceDoc = {
  id: 'zt',
  name: '部门整体支出绩效自评报告',
  header: `${ZT_ORG}2023年度部门整体支出绩效自评报告`,
  blocks: [
    {
      t: 'cover',
      lines: [[ZT_ORG], p`${date('2023年度', '2023')}部门整体支出绩效自评报告`, p`${date('2024年3月', '2024-03')}`],
    },
    { t: 'toc', families: ['part', 'cn-dun'] },
    { t: 'title', text: p`${ZT_ORG}${date('2023年度', '2023')}部门整体支出绩效自评报告` },
    para(
      p`根据县财政局关于开展部门整体支出绩效自评工作的通知要求，我局对${date('2023年度', '2023')}部门整体支出情况开展了绩效自评，现将有关情况报告如下：`,
    ),
    h('part', 1, '部门概况'),
    h('cn-dun', 1, '部门基本情况'),
    h('cn-paren', 1, '主要职能'),
    para(p`根据机构改革方案，我局主要承担以下职责：`),
    item('num-dun', 1, p`贯彻执行国家和省、市有关民政工作的方针政策和法律法规，拟订全县民政事业发展规划并组织实施。`),
    item('num-dun', 2, p`负责全县社会救助工作。`),
    item('num-dun', 3, p`负责全县养老服务体系建设，指导养老服务、老年福利和特殊困难老年人救助工作。`),
    item('num-dun', 4, p`负责全县婚姻登记、殡葬管理和儿童福利工作。`),
    item('num-dun', 5, p`完成县委、县政府交办的其他任务。`),
    h('cn-paren', 2, '机构设置及人员情况', {
      end: '。',
      body: p`我局内设股室${count('六个', 6, '个')}，下属事业单位${count('3个', 3, '个')}。年末核定编制${count('45名', 45, '名')}，实有在职人员${count('42人', 42, '人', { lb: true })}，退休人员${count('十八人', 18, '人')}。`,
    }),
    h('cn-dun', 2, '部门整体支出情况'),
    h('cn-paren', 1, '预算执行情况', {
      end: '。',
      body: p`${date('2023年度', '2023')}部门整体支出预算数为${money('4,562.38万元', 4562.38, '万元')}，全年实际支出${money('4,498.27万元', 4498.27, '万元', { lb: true })}，预算执行率为${pct('98.59%', 98.59)}，比上年提高${pct('1.2个百分点', 1.2, { lb: true })}。`,
    }),
    h('cn-paren', 2, '支出结构', {
      end: '。',
      body: p`基本支出${money('1,236.45万元', 1236.45, '万元', { label: '基本支出' })}，占${pct('27.49%', 27.49)}，其中人员经费${money('1,058.12万元', 1058.12, '万元', { label: '人员经费' })}，公用经费${money('178.33万元', 178.33, '万元', { label: '公用经费' })}；项目支出${money('3,261.82万元', 3261.82, '万元', { pb: true, label: '项目支出' })}，占${pct('72.51%', 72.51)}。“三公”经费支出${money('18.6万元', 18.6, '万元')}，比上年下降${pct('6.3%', -6.3)}，控制在年初预算${money('20万元', 20, '万元', { cmp: '<=' })}以内。`,
    }),
    h('part', 2, '部门整体支出绩效情况'),
    h('cn-dun', 1, '绩效目标完成情况'),
    h('cn-paren', 1, '产出情况'),
    h('num-dun', 1, '社会救助', {
      end: '。',
      body: p`全年发放城乡低保金${money('2,856.7万元', 2856.7, '万元', { lb: true })}，惠及困难群众${count('3,215户', 3215, '户')}${count('5,862人', 5862, '人')}，临时救助${count('1,046人次', 1046, '人次', { lb: true })}，发放临时救助金${money('约126万元', 126, '万元', { approx: true })}，开展政策宣传${count('1.3万人次', 1.3, '万人次', { lb: true })}，受益群众${count('9000多人', 9000, '人', { approx: true })}，节日慰问支出${money('12万元左右', 12, '万元', { approx: true })}。`,
    }),
    h('num-dun', 2, '养老服务', {
      end: '。',
      body: p`新建社区居家养老服务中心${count('十二个', 12, '个', { lb: true })}，为全县${count('1.2万余名', 1.2, '万名', { approx: true })}高龄老年人发放高龄津贴，开展养老机构安全检查${count('186家次', 186, '家次')}，整改隐患${count('超40处', 40, '处', { approx: true, lb: true })}。`,
    }),
    h('num-dun', 3, '儿童福利', {
      end: '。',
      body: p`全年为孤儿和事实无人抚养儿童发放基本生活费${money('近85万元', 85, '万元', { approx: true })}，保障儿童${count('不少于120人', 120, '人', { cmp: '>=' })}。`,
    }),
    h('num-dun', 4, '殡葬改革', {
      end: '。',
      body: p`完成公益性公墓建设${count('3座', 3, '座')}，购置殡葬服务设备${count('36台（套）', 36, '台')}，遗体火化率${pct('100%', 100)}。`,
    }),
    h('cn-paren', 2, '效益情况', {
      end: '。',
      body: p`全县民政事业总投入${money('1.86亿元', 1.86, '亿元')}，困难群众基本生活得到有效保障，全县养老机构床位达到${count('1,560张', 1560, '张')}，其中护理型床位占比${pct('56.3%', 56.3)}。`,
    }),
    h('cn-paren', 3, '满意度情况', {
      end: '。',
      body: p`通过问卷调查，服务对象满意度为${pct('96.8%', 96.8, { label: '服务对象满意度' })}，较上年提高${pct('2.1个百分点', 2.1)}。`,
    }),
    h('cn-dun', 2, '预算管理情况'),
    para(
      p`全年组织政府采购项目${count('9个', 9, '个')}，采购金额${money('326.5万元', 326.5, '万元')}，节约资金${money('12.8万元', 12.8, '万元')}，节约率${pct('3.92%', 3.92)}，政府采购规模增长率为${pct('－8.4%', -8.4)}。`,
    ),
    h('part', 3, '存在的问题及改进措施'),
    h('cn-dun', 1, '存在的问题'),
    item(
      'num-dun',
      1,
      p`部分项目预算编制不够精准，年中调整事项较多，全年追加预算资金${money('386.2万元', 386.2, '万元')}，影响了预算的严肃性。`,
    ),
    item('num-dun', 2, p`绩效目标设置不够细化，部分指标难以量化考核，绩效评价结果的应用还不够充分。`),
    h('cn-dun', 2, '改进措施'),
    h('cn-paren', 1, '加强预算编制管理', {
      end: '。',
      body: p`科学测算项目支出，提高年初预算的准确性，力争预算调整率控制在${pct('5%', 5, { cmp: '<=' })}以内。`,
    }),
    h('cn-paren', 2, '强化绩效目标管理', {
      end: '。',
      body: p`细化量化绩效指标，将评价结果与下一年度预算安排挂钩。`,
    }),
    h('cn-dun', 3, '自评结论', {
      end: '。',
      body: p`综合评价，我局${date('2023年度', '2023')}部门整体支出绩效自评得分为${score('93.5分', 93.5)}，等级为“优”。`,
    }),
    { t: 'sign', lines: [[ZT_ORG], p`${date('2024年3月15日', '2024-03-15')}`] },
  ],
};

const XM_ORG = '清河县医疗保障局';
const XM_NAME = '城乡医疗救助资金';

export const XM: SourceDoc = {
  id: 'xm',
  name: '项目支出绩效自评报告',
  header: `${XM_NAME}项目支出绩效自评报告`,
  blocks: [
    { t: 'title', text: p`${date('2023年度', '2023')}${XM_NAME}项目支出绩效自评报告` },
    para(p`按照预算绩效管理工作要求，${XM_ORG}对${XM_NAME}项目开展了绩效自评，现将自评情况报告如下。`),
    h('cn-dun', 1, '项目基本情况'),
    h('cn-paren', 1, '项目概况', {
      end: '。',
      body: p`该项目用于对特困人员、低保对象等困难群众经基本医保、大病保险报销后的个人负担费用给予救助，项目实施周期为${date('2023年1月', '2023-01')}至${date('2023年12月', '2023-12')}。`,
    }),
    h('cn-paren', 2, '项目资金情况', {
      end: '。',
      body: p`项目年初预算数为${money('860万元', 860, '万元')}，全年预算数为${money('912.5万元', 912.5, '万元')}，全年执行数为${money('896.38万元', 896.38, '万元', { lb: true })}，预算执行率为${pct('98.23%', 98.23)}。`,
    }),
    h('cn-paren', 3, '项目绩效目标', {
      end: '：',
      body: p`全年医疗救助${count('不少于8,000人次', 8000, '人次', { cmp: '>=' })}，救助对象信息准确率${pct('不低于95%', 95, { cmp: '>=' })}，救助资金拨付时限${other('不超过15个工作日', 15, '个工作日', { cmp: '<=' })}。`,
    }),
    h('cn-dun', 2, '绩效目标实现情况'),
    h('num-dun', 1, '产出指标'),
    h('num-paren', 1, '数量指标', {
      end: '：',
      body: p`全年医疗救助${count('9,156人次', 9156, '人次', { lb: true })}，完成率${pct('114.45%', 114.45)}。`,
    }),
    h('num-paren', 2, '质量指标', {
      end: '：',
      body: p`救助对象信息准确率${pct('100%', 100)}，抽查救助档案${count('260份', 260, '份')}。`,
    }),
    h('num-paren', 3, '时效指标', {
      end: '：',
      body: p`救助资金平均拨付时限为${other('7个工作日', 7, '个工作日')}。`,
    }),
    h('num-paren', 4, '成本指标', {
      end: '：',
      body: p`项目总成本${money('896.38万元', 896.38, '万元', { pb: true })}，人均救助${money('979元', 979, '元')}。`,
    }),
    h('num-dun', 2, '效益指标'),
    h('num-paren', 1, '社会效益指标', {
      end: '：',
      body: p`困难群众就医负担有效减轻，政策范围内住院费用救助比例达到${pct('70%', 70, { cmp: '>=' })}以上。`,
    }),
    h('num-dun', 3, '满意度指标'),
    h('num-paren', 1, '服务对象满意度', {
      end: '：',
      body: p`满意度为${pct('95.6%', 95.6, { label: '满意度' })}，比上年提高${pct('1.8个百分点', 1.8)}。`,
    }),
    h('cn-dun', 3, '项目资金使用及管理情况'),
    h('cn-paren', 1, '资金使用情况', {
      end: '。',
      body: p`截至${date('2023年12月31日', '2023-12-31')}，项目资金支出${money('896.38万元', 896.38, '万元')}，其中住院救助资金${money('742.16万元', 742.16, '万元', { label: '住院救助资金' })}，门诊救助资金${money('154.22万元', 154.22, '万元', { lb: true, label: '门诊救助资金' })}。`,
    }),
    h('cn-paren', 2, '深入推进医疗救助与基本医疗保险大病保险三重制度综合保障衔接'),
    para(
      p`全年审核救助申请${count('1.1万余件', 1.1, '万件', { approx: true })}，实现“一站式”即时结算的医疗机构${count('二十六家', 26, '家')}。`,
    ),
    h('cn-dun', 4, '存在的问题'),
    // Problems as whole sentences under （一）（二）: a reader may take them for headings or not (optional, as in the corpus).
    item('cn-paren', 1, p`部分乡镇经办人员对政策理解不够到位，审核时限偏长，个别救助申请办理超过规定时限。`, true),
    item('cn-paren', 2, p`医疗救助与基本医保、大病保险的信息共享程度有待提高，数据比对仍需人工完成。`, true),
    h('cn-dun', 5, '绩效自评结论', {
      end: '。',
      body: p`项目自评得分${score('96.5分', 96.5)}，评价等级为“优”。`,
    }),
  ],
};

export const SOURCES: SourceDoc[] = [ZT, XM];
