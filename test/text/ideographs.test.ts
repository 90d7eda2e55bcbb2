// Radicals in a text layer read as the ideographs they stand for, and a
// document whose Unicode map names its glyphs by radicals reads like any other.
import { describe, expect, test } from 'vitest';
import { unifyIdeographs } from '../../src/text/ideographs.ts';
import type { ComposePara } from '../support/compose.ts';
import { bodyText, extractComposed, outline } from '../support/extract-made.ts';

describe('unifyIdeographs', () => {
  test('Kangxi radicals, radicals of the supplement and compatibility ideographs become their ideographs', () => {
    // ⼀ ⼆ ⼗ ⽉ ⽇ ⾄ ⼯ (Kangxi, by NFKC); ⻔ ⻓ ⻛ (supplement, by Equivalent_Unified_Ideograph); 﨑 (compatibility).
    expect(unifyIdeographs('⼀、部⻔基本情况')).toBe('一、部门基本情况');
    expect(unifyIdeographs('⼗⼆个，2023年12⽉31⽇，⾄此，⼯作⽇')).toBe('十二个，2023年12月31日，至此，工作日');
    expect(unifyIdeographs('⻓效、⻛险')).toBe('长效、风险');
    expect(unifyIdeographs('\uF9DC')).toBe('\u9686');
  });

  test('⼾ is 户, the ideograph simplified-Chinese fonts draw it as (NFKC gives the traditional 戶)', () => {
    expect(unifyIdeographs('惠及困难群众3,215⼾')).toBe('惠及困难群众3,215户');
  });

  test('other text is left as it is, one UTF-16 unit for one', () => {
    const text = '全年支出１，２３４．５万元 (ABC) 《通知》';
    expect(unifyIdeographs(text)).toBe(text);
    // A radical whose ideograph lies outside the BMP stays, so offsets into the text do not move.
    expect(unifyIdeographs('\u2E87')).toBe('\u2E87');
  });
});

test('a report whose text layer names its glyphs by radicals (Chromium’s print to PDF) has its headings and facts', async () => {
  const body = (text: string): ComposePara => ({ text });
  const report = await extractComposed([
    { text: '⼀、部⻔基本情况', bold: true },
    { text: '（⼀）主要职能', bold: true },
    body('我局内设股室六个，年末实有⼈员⼗⼆⼈，惠及困难群众3,215户。'),
    { text: '⼆、部⻔整体⽀出情况', bold: true },
    body('截⾄2023年12⽉31⽇，全年⽀出4,498.27万元，⽐上年提⾼1.2个百分点。'),
  ]);
  expect(outline(report)).toEqual(['一、部门基本情况', '  （一）主要职能', '二、部门整体支出情况']);
  expect(bodyText(report)[0]).toBe('我局内设股室六个，年末实有人员十二人，惠及困难群众3,215户。');
  const facts = report.facts.map((f) => `${f.kind} ${String(f.value)}${f.unit}`);
  expect(facts).toEqual(
    expect.arrayContaining([
      'count 12人',
      'count 3215户',
      'date 2023-12-31日',
      'money 4498.27万元',
      'percent 1.2个百分点',
    ]),
  );
});

test("the cover harness's cases: 部⻔, ⺠政局, ⼆〇⼆六年三⽉, ⽀出, ⼯资 read as typed; other text stays", () => {
  expect(unifyIdeographs('⼀、部⻔主要职责')).toBe('一、部门主要职责');
  expect(unifyIdeographs('某市⺠政局⼆〇⼆六年三⽉')).toBe('某市民政局二〇二六年三月');
  expect(unifyIdeographs('本年⽀出合计 1,234.56 万元（⼯资）')).toBe('本年支出合计 1,234.56 万元（工资）');
  expect(unifyIdeographs('2023年度部门决算 ABC')).toBe('2023年度部门决算 ABC');
});
