// A report in parts, as a word processor lays it out (LibreOffice, Noto CJK
// embedded, justified): fixtures/reports/dept-parts.html is the source — a 目录
// page with dotted leaders, centred 第一部分：/第二部分 /第三部分　 titles, a 一、
// after the preamble, 1、产出指标 over run-in （1） indicators, and problems and
// measures numbered like headings.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { extractFile } from '../../src/pipeline/extract.ts';
import { outline } from '../support/extract-made.ts';

const fixture = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/reports', name);

test('parts, indicators and a table of contents: the tree a reader sees, the contents kept apart, no heading finding', async () => {
  const r = await extractFile(fixture('dept-parts.pdf'));
  expect(outline(r)).toEqual([
    '第一部分部门概况',
    '  一、部门基本情况',
    '  二、机构设置及人员情况',
    '第二部分部门整体支出及绩效情况',
    '  一、整体支出规模及结构',
    '  二、部门整体支出绩效情况',
    '    1、产出指标',
    '      （1）城乡低保对象保障人数',
    '      （2）特困人员救助供养人数',
    '      （3）低保资金发放及时率',
    '    2、效益指标',
    '      （1）困难群众基本生活保障水平',
    '    3、满意度指标',
    '      （1）救助对象满意度',
    '第三部分问题、措施及自评结果',
    '  一、存在的问题',
    '  二、改进措施',
    '  三、自评结果',
  ]);
  // The 目录 page: its title and ten entries, role toc, in no section, giving no facts.
  const toc = r.paragraphs.filter((p) => p.role === 'toc');
  expect(toc).toHaveLength(11);
  expect(toc[0]!.text.replace(/\s+/g, '')).toBe('目录');
  expect(toc.every((p) => p.page === 1 && p.sectionId === null)).toBe(true);
  const tocIds = new Set(toc.map((p) => p.id));
  expect(r.facts.filter((f) => f.paragraphId !== null && tocIds.has(f.paragraphId))).toEqual([]);
  expect(r.findings.filter((f) => f.rule === 'heading-sequence')).toEqual([]);
  // An indicator's figures belong to the indicator's section.
  const people = r.facts.find((f) => f.value === 3126);
  expect(r.sections.find((s) => s.id === people?.sectionId)?.title).toBe('城乡低保对象保障人数');
  expect(r.document.title).toBe('某某县民政局2023年度部门整体支出绩效自评报告');
});
