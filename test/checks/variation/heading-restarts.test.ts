// Heading numbers that start again by the genre's design — each 部分, each
// attached project sheet, each table a report appends with its own 一、二、 —
// give no finding (an info per restart on most real budgets before); a slip
// inside such a run is still found. Headings set on their own lines, and run
// in (一、项目概述。本项目…).
import type { Body } from './harness.ts';
import { heading, variations } from './harness.ts';

const TEXT = '本项目按照年度计划有序推进，各项工作均按时完成。';

/** Sections as [marker+title] lists: on their own lines with a paragraph under each, or run in. */
function layouts(clean: string[][], dirty: string[][], parts: string[] = []) {
  const own = (runs: string[][]): Body =>
    runs.flatMap((run, k) => [...(parts[k] ? [heading(parts[k]!)] : []), ...run.flatMap((h) => [heading(h), TEXT])]);
  const runIn = (runs: string[][]): Body =>
    runs.flatMap((run, k) => [...(parts[k] ? [heading(parts[k]!)] : []), ...run.map((h) => `${h}。${TEXT}`)]);
  return {
    headings: { clean: own(clean), dirty: own(dirty) },
    'run-in': { clean: runIn(clean), dirty: runIn(dirty) },
  };
}

const SHEET = ['一、项目概述', '二、立项依据', '三、绩效目标', '四、保障措施'];

variations('heading-sequence', [
  {
    name: 'each 部分 numbers from 一',
    severity: 'info',
    layouts: layouts(
      [
        ['一、主要职能', '二、机构设置'],
        ['一、收入支出决算总体情况', '二、收入决算情况', '三、支出决算情况'],
      ],
      [
        ['一、主要职能', '二、机构设置'],
        ['一、收入支出决算总体情况', '二、收入决算情况', '四、支出决算情况'],
      ],
      ['第一部分 部门概况', '第二部分 2023年度部门决算情况说明'],
    ),
  },
  {
    name: 'each attached project sheet numbers from 一 (its titles again)',
    severity: 'info',
    layouts: layouts(
      [['一、基本情况', '二、绩效目标完成情况', '三、存在的问题'], SHEET, SHEET],
      [
        ['一、基本情况', '二、绩效目标完成情况', '三、存在的问题'],
        SHEET,
        ['一、项目概述', '二、立项依据', '二、绩效目标'],
      ],
      ['', '附件1：办公楼维修改造项目绩效目标申报表', '附件2：食品安全抽检项目绩效目标申报表'],
    ),
  },
  {
    name: 'a table appended after the report with its own 一、二、',
    severity: 'info',
    layouts: layouts(
      [
        ['一、部门基本情况', '二、一般公共预算支出情况', '三、绩效目标情况', '四、其他重要事项'],
        ['一、项目名称及内容', '二、资金使用情况', '三、实施进度'],
      ],
      [
        ['一、部门基本情况', '二、一般公共预算支出情况', '三、绩效目标情况', '四、其他重要事项'],
        ['一、项目名称及内容', '三、资金使用情况', '四、实施进度'],
      ],
      ['', '2023年度重点项目支出情况表'],
    ),
  },
  {
    name: 'sheets without a heading between them, their numbering continued each time',
    severity: 'info',
    layouts: layouts(
      [
        ['一、项目概述', '二、立项依据', '三、绩效目标'],
        ['一、项目概述', '二、立项依据', '三、绩效目标'],
        ['一、项目概述', '二、立项依据', '三、绩效目标'],
      ],
      [
        ['一、项目概述', '二、立项依据', '三、绩效目标'],
        ['一、项目概述', '二、立项依据', '三、绩效目标'],
        ['一、项目概述', '三、立项依据', '四、绩效目标'],
      ],
    ),
  },
  {
    name: 'a lone 一 where 四 belongs is still a slip',
    severity: 'info',
    layouts: layouts(
      [['一、基本情况', '二、绩效目标', '三、自评结论', '四、存在的问题', '五、改进措施']],
      [['一、基本情况', '二、绩效目标', '三、自评结论', '一、存在的问题', '五、改进措施']],
    ),
  },
]);
