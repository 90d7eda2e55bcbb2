// A share that cannot exceed 100 % and does: 优良率 in several phrasings — with a
// verb, a colon, after a sampling, beside its own change — in a paragraph and
// as an item of a list of indicators.
import { variations } from './harness.ts';

const list = (line: string) => ['主要质量指标完成情况如下：', `1、${line}`, '2、群众投诉按时办结。'];

function variation(name: string, sentence: string, clean: string, dirty: string) {
  return {
    name,
    severity: 'error' as const,
    layouts: {
      prose: { clean: [sentence.replace('@', clean)], dirty: [sentence.replace('@', dirty)] },
      list: { clean: list(sentence.replace('@', clean)), dirty: list(sentence.replace('@', dirty)) },
    },
  };
}

variations('percent-out-of-range', [
  variation('达到', '全年空气质量优良率达到@%，环境质量持续改善。', '98.3', '102.3'),
  variation('为', '工程质量优良率为@%。', '96', '105'),
  variation('a colon', '优良率：@%。', '99.2', '101.2'),
  variation('beside its own change (同比提高)', '经抽检，产品优良率@%，同比提高2个百分点。', '93.5', '103.5'),
]);
