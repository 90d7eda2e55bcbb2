// 净增 X is a part of 新设 X (the net is the new less the closed), however the
// label words them and in whichever sentences of the year they stand.
import { FILLER, variations } from './harness.ts';

function variation(name: string, whole: string, part: string, values: [string, string, string]) {
  const [born, netClean, netDirty] = values;
  const prose = (net: string) => [whole.replace('@', born), ...FILLER.slice(0, 4), part.replace('@', net)];
  const list = (net: string) => [
    '市场主体发展情况：',
    `1、${whole.replace('@', born)}`,
    `2、${part.replace('@', net)}`,
  ];
  return {
    name,
    severity: 'error' as const,
    layouts: {
      prose: { clean: prose(netClean), dirty: prose(netDirty) },
      list: { clean: list(netClean), dirty: list(netDirty) },
    },
  };
}

variations('subset-exceeds-total', [
  variation('新设 … 净增, the same words', '全年新设市场主体@户。', '全年净增市场主体@户。', ['1200', '860', '1500']),
  variation('新登记各类 … 市场主体净增', '全年新登记各类市场主体@户。', '市场主体净增@户。', ['1200', '860', '1500']),
  variation('新设立 … 净增加', '新设立企业@家。', '净增加企业@家。', ['320', '210', '350']),
  variation('新增 … 实现净增', '全年新增市场主体@户。', '实现净增市场主体@户。', ['1200', '860', '1500']),
]);
