// A figure restated far from its first statement, the label worded
// differently (我局实有编制数 48 人 … 经统计，实有编制数 45 人): one quantity
// with two values. The first statement stands in a paragraph or as an item of
// a numbered list; pages of other text stand between.
import type { Body } from './harness.ts';
import { FILLER, heading, variations } from './harness.ts';

/** The first statement, pages of text, then the summing-up in another section. */
function far(first: string, again: string, value: [string, string]): { prose: Body; list: Body }[] {
  const doc = (v: string, list: boolean): Body => [
    heading('一、基本情况'),
    list ? '本年度主要工作情况如下：' : '本年度各项工作稳步推进。',
    list ? `1、${first.replace('@', value[0])}` : first.replace('@', value[0]),
    ...(list ? ['2、持续优化营商环境，推进“一网通办”。'] : []),
    ...FILLER,
    heading('二、绩效自评情况'),
    again.replace('@', v),
  ];
  return [
    { prose: doc(value[0], false), list: doc(value[0], true) },
    { prose: doc(value[1], false), list: doc(value[1], true) },
  ];
}

function variation(name: string, first: string, again: string, value: [string, string]) {
  const [clean, dirty] = far(first, again, value);
  return {
    name,
    severity: 'warning' as const,
    layouts: {
      prose: { clean: clean!.prose, dirty: dirty!.prose },
      list: { clean: clean!.list, dirty: dirty!.list },
    },
  };
}

variations('conflicting-values', [
  variation('the same words, 我局 dropped', '我局实有编制数@人。', '经统计，实有编制数@人。', ['48', '45']),
  variation(
    '事项 and 各类 in one statement, not the other',
    '全年办理行政许可事项@件，群众满意度持续提升。',
    '经统计，全年共办理各类行政许可@件。',
    ['1250', '1205'],
  ),
  variation(
    'a qualifier dropped (消费者), digits swapped',
    '全年受理消费者投诉举报@件，为消费者挽回经济损失。',
    '经汇总，全年受理投诉举报共@件。',
    ['3560', '3650'],
  ),
  variation('年末 and 我局 added', '年末实有人员@人，均为在编人员。', '据统计，我局年末实有人员@人。', ['48', '45']),
  variation(
    'no summing-up words: 各类 added, two digits swapped',
    '截至年底，全县实有市场主体@户。',
    '全县实有各类市场主体@户，同比增长5.2%。',
    ['45678', '45687'],
  ),
]);
