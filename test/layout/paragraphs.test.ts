import { describe, expect, test } from 'vitest';
import { bodyText, extractComposed, extractSpec } from '../support/extract-made.ts';

const filler = '为进一步规范财政资金管理，提高资金使用效益，本单位认真组织开展绩效自评工作，现将有关情况报告如下。';

const noSpaceNextToHan = (s: string) => s.replace(/\s+(?=[\u4e00-\u9fff，。；])|(?<=[\u4e00-\u9fff，。；])\s+/g, '');

describe('paragraphs from geometry', () => {
  test('a paragraph wrapped over lines comes back whole, without spaces between Chinese characters', async () => {
    const text = `${filler}今年共新设市场主体 13967 家，净增市场主体 8584 家；${filler}`;
    const report = await extractComposed([{ text }], { runChars: 5 });
    const body = bodyText(report);
    // A space that fell at a line end is gone, as in the source layout; nothing else changes.
    expect(body.map(noSpaceNextToHan)).toEqual([noSpaceNextToHan(text)]);
    expect(body[0]).not.toMatch(/[\u4e00-\u9fff，。；]\s+[\u4e00-\u9fff，。；]/);
    expect(body[0]).toContain('新设市场主体 13967 家');
  });

  test('a number cut by the line end is joined back with its unit', async () => {
    // 38 ems of text so that "13967" starts near the right margin and "家" wraps.
    const lead = '落实落细各项改革举措有效激发了市场活力为地方经济高质量发展提供不竭动力今年共新设市场主体';
    const report = await extractComposed([{ text: `${lead} 13967家，净增企业 3915 家。` }], {
      right: 72 + 24 * 12 + 36,
    });
    const [para] = bodyText(report);
    expect(para).toContain('13967家');
  });

  test('an inline enumeration that wraps mid-word ("3、财" + "务股") is one body paragraph', async () => {
    const text =
      '机关设置 22 个股室：1、办公室 2、政工人事股 3、财务股 4、政策法规股 5、信用监督管理股 6、登记注册股 7、网络市场监督管理股 8、科技信息化股。';
    const report = await extractComposed([{ text }], { right: 72 + 320 });
    expect(bodyText(report)).toEqual([text]);
    expect(report.sections).toEqual([]);
  });

  test('a paragraph running over a page break is joined; headers, footers and page numbers stay out of the body', async () => {
    const paras = Array.from({ length: 14 }, (_, i) => ({ text: `第${i + 1}段。${filler}${filler}` }));
    const report = await extractComposed(paras, {
      header: () => '某某市财政局 2023 年度绩效自评报告',
      footer: (n) => (n % 2 ? `— ${n} —` : `第 ${n} 页 共 3 页`),
    });
    expect(report.pages.length).toBeGreaterThan(1);
    const body = bodyText(report);
    expect(body).toEqual(paras.map((p) => p.text));
    expect(body.join('')).not.toMatch(/某某市财政局|— \d —|第 \d 页/);
    const roles = report.paragraphs.map((p) => p.role);
    expect(roles).toContain('header');
    expect(roles).toContain('page-number');
  });

  test('bare page numbers and "- 3 -" at the foot are page numbers; a bare number inside the text is not', async () => {
    const paras = [{ text: filler.repeat(6) }, { text: '3', indent: 2 }, { text: filler.repeat(6) }];
    const report = await extractComposed(paras, { footer: (n) => (n === 1 ? `${n}` : `- ${n} -`) });
    expect(bodyText(report)).toContain('3');
    expect(report.paragraphs.filter((p) => p.role === 'page-number').map((p) => p.text)).toEqual(
      report.pages.map((p) => (p.number === 1 ? '1' : `- ${p.number} -`)),
    );
  });

  test('indented short lines are separate paragraphs', async () => {
    const report = await extractComposed([
      { text: '2、负责市场主体统一登记注册。' },
      { text: '3、负责宏观质量管理。' },
    ]);
    expect(bodyText(report)).toEqual(['2、负责市场主体统一登记注册。', '3、负责宏观质量管理。']);
  });

  test('an empty page is a page with no text, not an error', async () => {
    const report = await extractSpec({ pages: [{ runs: [] }, { runs: [{ text: '正文。', x: 96, y: 700 }] }] });
    expect(report.pages.map((p) => p.chars)).toEqual([0, 3]);
    expect(bodyText(report)).toEqual(['正文。']);
  });
});

