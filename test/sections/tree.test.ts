import { describe, expect, test } from 'vitest';
import type { ComposePara } from '../support/compose.ts';
import { bodyText, extractComposed, outline } from '../support/extract-made.ts';

const body = (text: string): ComposePara => ({ text });
const heading = (text: string, bold = true): ComposePara => ({ text, bold });
const filler = '本单位严格执行预算管理制度，资金使用规范，取得了较好的社会效益和经济效益，达到了预期目标。';

describe('section tree', () => {
  test('levels follow the order in which the document nests its families, with half- and full-width parentheses', async () => {
    const report = await extractComposed([
      heading('第一部分 单位概况'),
      heading('一、部门职能'),
      body(filler),
      heading('(一) 主要职能'),
      body(filler),
      heading('（二）机构设置'),
      body(filler),
      heading('第二部分 绩效自评情况'),
      heading('一、预算执行情况'),
      body(filler),
    ]);
    expect(outline(report)).toEqual([
      '第一部分单位概况',
      '  一、部门职能',
      '    (一)主要职能',
      '    （二）机构设置',
      '第二部分绩效自评情况',
      '  一、预算执行情况',
    ]);
    expect(report.sections.map((s) => s.ordinal)).toEqual([1, 1, 1, 2, 2, 1]);
  });

  test('a document without （一） nests 1、 directly under 一、, and （1） under 1、', async () => {
    const report = await extractComposed([
      heading('一、项目概况'),
      heading('1. 项目基本情况'),
      body(filler),
      heading('（1）资金投入'),
      body(filler),
      heading('（2）资金管理'),
      body(filler),
      heading('2. 项目绩效目标'),
      body(filler),
      heading('二、绩效自评结论'),
      body(filler),
    ]);
    expect(outline(report)).toEqual([
      '一、项目概况',
      '  1.项目基本情况',
      '    （1）资金投入',
      '    （2）资金管理',
      '  2.项目绩效目标',
      '二、绩效自评结论',
    ]);
  });

  test('run-in headings: the title ends at the first 。 and the rest is body', async () => {
    const report = await extractComposed([
      heading('一、部门整体支出绩效情况'),
      body(`（一）支出预算执行情况。资金下达时本单位制定了实施方案，${filler}`),
      body(`（二）绩效目标完成情况：${filler}`),
    ]);
    expect(report.sections.map((s) => s.title)).toEqual([
      '部门整体支出绩效情况',
      '支出预算执行情况',
      '绩效目标完成情况',
    ]);
    expect(bodyText(report)).toEqual([`资金下达时本单位制定了实施方案，${filler}`, filler]);
    const headingParas = report.paragraphs.filter((p) => p.role === 'heading').map((p) => p.text);
    expect(headingParas).toContain('（一）支出预算执行情况。');
  });

  test('numbered duties are a list, not headings', async () => {
    const duties = [
      '1、负责市场综合监督管理，规范和维护市场秩序。',
      '2、负责市场主体统一登记注册。',
      '3、负责宏观质量管理。',
      '4、负责统一管理计量工作。',
    ];
    const report = await extractComposed([
      heading('一、单位基本情况'),
      heading('（一）单位职能职责'),
      ...duties.map(body),
      heading('（二）机构设置'),
      body(filler),
    ]);
    expect(outline(report)).toEqual(['一、单位基本情况', '  （一）单位职能职责', '  （二）机构设置']);
    expect(bodyText(report).slice(0, 4)).toEqual(duties);
  });

  test('a numbered line followed by its own paragraphs is a heading, and so are its run-in siblings', async () => {
    const report = await extractComposed([
      heading('（三）整体支出绩效情况'),
      body('1、精准发力，助推地方经济高速发展。'),
      body(`今年共新设市场主体 13967 家。${filler}`),
      body(`2、持续深化商事登记制度改革。${filler}`),
      body(`3、积极推动质量强区战略落实。${filler}`),
      heading('二、存在的问题'),
      body('1、基层财务人员业务能力有待提高。'),
      body('2、项目支付效益有待进一步加强。'),
    ]);
    expect(outline(report)).toEqual([
      '（三）整体支出绩效情况',
      '  1、精准发力，助推地方经济高速发展',
      '  2、持续深化商事登记制度改革',
      '  3、积极推动质量强区战略落实',
      '二、存在的问题',
    ]);
  });

  test('numbered results that state figures ("1、任务完成率 100%。…") stay body text', async () => {
    const report = await extractComposed([
      heading('（二）支出绩效目标完成情况。'),
      body(`1、任务完成率 100%。${filler}`),
      body(`2、成本节约率 0。${filler}`),
      body(`3、关于完成时间方面情况。${filler}`),
    ]);
    expect(outline(report)).toEqual(['（二）支出绩效目标完成情况']);
    expect(bodyText(report)).toHaveLength(3);
  });

  test('a heading set larger than the body counts even when numbered 1.', async () => {
    const report = await extractComposed([
      { text: '1. 项目概况', size: 16, indent: 0 },
      body(filler),
      { text: '2. 绩效目标', size: 16, indent: 0 },
      body(filler),
    ]);
    expect(outline(report)).toEqual(['1.项目概况', '2.绩效目标']);
  });

  test('anomalies stay as written: a repeated 二、 and a skipped （二）', async () => {
    const report = await extractComposed([
      heading('一、基本情况'),
      body(filler),
      heading('二、支出情况'),
      heading('（一）基本支出'),
      body(filler),
      heading('（三）项目支出'),
      body(filler),
      heading('二、绩效情况'),
      body(filler),
    ]);
    expect(outline(report)).toEqual([
      '一、基本情况',
      '二、支出情况',
      '  （一）基本支出',
      '  （三）项目支出',
      '二、绩效情况',
    ]);
    expect(report.sections.filter((s) => s.level === 1).map((s) => s.ordinal)).toEqual([1, 2, 2]);
  });

  test('"一是…" and sentences that begin with a year are not headings', async () => {
    const report = await extractComposed([
      body(`一是持续降低准入门槛。${filler}`),
      body(`2023年，${filler}`),
      body(`10.5万元用于设备购置。${filler}`),
    ]);
    expect(report.sections).toEqual([]);
  });
});
