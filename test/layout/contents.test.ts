// Tables of contents (目录) and page furniture that sits where the usual rules
// do not look for it. Each test builds its own document.
import { describe, expect, test } from 'vitest';
import { compose, textWidth, type ComposePara } from '../support/compose.ts';
import { bodyText, extractComposed, extractSpec, outline } from '../support/extract-made.ts';

const body = (text: string): ComposePara => ({ text });
const centred = (text: string): ComposePara => ({ text, bold: true, indent: 0, align: 'center' });
const heading = (text: string): ComposePara => ({ text, bold: true });
const entry = (text: string, indent = 1): ComposePara => ({ text, indent });
const filler = '本单位严格执行预算管理制度，资金使用规范，取得了较好的社会效益和经济效益，达到了预期目标。';

/** The contents on a page of its own, then the report. */
const contentsThenReport = (contents: ComposePara[], report: ComposePara[]) =>
  extractSpec({ pages: [...compose(contents).pages, ...compose(report).pages] });
/** The STSong font of the made PDFs reads "…" back as "⋯". */
const ellipsis = (s: string) => s.replace(/⋯/g, '…');

describe('tables of contents', () => {
  test('a 目录 page with dotted leaders and page numbers gives no sections and no facts; its lines keep role toc', async () => {
    const contents = [
      centred('目录'),
      entry('第一部分：部门概况……………………3', 0),
      entry('一、主要职能…………………………3'),
      entry('二、部门决算单位构成………………3'),
      entry('第二部分：2023 年度部门决算情况说明………4', 0),
      entry('一、收入支出决算总体情况说明………4'),
      entry('二、“三公”经费支出决算情况说明……5'),
    ];
    const report = await contentsThenReport(contents, [
      centred('第一部分：部门概况'),
      heading('一、主要职能'),
      body(filler),
      heading('二、部门决算单位构成'),
      body(`纳入本部门决算编制范围的单位共 3 个。${filler}`),
      centred('第二部分：2023 年度部门决算情况说明'),
      heading('一、收入支出决算总体情况说明'),
      body(`2023 年度本年支出合计 1,386.99 万元，比上年减少 181.54 万元。${filler}`),
      heading('二、“三公”经费支出决算情况说明'),
      body(`2023 年度“三公”经费支出 8.18 万元。${filler}`),
    ]);
    expect(outline(report)).toEqual([
      '第一部分部门概况',
      '  一、主要职能',
      '  二、部门决算单位构成',
      '第二部分2023 年度部门决算情况说明',
      '  一、收入支出决算总体情况说明',
      '  二、“三公”经费支出决算情况说明',
    ]);
    expect(report.sections.every((s) => s.page === 2)).toBe(true);
    const toc = report.paragraphs.filter((p) => p.role === 'toc');
    expect(toc.map((p) => ellipsis(p.text))).toEqual(contents.map((c) => c.text));
    expect(toc.every((p) => p.sectionId === null)).toBe(true);
    expect(report.facts.filter((f) => f.page === 1)).toEqual([]);
    expect(report.findings.filter((f) => f.rule === 'heading-sequence')).toEqual([]);
  });

  test('a 目录 that lists the headings bare (no leaders, no page numbers) ends where the body takes up its first entry again', async () => {
    const contents = [
      centred('目录'),
      entry('第一部分 2025 年部门预算说明', 0),
      entry('一、部门基本概况'),
      entry('二、部门收支总体情况'),
      entry('三、预算绩效目标说明'),
      entry('第二部分 2025 年部门预算表', 0),
      entry('1、部门收支总表'),
      entry('2、项目支出绩效目标表'),
    ];
    const report = await extractComposed([
      ...contents,
      // The body starts on the same page, the part's title worded a little differently.
      centred('第一部分 部门预算公开说明'),
      heading('一、部门基本概况'),
      body(filler),
      heading('二、部门收支总体情况'),
      body('2025 年收入预算 12,345.67 万元。'),
      heading('三、预算绩效目标说明'),
      body(filler),
    ]);
    expect(outline(report)).toEqual([
      '第一部分部门预算公开说明',
      '  一、部门基本概况',
      '  二、部门收支总体情况',
      '  三、预算绩效目标说明',
    ]);
    expect(report.paragraphs.filter((p) => p.role === 'toc').map((p) => p.text)).toEqual(contents.map((c) => c.text));
  });

  test('a 目录 whose page numbers stand at the right margin with no leaders ends at its last entry, not at the body’s first heading', async () => {
    const entries: [string, number, number][] = [
      ['第一部分 部门概况', 0, 3],
      ['一、部门基本情况', 1, 3],
      ['二、部门整体支出情况', 1, 3],
      ['第二部分 部门整体支出绩效情况', 0, 4],
    ];
    const contents = compose([centred('目录')]);
    let y = 700;
    for (const [text, indent, page] of entries) {
      const x = 72 + indent * 24;
      contents.pages[0]!.runs.push({ text, x, y, size: 12 });
      // The tab to the number, as pdf.js gives it: a run of blanks across the gap (one line, not two columns).
      const end = x + textWidth(text, 12);
      contents.pages[0]!.runs.push({ text: ' '.repeat(Math.floor((515 - end) / 6)), x: end, y, size: 12 });
      contents.pages[0]!.runs.push({ text: String(page), x: 515, y, size: 12 });
      y -= 22;
    }
    const title = '某某县民政局2023年度部门整体支出绩效自评报告';
    // The body opens with its title and a preamble whose first line has no full stop: lines a bare list would take in.
    const preamble = `根据县财政局关于开展部门整体支出绩效自评工作的通知要求，我局对2023年度部门整体支出情况开展了绩效自评，现将有关情况报告如下：`;
    const report = await extractSpec({
      pages: [
        ...contents.pages,
        ...compose([
          // Set a little larger than the entries: not enough to end a bare list by its size.
          { text: title, size: 15, bold: true, indent: 0, align: 'center' },
          body(preamble),
          centred('第一部分 部门概况'),
          heading('一、部门基本情况'),
          body(filler),
          heading('二、部门整体支出情况'),
          body(filler),
          centred('第二部分 部门整体支出绩效情况'),
          body(filler),
        ]).pages,
      ],
    });
    expect(report.paragraphs.filter((p) => p.role === 'toc').map((p) => p.text)).toEqual([
      '目录',
      ...entries.map(([text, , page]) => `${text.replace(' ', '')} ${page}`),
    ]);
    expect(bodyText(report).slice(0, 2)).toEqual([title, preamble]);
    expect(outline(report)).toEqual([
      '第一部分部门概况',
      '  一、部门基本情况',
      '  二、部门整体支出情况',
      '第二部分部门整体支出绩效情况',
    ]);
  });

  test('entries with leaders but no 目录 title are a contents too; a lone dotted line is not', async () => {
    const contents = [
      entry('一、部门基本情况…………………2'),
      entry('二、部门整体支出情况……………3'),
      entry('三、存在的问题…………………5'),
    ];
    const report = await contentsThenReport(contents, [
      heading('一、部门基本情况'),
      body(filler),
      body('签字：…………'),
      heading('二、部门整体支出情况'),
      body(filler),
      heading('三、存在的问题'),
      body(filler),
    ]);
    expect(outline(report)).toEqual(['一、部门基本情况', '二、部门整体支出情况', '三、存在的问题']);
    expect(report.paragraphs.filter((p) => p.role === 'toc')).toHaveLength(3);
    expect(bodyText(report).map(ellipsis)).toContain('签字：…………');
  });
});

