import { expect, test } from 'vitest';
import { extractComposed } from '../support/extract-made.ts';

const body = '本单位严格执行预算管理制度，资金使用规范，达到了预期目标。';

test('a project report: title over two lines, organisation from the title, date under the signature', async () => {
  const report = await extractComposed([
    { text: '2022年度某某县教育局', size: 18, align: 'center', indent: 0 },
    { text: '农村义务教育营养改善计划项目支出绩效自评报告', size: 18, align: 'center', indent: 0 },
    { text: '一、项目概况', bold: true },
    { text: body },
    { text: '某某县教育局', align: 'center', indent: 0 },
    { text: '2023 年 3 月 8 日', align: 'center', indent: 0 },
  ]);
  expect(report.document.title).toBe('2022年度某某县教育局农村义务教育营养改善计划项目支出绩效自评报告');
  expect(report.document.fiscalYear).toBe(2022);
  expect(report.document.reportType).toBe('项目支出');
  expect(report.document.reportDate).toBe('2023-03-08');
});

test('an organisation line on the cover wins over the title', async () => {
  const report = await extractComposed([
    { text: '2023年度部门整体支出绩效自评报告', size: 18, align: 'center', indent: 0 },
    { text: '部门（单位）名称：（盖章）某某市某某区卫生健康局' },
    { text: '一、部门概况', bold: true },
    { text: body },
  ]);
  expect(report.document.organization).toBe('某某市某某区卫生健康局');
  expect(report.document.reportType).toBe('整体支出');
});

test('nothing found is null, never guessed', async () => {
  const report = await extractComposed([{ text: '一、基本情况', bold: true }, { text: body }]);
  expect(report.document).toEqual({
    title: null,
    organization: null,
    organizationKey: null,
    fiscalYear: null,
    reportType: null,
    reportDate: null,
  });
});

test('an impossible date is not a date', async () => {
  const report = await extractComposed([
    { text: '2023年度某某局整体支出绩效自评报告', size: 18, align: 'center', indent: 0 },
    { text: '2024年2月30日', align: 'center', indent: 0 },
    { text: '一、基本情况', bold: true },
  ]);
  expect(report.document.reportDate).toBeNull();
  expect(report.document.organization).toBe('某某局');
});

test('a "关于…的报告" title: organisation before 关于, year and type from the title', async () => {
  const report = await extractComposed([
    { text: '某某县卫生健康局关于2022年度部门整体支出绩效自评情况的报告', size: 18, align: 'center', indent: 0 },
    { text: '一、部门概况', bold: true },
    { text: '本单位是县政府工作部门。' },
  ]);
  expect(report.document).toMatchObject({ organization: '某某县卫生健康局', fiscalYear: 2022, reportType: '整体支出' });
});

test('an organisation named before the year in the title', async () => {
  const report = await extractComposed([
    { text: '某某县教育局2022年度部门整体支出绩效自评报告', size: 18, align: 'center', indent: 0 },
    { text: '一、部门概况', bold: true },
    { text: body },
  ]);
  expect(report.document).toMatchObject({ organization: '某某县教育局', fiscalYear: 2022, reportType: '整体支出' });
  // A title that does not start with a body's name gives none.
  const other = await extractComposed([
    { text: '关于做好2022年度部门整体支出绩效自评的报告', size: 18, align: 'center', indent: 0 },
    { text: '一、部门概况', bold: true },
    { text: body },
  ]);
  expect(other.document.organization).toBeNull();
});

test('a cover blank and a seal note are not part of the organisation', async () => {
  const r = await extractComposed([
    { text: '2023年度部门整体支出绩效自评报告', size: 18, align: 'center', indent: 0 },
    { text: '填报单位：某某县水利局______（盖章）', indent: 0 },
    { text: '一、部门基本情况', indent: 0, bold: true },
    { text: '本部门编制数为20人。' },
  ]);
  expect(r.document.organization).toBe('某某县水利局');
});

test('a seal note in the key: 单位名称（盖章）：', async () => {
  const r = await extractComposed([
    { text: '2024年度部门整体支出绩效自评报告', size: 18, align: 'center', indent: 0 },
    { text: '单位名称（盖章）：某某县审计局', indent: 0 },
    { text: '一、部门基本情况', bold: true },
    { text: body },
  ]);
  expect(r.document).toMatchObject({ organization: '某某县审计局', fiscalYear: 2024, reportType: '整体支出' });
});

test("the unit's name set apart above the title, in a smaller size", async () => {
  const r = await extractComposed([
    { text: '某某县人民政府办公室', size: 14, align: 'center', indent: 0 },
    { text: '2023年度部门整体支出绩效自评报告', size: 20, align: 'center', indent: 0 },
    { text: '一、部门基本情况', bold: true },
    { text: body },
  ]);
  expect(r.document).toMatchObject({
    title: '2023年度部门整体支出绩效自评报告',
    organization: '某某县人民政府办公室',
    fiscalYear: 2023,
  });
});

