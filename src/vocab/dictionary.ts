// Domain words for the segmenter, so that budget terms stay whole tokens
// (jieba's own dictionary splits 基本支出 into 基本/支出).
export const DOMAIN_WORDS: [word: string, tag: string][] = [
  ['年初预算数', 'n'],
  ['年初预算', 'n'],
  ['全年预算数', 'n'],
  ['全年预算', 'n'],
  ['调整预算数', 'n'],
  ['调整后预算', 'n'],
  ['预算批复数', 'n'],
  ['决算数', 'n'],
  ['执行数', 'n'],
  ['全年执行数', 'n'],
  ['实际支出', 'n'],
  ['执行率', 'n'],
  ['预算执行率', 'n'],
  ['人员经费', 'n'],
  ['公用经费', 'n'],
  ['三公经费', 'n'],
  ['项目支出', 'n'],
  ['基本支出', 'n'],
  ['整体支出', 'n'],
  ['部门整体支出', 'n'],
  ['财政拨款', 'n'],
  ['自评分', 'n'],
  ['自评得分', 'n'],
  ['编制数', 'n'],
  ['实有人数', 'n'],
  ['在岗', 'v'],
  ['市场主体', 'n'],
  ['小微企业', 'n'],
  ['新办企业', 'n'],
  ['违法案件', 'n'],
  ['不良反应', 'n'],
  ['运行维护经费', 'n'],
  ['业务工作经费', 'n'],
  ['专项资金', 'n'],
  ['绩效目标', 'n'],
  ['绩效指标', 'n'],
];

export function dictionaryText(): string {
  return DOMAIN_WORDS.map(([w, tag]) => `${w} 200000 ${tag}`).join('\n') + '\n';
}
