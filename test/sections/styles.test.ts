// Heading styles of published reports beyond the plain 一、/（一） layout:
// 第一部分：标题 above 一、, 第一章, a 一、 right after the preamble, centred and
// bold titles, 1、产出指标 over run-in （1） indicators, markers spaced out by
// justification, and lists of statements numbered like headings. Each test
// builds its own document.
import { describe, expect, test } from 'vitest';
import type { ComposePara } from '../support/compose.ts';
import { bodyText, extractComposed, outline } from '../support/extract-made.ts';

const body = (text: string): ComposePara => ({ text });
const centred = (text: string, bold = true): ComposePara => ({ text, bold, indent: 0, align: 'center' });
const heading = (text: string, bold = true): ComposePara => ({ text, bold });
const filler = '本单位严格执行预算管理制度，资金使用规范，取得了较好的社会效益和经济效益，达到了预期目标。';

describe('heading styles', () => {
  test('第一部分 with a colon, a space or an ideographic space, centred above 一、, heads the tree', async () => {
    const report = await extractComposed([
      centred('2023年度某某县民政局部门整体支出绩效自评报告', true),
      body(`根据预算绩效管理工作要求，现将自评情况报告如下。`),
      centred('第一部分：部门概况'),
      heading('一、部门基本情况'),
      body(filler),
      heading('二、机构设置及人员情况'),
      body(filler),
      centred('第二部分 部门整体支出及绩效情况'),
      heading('一、整体支出规模及结构'),
      body(filler),
      centred('第三部分　问题、措施及自评结果'),
      heading('一、存在的问题'),
      body(filler),
    ]);
    expect(outline(report)).toEqual([
      '第一部分部门概况',
      '  一、部门基本情况',
      '  二、机构设置及人员情况',
      '第二部分部门整体支出及绩效情况',
      '  一、整体支出规模及结构',
      '第三部分问题、措施及自评结果',
      '  一、存在的问题',
    ]);
    // The colon belongs to the marker: the title is the words after it.
    expect(report.sections[0]).toMatchObject({ marker: '第一部分', ordinal: 1, title: '部门概况', level: 1 });
    expect(report.findings.filter((f) => f.rule === 'heading-sequence')).toEqual([]);
  });

  test('第一章 … 第二章 stand above 一、 as 第一部分 does', async () => {
    const report = await extractComposed([
      centred('第一章 项目基本情况'),
      heading('一、项目概况'),
      body(filler),
      centred('第二章 项目绩效情况'),
      heading('一、产出情况'),
      body(filler),
    ]);
    expect(outline(report)).toEqual(['第一章项目基本情况', '  一、项目概况', '第二章项目绩效情况', '  一、产出情况']);
  });

  test('a 一、 flush with the margin right after a preamble that ends in a colon is a heading, not the end of the preamble', async () => {
    // No first-line indents (a common Word style): the preamble's 64 characters fill two lines of 32 to the right margin.
    const preamble =
      '根据县财政局关于开展二〇二三年度部门整体支出绩效自评工作的通知要求，我局对本部门整体支出情况开展绩效自评，现将有关情况报告如下：';
    const report = await extractComposed(
      [
        { text: preamble, indent: 0 },
        { text: '一、部门基本情况', indent: 0, bold: true },
        { text: filler, indent: 0 },
        { text: '二、部门整体支出绩效情况', indent: 0, bold: true },
        { text: filler, indent: 0 },
      ],
      { right: 72 + 32 * 12 },
    );
    expect(outline(report)).toEqual(['一、部门基本情况', '二、部门整体支出绩效情况']);
    expect(bodyText(report)[0]).toBe(preamble);
  });

  test('a centred heading over a body line that opens with a number is two paragraphs', async () => {
    const report = await extractComposed([
      // Centred, the line leaves less than 8 ems at the right — room a word like "2023" would have fitted in.
      centred('一、一般公共预算财政拨款基本支出决算情况说明'),
      { text: '2023 年度本年支出合计 1,148.74 万元，比上年减少 38.36 万元，下降 3.2%。', indent: 0 },
      centred('二、支出决算情况说明'),
      { text: '本年支出合计中，基本支出 334.65 万元，占 29.13%。', indent: 0 },
    ]);
    expect(outline(report)).toEqual(['一、一般公共预算财政拨款基本支出决算情况说明', '二、支出决算情况说明']);
    expect(bodyText(report)[0]).toMatch(/^2023 年度本年支出合计/);
  });

  test('1、产出指标 standing alone over run-in （1） indicators is a heading; so is the single indicator under 效益指标', async () => {
    const report = await extractComposed([
      heading('三、绩效目标实现情况'),
      heading('1、产出指标'),
      body('（1）补贴性职业技能培训人次：实际完成 12331 人次，完成年度目标。'),
      body('（2）培训后取得证书人数：全年实际完成 8705 人，年度指标值为 7400 人以上，完成年度目标。'),
      body('（3）培训合格率：实际完成 98.9%，年度指标值为不低于 95%，完成年度目标。'),
      heading('2、效益指标'),
      body('（1）劳动者就业能力：年度目标为有效提升，实际有效提升。'),
      heading('3、满意度指标'),
      body('（1）参训人员满意度：完成值为 87.5%，未完成年度目标。'),
      heading('四、存在的主要问题'),
      body('1、绩效运行监控以事后统计为主，对执行偏差的纠偏不够及时。'),
      body(
        '2、预算编制与实际需求衔接不够紧密，年中追加和调整事项较多，部分项目年初预算到位率偏低，影响了资金使用效益。',
      ),
    ]);
    expect(outline(report)).toEqual([
      '三、绩效目标实现情况',
      '  1、产出指标',
      '    （1）补贴性职业技能培训人次',
      '    （2）培训后取得证书人数',
      '    （3）培训合格率',
      '  2、效益指标',
      '    （1）劳动者就业能力',
      '  3、满意度指标',
      '    （1）参训人员满意度',
      '四、存在的主要问题',
    ]);
    // The problems stay body text, the short one as much as the long one.
    expect(
      bodyText(report)
        .slice(-2)
        .map((t) => t.slice(0, 2)),
    ).toEqual(['1、', '2、']);
    // The indicators' figures are facts of their own sections.
    const fact = report.facts.find((f) => f.value === 12331);
    expect(report.sections.find((s) => s.id === fact?.sectionId)?.title).toBe('补贴性职业技能培训人次');
  });

  test('a lone run-in indicator under 效益指标 follows the style the report set under 产出指标 (1．… with （一） above)', async () => {
    const report = await extractComposed([
      heading('（一）产出指标'),
      body('1．医疗救助人次。实际完成 23144 人次，完成年度目标。'),
      body('2．资助参保人数。实际完成 12526 人，完成年度目标。'),
      heading('（二）效益指标'),
      body('1．困难群众医疗负担。年度目标为有效减轻，实际有效减轻。'),
      heading('（三）满意度指标'),
      body('1．救助对象满意度。完成值为 97.5%，完成年度目标。'),
    ]);
    expect(outline(report)).toEqual([
      '（一）产出指标',
      '  1．医疗救助人次',
      '  2．资助参保人数',
      '（二）效益指标',
      '  1．困难群众医疗负担',
      '（三）满意度指标',
      '  1．救助对象满意度',
    ]);
  });

  test('a lone numbered item is not a heading where the report never writes run-in headings of its family', async () => {
    const report = await extractComposed([
      heading('一、下一步工作计划'),
      body(`1、加强项目全过程管理。${filler}`),
      heading('二、自评结论'),
      body(filler),
    ]);
    expect(outline(report)).toEqual(['一、下一步工作计划', '二、自评结论']);
  });

  test('markers spaced out by justification (（ 3 ）, 3 、, 6. 项 目 总 成 本) are read, and the title keeps no spaces', async () => {
    const report = await extractComposed([
      heading('（一）产出指标'),
      body('（1）改造老旧小区个数。完成值为 21 个，完成年度目标。'),
      body('（2）惠及居民户数。全年实际完成 5106 户，完成年度目标。'),
      body('（ 3 ）改造雨污管网长度。完成值为 3522 米，未完成年度目标。'),
      heading('（二）履职效能'),
      body('1、巩固基本医保参保。全年城乡居民医保参保 34.9 万余人。'),
      body('2、强化基金监管。开展定点医药机构现场检查 112 家次。'),
      body('3 、落实医疗救助。全年实施医疗救助 19699 人次。'),
      body('4. 项 目 总 成 本 。 全 年 实 际 完 成 3061.91 万 元 。'),
    ]);
    expect(outline(report)).toEqual([
      '（一）产出指标',
      '  （1）改造老旧小区个数',
      '  （2）惠及居民户数',
      '  （3）改造雨污管网长度',
      '（二）履职效能',
      '  1、巩固基本医保参保',
      '  2、强化基金监管',
      '  3、落实医疗救助',
      '  4.项目总成本',
    ]);
    expect(report.findings.filter((f) => f.rule === 'heading-sequence')).toEqual([]);
  });

  test('（一）（二）（三） problems one of which is a whole sentence too long for a title are a list, not headings', async () => {
    const report = await extractComposed([
      heading('三、存在的问题'),
      body('（一）资产管理信息更新不及时，部分资产使用效率不高。'),
      body('（二）部分绩效指标设置偏重产出数量，质量和效益指标细化量化不足，难以准确衡量资金使用效益和政策实施效果。'),
      body('（三）绩效运行监控以事后统计为主，对执行偏差的纠偏不够及时。'),
      heading('四、改进措施'),
      body('（一）强化预算编制。科学编制年度预算，提前谋划项目。'),
      body('（二）加强绩效监控。对偏离目标的项目及时预警、及时纠偏。'),
    ]);
    expect(outline(report)).toEqual(['三、存在的问题', '四、改进措施', '  （一）强化预算编制', '  （二）加强绩效监控']);
    // Nothing is "skipped": the list is not read as headings at all.
    expect(report.findings.filter((f) => f.rule === 'heading-sequence')).toEqual([]);
  });

  test('a first-level title written at length, without clauses, stays a heading and keeps its siblings', async () => {
    const long = '三、2022年度部门整体支出绩效目标完成情况及各项绩效指标的具体完成情况说明与偏差原因分析';
    const report = await extractComposed([
      heading('一、部门基本情况'),
      body(filler),
      heading('二、部门整体支出情况'),
      body(filler),
      heading(long),
      body(filler),
      heading('四、自评结论'),
      body(filler),
    ]);
    expect(outline(report)).toEqual(['一、部门基本情况', '二、部门整体支出情况', long, '四、自评结论']);
  });

  test('reports attached inside a document, each numbered from 一、, are sections of their own titles: nothing runs backwards', async () => {
    const title = (text: string): ComposePara => ({ text, size: 18, bold: true, indent: 0, align: 'center' });
    const report = await extractComposed([
      title('某某市卫生健康委员会2022年度部门决算'),
      centred('第一部分 部门决算情况说明'),
      heading('一、收入支出决算总体情况说明'),
      body(filler),
      heading('二、预算绩效情况说明'),
      body(filler),
      centred('第二部分 附件'),
      title('高龄老人生活保健补贴项目绩效评价报告'),
      body(filler),
      heading('一、基本情况'),
      body(filler),
      heading('二、评价结论'),
      body(filler),
      title('基本公共卫生服务项目补助资金绩效评价报告'),
      heading('一、基本情况'),
      body(filler),
      heading('二、评价结论'),
      body(filler),
      title('项目支出绩效自评表'),
      body(filler),
    ]);
    expect(outline(report)).toEqual([
      '第一部分部门决算情况说明',
      '  一、收入支出决算总体情况说明',
      '  二、预算绩效情况说明',
      '第二部分附件',
      '  高龄老人生活保健补贴项目绩效评价报告',
      '    一、基本情况',
      '    二、评价结论',
      '  基本公共卫生服务项目补助资金绩效评价报告',
      '    一、基本情况',
      '    二、评价结论',
    ]);
    expect(report.findings.filter((f) => f.rule === 'heading-sequence')).toEqual([]);
    expect(report.document.title).toBe('某某市卫生健康委员会2022年度部门决算');
  });

  test('a numbered heading over a page break: the footer between it and its body does not hide the body', async () => {
    // compose() sets 32 lines a page: the heading, 30 one-line paragraphs, then 1．资金使用情况 as the page's last line.
    const lines = Array.from({ length: 30 }, (_, i) => body(`第${i + 1}笔资金严格按照规定用途使用。`));
    const report = await extractComposed(
      [
        heading('二、项目资金使用及管理情况'),
        ...lines,
        heading('1．资金使用情况'),
        body(filler),
        heading('2．项目管理情况'),
        body(filler),
        heading('三、绩效自评结论'),
        body(filler),
      ],
      { footer: (n) => `第 ${n} 页` },
    );
    const first = report.paragraphs.find((p) => p.text.startsWith('1．资金使用情况'));
    expect(first?.page).toBe(1);
    expect(report.paragraphs.find((p) => p.text === filler)?.page).toBe(2);
    expect(outline(report)).toEqual([
      '二、项目资金使用及管理情况',
      '  1．资金使用情况',
      '  2．项目管理情况',
      '三、绩效自评结论',
    ]);
  });
});