describe('numbered paragraphs with a hanging indent (Word’s automatic numbering)', () => {
  const size = 12;
  const right = 516;
  /** Lines of a paragraph laid greedily from x0 (the first) and x1 (the rest) to the right edge. */
  const lay = (text: string, x0: number, x1: number, y: number) => {
    const runs: { text: string; x: number; y: number; size: number }[] = [];
    let line = '';
    let x = x0;
    const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? size / 2 : size), 0);
    for (const ch of text) {
      if (x + width(line + ch) > right) {
        runs.push({ text: line, x, y, size });
        [line, x, y] = ['', x1, y - 21.6];
      }
      line += ch;
    }
    runs.push({ text: line, x, y, size });
    return runs;
  };
  const item =
    '1、社会救助。全年发放城乡低保金2856.7万元，惠及困难群众3215户5862人，临时救助1046人次，发放临时救助金约126万元，开展政策宣传培训1.3万人次，受益群众九千余人，全面落实各项救助政策。';
  const heading = '（二）深入推进医疗救助与基本医疗保险大病保险三重制度综合保障衔接工作';
  const after = `${filler}${filler}`;

  test.each([
    ['set at the paragraph indent', 96, 120],
    ['set at the margin', 72, 96],
  ])(
    'marker %s: its wrapped lines under its words run on, and an indented paragraph after it is its own',
    async (_, x0, x1) => {
      const runs = [...lay(item, x0, x1, 700), ...lay(heading, x0, x1, 560), ...lay(after, 96, 72, 480)];
      const report = await extractSpec({ pages: [{ runs }] });
      const texts = report.paragraphs.map((p) => p.text);
      expect(texts).toContain(heading);
      expect(texts.join('|')).toContain('临时救助1046人次，发放临时救助金约126万元');
      expect(report.sections.map((s) => s.title)).toEqual([
        '深入推进医疗救助与基本医疗保险大病保险三重制度综合保障衔接工作',
      ]);
      expect(report.facts.map((f) => `${f.value}${f.unit}`)).toEqual(
        expect.arrayContaining(['2856.7万元', '3215户', '5862人', '1046人次', '126万元', '1.3万人次']),
      );
      expect(bodyText(report)).toContain(after);
    },
  );
});

describe('a report bound into a collection (汇编) with margins of its own', () => {
  const size = 16;
  /** Lines laid from x0 (the first) and x1 (the rest) to `right`, a figure never cut: it goes whole to the next line. */
  const lay = (text: string, x0: number, x1: number, right: number, y: number) => {
    const runs: { text: string; x: number; y: number; size: number }[] = [];
    const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? size / 2 : size), 0);
    let [line, x] = ['', x0];
    for (const token of text.match(/[0-9.,]+|./gu) ?? []) {
      if (x + width(line + token) > right) {
        runs.push({ text: line, x, y, size });
        [line, x, y] = ['', x1, y - 28];
      }
      line += token;
    }
    runs.push({ text: line, x, y, size });
    return { runs, y: y - 28 };
  };
  const page = (paras: string[], right: number) => {
    let y = 760;
    const runs: { text: string; x: number; y: number; size: number }[] = [];
    for (const p of paras) {
      const laid = lay(p, 122, 90, right, y);
      runs.push(...laid.runs);
      y = laid.y - 8;
    }
    return { runs };
  };
  const own = [
    '2021年西安市高龄老人生活保健补贴资金项目支出绩效评价综合得分83.06分。根据评价结果级别划分标准，评价结果为“良”。',
    '为深入贯彻落实《中共中央国务院关于全面实施预算绩效管理的意见》，进一步提高财政资金使用效益，本年度对补贴项目开展了重点绩效评价，项目资金支出总额为59168.23万元。',
  ];

  test.each([
    ['20 points in', 505],
    ['60 points in', 465],
  ])('its lines run on at its own right edge (%s)', async (_, right) => {
    const doc = Array.from({ length: 4 }, () => page([`${filler}${filler}${filler}`, `${filler}${filler}`], 526));
    const report = await extractSpec({ pages: [...doc, page(own, right), page(own, right)] });
    const body = bodyText(report).map(noSpaceNextToHan);
    for (const p of own) expect(body.filter((b) => b === p)).toHaveLength(2);
    // the score keeps the subject its first line gave it, not the second line's 效评价综合得分
    const score = report.facts.filter((f) => f.value === 83.06);
    expect(score).toHaveLength(2);
    for (const f of score) expect(f.label).toMatch(/高龄老人生活保健补贴资金项目支出绩效评价综合得分$/);
  });

  test('a page of short items ending alike is not read as a narrow report: its items stay apart', async () => {
    const doc = Array.from({ length: 3 }, () => page([`${filler}${filler}${filler}`], 526));
    const items = ['加强预算编制管理工作', '规范资金使用审批流程', '完善绩效目标管理制度', '健全内部监督检查机制'];
    const runs = items.map((text, i) => ({ text, x: 90, y: 700 - 28 * i, size }));
    const report = await extractSpec({ pages: [...doc, { runs }] });
    for (const item of items) expect(bodyText(report)).toContain(item);
  });
});

describe('an annex number atop a cover', () => {
  test.each([
    ['the title larger (typed)', 15, 20],
    ['one size for both (a scan’s boxes)', 18.9, 18.9],
  ])('附件 5 stays a line of its own over the title, %s', async (_, annexSize, titleSize) => {
    const runs = [
      { text: '附件5', x: 116, y: 726, size: annexSize },
      { text: '2023年度岳阳市岳阳楼区市场监督管理局整体支', x: 87, y: 695, size: titleSize },
      { text: '出绩效自评报告', x: 233, y: 664, size: titleSize },
      { text: filler, x: 116, y: 600, size: 15 },
    ];
    const report = await extractSpec({ pages: [{ runs }, { runs: [{ text: filler, x: 90, y: 700, size: 15 }] }] });
    const texts = report.paragraphs.map((p) => p.text.replace(/\s+/g, ''));
    expect(texts).toContain('附件5');
    expect(texts).toContain('2023年度岳阳市岳阳楼区市场监督管理局整体支出绩效自评报告');
    expect(report.facts.filter((f) => f.kind === 'date' && f.page === 1).map((f) => f.value)).toContain('2023');
  });
});
