// A share or rate that cannot exceed 100 %: 执行率, 完成率, 合格率, 满意度,
// 占比 … but growth (同比增长 133 %) and over-fulfilment wording can.
import { show } from './tolerance.ts';
import type { Rule } from './types.ts';

const BOUNDED = /(执行率|完成率|合格率|满意度|满意率|覆盖率|达标率|到位率|知晓率|使用率|整改率|检验率|结案率|办结率|及时率|准确率|正确率|参保率|入学率|巩固率|占比|比例|比重|利用率|抽检率|受理率)$/;
const UNBOUNDED = /增长|增幅|增加|提高|提升|上升|同比|环比|超额|超过|下降|降低|减少|增速/;

export const percentOutOfRange: Rule = {
  id: 'percent-out-of-range',
  run(doc) {
    return doc.facts
      .filter((f) => f.kind === 'percent' && f.normalized.unit === '%' && typeof f.normalized.value === 'number')
      .filter((f) => (f.normalized.value as number) > 100 && BOUNDED.test(f.label) && !UNBOUNDED.test(f.label) && !UNBOUNDED.test(f.quote))
      .map((f) => ({
        rule: 'percent-out-of-range' as const,
        severity: 'error' as const,
        message: `${f.label} ${show(f)}（第${f.page}页）超过 100%，比率不应超过 100%`,
        factIds: [f.id],
        sectionIds: [],
        page: f.page,
        expected: 100,
        actual: f.value as number,
      }));
  },
};