test("a cover's blanks (填报单位：______) are not a contents", async () => {
  const report = await extractComposed([
    centred('2023年度项目支出绩效自评报告'),
    entry('填报单位：某某县水利局________', 0),
    entry('联系人：__________', 0),
    entry('联系电话：__________', 0),
    heading('一、项目基本情况'),
    body(filler),
  ]);
  expect(report.paragraphs.filter((p) => p.role === 'toc')).toEqual([]);
  expect(bodyText(report)).toContain('填报单位：某某县水利局________');
});

describe('headings the margins would join', () => {
  test('a heading line that reaches the right margin does not take the next heading in (第三部分 over 一、)', async () => {
    const part = '第三部分：2023 年度部门决算表';
    // The right margin falls exactly where the part's title ends, as on a landscape page whose margins are read from few lines.
    const right = 72 + textWidth(part, 12);
    const report = await extractComposed(
      [
        { text: filler.repeat(2), indent: 0 },
        { text: part, indent: 0, bold: true },
        { text: '一、收入决算表', indent: 0, bold: true },
        { text: filler.repeat(2), indent: 0 },
      ],
      { right },
    );
    expect(outline(report)).toEqual(['第三部分2023 年度部门决算表', '  一、收入决算表']);
  });
});

describe('page furniture out of the usual places', () => {
  test('a small running header in a wide top margin is a header, not body text', async () => {
    const spec = compose(
      Array.from({ length: 40 }, (_, i) => body(`第${i + 1}段。${filler}`)),
      { top: 700 },
    );
    // 9 pt, 140 pt below the top edge: lower than an eighth of the page.
    for (const page of spec.pages)
      page.runs.push({ text: '某某县生态环境局 2023 年度部门决算', x: 220, y: 722, size: 9 });
    const report = await extractSpec(spec);
    expect(report.pages.length).toBeGreaterThan(2);
    expect(report.paragraphs.filter((p) => p.role === 'header')).toHaveLength(report.pages.length);
    expect(bodyText(report).join('')).not.toContain('某某县生态环境局');
  });

  test('the report’s title atop its first page of text, in the running header’s words but set large, is the title', async () => {
    const title = '某某县民政局2023年度部门整体支出绩效自评报告';
    const spec = compose([
      { text: title, size: 18, bold: true, indent: 0, align: 'center' },
      // One-line paragraphs that open differently (the first line of a page is no running header).
      ...Array.from({ length: 80 }, (_, i) => body(`${String.fromCharCode(0x5f00 + 3 * i)}项工作完成，资金使用规范。`)),
    ]);
    for (const page of spec.pages) page.runs.push({ text: title, x: 180, y: 805, size: 9 });
    const report = await extractSpec(spec);
    expect(report.pages.length).toBeGreaterThan(2);
    expect(report.paragraphs.filter((p) => p.role === 'header')).toHaveLength(report.pages.length);
    expect(bodyText(report)[0]).toBe(title);
  });

  test('a page number written as one ("— 4 —") right under the last line is a page number, and the paragraph runs on over the page', async () => {
    const text = `${filler.repeat(30)}`;
    const spec = compose([body(text)], { bottom: 60 });
    // Under a full page the footer sits closer to the text's last line than a line pitch, as when the bottom margin is tight.
    for (const [i, page] of spec.pages.entries()) {
      const lowest = Math.min(...page.runs.map((r) => r.y));
      page.runs.push({ text: `— ${i + 1} —`, x: 280, y: i < spec.pages.length - 1 ? lowest - 16 : 40, size: 12 });
    }
    const report = await extractSpec(spec);
    expect(report.pages.length).toBeGreaterThan(1);
    expect(report.paragraphs.filter((p) => p.role === 'page-number').map((p) => p.text)).toEqual(
      report.pages.map((p) => `— ${p.number} —`),
    );
    expect(bodyText(report)).toEqual([text]);
  });
});