test('a budget: 部门综合预算 is a 预算; of two years in a title, the one the budget is of', async () => {
  const r = await extractComposed([
    { text: '2026年某某县教育局2025年部门综合预算', size: 18, align: 'center', indent: 0 },
    { text: '一、部门主要职责', bold: true },
    { text: body },
  ]);
  expect(r.document).toMatchObject({ organization: '某某县教育局', fiscalYear: 2025, reportType: '预算' });
});

test("a project report whose title names no unit: the unit that carries out the project, from the report's opening", async () => {
  const r = await extractComposed([
    { text: '2023年度农村饮水安全巩固提升项目绩效自评报告', size: 18, align: 'center', indent: 0 },
    { text: '一、项目基本情况', bold: true },
    { text: '农村饮水安全巩固提升项目由某某县水利局负责组织实施，项目实施周期为2023年1月至12月。' },
  ]);
  expect(r.document).toMatchObject({ organization: '某某县水利局', fiscalYear: 2023, reportType: '项目支出' });
});

test('a month on a cover is no report date and no signature: the signed date at the end is', async () => {
  const r = await extractComposed([
    { text: '某某县财政局2024年度部门预算', size: 18, align: 'center', indent: 0 },
    { text: '二〇二四年一月', align: 'center', indent: 0 },
    { text: '一、部门主要职责', bold: true },
    { text: body },
    { text: '某某县财政局', align: 'center', indent: 0 },
    { text: '二〇二四年一月二十日', align: 'center', indent: 0 },
  ]);
  expect(r.document).toMatchObject({ fiscalYear: 2024, reportType: '预算', reportDate: '2024-01-20' });
});

const title = (text: string) => ({ text, size: 18, align: 'center' as const, indent: 0 });

test('a title with no year: the opening year of the report’s own kind, never a cited 通知’s, never one of two', async () => {
  const own = await extractComposed([
    title('某县司法局部门整体支出绩效自评报告'),
    { text: '根据《关于开展2025年度预算绩效自评工作的通知》要求，我局对2024年度部门整体支出开展了绩效自评。' },
    { text: '一、部门概况', bold: true },
    { text: body },
  ]);
  expect(own.document.fiscalYear).toBe(2024);
  const two = await extractComposed([
    title('某县司法局部门整体支出绩效自评报告'),
    { text: '根据关于开展2025年度绩效自评工作的通知要求，我局对2024年度部门整体支出开展了绩效自评。' },
    { text: '一、部门概况', bold: true },
    { text: body },
  ]);
  expect(two.document.fiscalYear).toBeNull();
});

test('a 预算 with no year in its title is not dated by the 决算 its opening cites', async () => {
  const report = await extractComposed([
    title('某县水利局部门预算'),
    { text: '本部门2024年决算支出2,100.00万元，主要用于水利工程建设。' },
    { text: '一、部门主要职责', bold: true },
    { text: body },
  ]);
  expect(report.document).toMatchObject({ reportType: '预算', fiscalYear: null, organization: '某县水利局' });
});

test('关于对某单位…: the unit evaluated, not the verb before it; a 文号 is no part of the title', async () => {
  const report = await extractComposed([
    title('某财绩〔2025〕12号'),
    title('某县财政局关于对某县教育局2024年度部门整体支出绩效评价情况的报告'),
    { text: '一、评价概况', bold: true },
    { text: body },
  ]);
  expect(report.document).toMatchObject({
    title: '某县财政局关于对某县教育局2024年度部门整体支出绩效评价情况的报告',
    organization: '某县教育局',
    fiscalYear: 2024,
    reportType: '整体支出',
  });
});

test('a red header names the unit that issues a letter; a joint header names none', async () => {
  const letter = (header: string) =>
    extractComposed([
      { text: header, size: 30, align: 'center', indent: 0 },
      title('关于报送2024年度部门整体支出绩效自评报告的报告'),
      { text: '县财政局：现将我局2024年度部门整体支出绩效自评报告报送如下。' },
      { text: '一、部门概况', bold: true },
      { text: body },
    ]);
  expect((await letter('某县民政局文件')).document.organization).toBe('某县民政局');
  expect((await letter('某县财政局某县民政局文件')).document.organization).toBeNull();
});

test('a bracketed note names neither the kind nor the year of a report; a note of only a year or a kind does', async () => {
  const meta = async (text: string) =>
    (await extractComposed([title(text), { text: '一、基本情况', bold: true }, { text: body }])).document;
  expect(await meta('某县水利局2025年部门预算（含2024年决算）')).toMatchObject({
    reportType: '预算',
    fiscalYear: 2025,
  });
  expect(await meta('2024年度衔接资金（含2023年结转）绩效自评报告')).toMatchObject({
    reportType: '项目支出',
    fiscalYear: 2024,
  });
  expect(await meta('某县水利局绩效自评报告（部门整体支出）（2024年度）')).toMatchObject({
    reportType: '整体支出',
    fiscalYear: 2024,
  });
});
