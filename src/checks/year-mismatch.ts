// The fiscal year named in one place contradicting another: a 2023 report whose
// self-evaluation table is titled 2022年度, whose self-score sentence speaks of
// 2022年度, whose budget sentence opens with 2024年, whose 决算表 part is
// headed 2024年度 — or a report dated before its year ends.
//
// A year is the report's own when the document says so (its title), or else
// the year most of its 年度 mentions name. Sentences that compare years
// (比上年, 较2022年, 同比, 增长 …) or span them (以来, 至) are not claims about
// the year of the report.
import { conceptOf } from '../vocab/concepts.ts';
import { locate, type Located } from './context.ts';
import { finding, pageRef } from './finding.ts';
import type { CheckInput, Draft, Rule } from './types.ts';

const YEAR = /((?:19|20)\d{2})\s*年(度)?/g;
const LEADING_YEAR = /^\s*((?:19|20)\d{2})\s*年度?(?!以来|同期|底|末|初|[0-9一二三四五六七八九十]+月)/;
/** What a year-of-report claim names right after the year. */
const OWN_YEAR_THING =
  /^\s*(?:年度)?[^，。；：:]{0,24}?(?:绩效自评(?:得分|结果|结论|等级|工作)?|自评(?:得分|结果|结论|等级)|整体支出绩效|项目支出绩效自评表|部门决算|决算表|决算情况|自评表|预算执行情况|年初预算数?|全年预算数?|调整后?预算数?|决算数|全年执行数|预算执行率)/;
const COMPARES =
  /上年(?!结转|结余|度?结转)|去年|前年|同比|环比|比(?:上|去|[0-9]{4})|较(?:上|去|[0-9]{4})|相比|以来|至(?:19|20)\d{2}|[—–~-](?:19|20)\d{2}|增长|下降|增加|减少|持平|连续|分别|规划|计划|预计|目标|下一年|下年度|来年/;

export const yearMismatch: Rule = {
  id: 'year-mismatch',
  severity: 'warning',
  description: 'the fiscal year named in one place contradicts another',
  descriptionZh: '一处所写的年度与另一处相矛盾',
  // A year named against another: after every rule over figures.
  precedence: 110,
  run(doc) {
    const year = doc.document.fiscalYear ?? prevailingYear(doc);
    if (year === null) return [];
    const drafts: Draft[] = [];
    // One finding per year and text, whichever part finds it first.
    const seen = new Set<string>();
    const push: Push = (d, key) => {
      if (seen.has(key)) return;
      seen.add(key);
      drafts.push(d);
    };
    titlesOfAnotherYear(doc, year, push);
    budgetSentencesOfAnotherYear(doc, year, push);
    ownResultsOfAnotherYear(doc, year, push);
    return [...drafts, ...datedBeforeTheYear(doc, year)];
  },
};

type Push = (d: Draft, key: string) => void;

/** 1. Titles: a self-evaluation table, a 决算 part or table heading of another year. */
function titlesOfAnotherYear(doc: CheckInput, year: number, push: Push): void {
  const titled: { text: string; page: number; where: string }[] = [
    ...doc.tables.filter((t) => t.title).map((t) => ({ text: t.title!, page: t.page, where: '表' })),
    ...doc.sections.map((s) => ({ text: s.title, page: s.page, where: '标题' })),
    ...doc.paragraphs
      .filter((p) => p.role === 'body' && p.text.length <= 40 && /自评表|决算表/.test(p.text))
      .map((p) => ({ text: p.text, page: p.page, where: '表' })),
  ];
  for (const t of titled) {
    if (!/自评表|评分表|决算表|决算情况|绩效自评|部门决算|整体支出绩效/.test(t.text) || COMPARES.test(t.text)) continue;
    // 2022年度…自评表, or the year alone in brackets: 自评表（2022年）. Not a year inside a name (（2021年医疗卫生机构能力提升补助资金）项目).
    const years = [...t.text.matchAll(YEAR)].filter(
      (m) =>
        m[2] || (/[（(]\s*$/.test(t.text.slice(0, m.index)) && /^\s*[）)]/.test(t.text.slice(m.index + m[0].length))),
    );
    if (years.length !== 1) continue;
    const y = Number(years[0]![1]);
    if (y === year) continue;
    const text = t.text.replace(/[.…·．]{3,}.*$/, '').trim();
    push(
      draft(
        year,
        y,
        t.page,
        `${t.where}“${text}”`,
        yearFacts(doc, y, (l) => l.paragraph.text.includes(text)),
      ),
      `${y}|${text.replace(/[\s。；！？]+/g, '')}`,
    );
  }
}

/** 2. Budget figures of the unit stated for another year in a sentence that opens with it. */
function budgetSentencesOfAnotherYear(doc: CheckInput, year: number, push: Push): void {
  for (const l of locate(doc)) {
    const concept = conceptOf(l.fact.kind, l.fact.label, { fallbackScope: 'total' });
    if (!concept || !/^(budget|project)\./.test(concept)) continue;
    const m = LEADING_YEAR.exec(l.sentence);
    if (!m || Number(m[1]) === year || COMPARES.test(l.sentence)) continue;
    push(
      draft(year, Number(m[1]), l.fact.page, `“${l.sentence.slice(0, 30)}…”的${l.fact.label}`, [l.fact.id]),
      `${m[1]}|${l.sentence.replace(/[\s。；！？]+/g, '')}`,
    );
  }
}

/** 3. Sentences about the year's own results or figures naming another year. */
function ownResultsOfAnotherYear(doc: CheckInput, year: number, push: Push): void {
  for (const p of doc.paragraphs) {
    if (p.role !== 'body') continue;
    let offset = 0;
    for (const sentence of p.text.split(/(?<=[。！？；])/)) {
      const [from, to] = [offset, (offset += sentence.length)];
      if (COMPARES.test(sentence)) continue;
      const years = [...sentence.matchAll(YEAR)];
      if (years.length !== 1) continue;
      const m = years[0]!;
      const y = Number(m[1]);
      if (y === year || Math.abs(y - year) > 3) continue;
      const after = sentence.slice(m.index + m[0].length);
      // A year inside brackets names something else: （2021年医疗卫生机构能力提升补助资金）.
      const opened = sentence.slice(0, m.index);
      if (opened.lastIndexOf('（') > opened.lastIndexOf('）') || opened.lastIndexOf('(') > opened.lastIndexOf(')'))
        continue;
      // …the title of another document: 根据《2022年度部门整体支出绩效自评报告》.
      if (opened.lastIndexOf('《') > opened.lastIndexOf('》') || opened.lastIndexOf('“') > opened.lastIndexOf('”'))
        continue;
      if (/^[0-9一二三四五六七八九十]+月/.test(after.trim())) continue; // a date
      if (!OWN_YEAR_THING.test(after)) continue;
      const here = yearFacts(doc, y, (l) => l.paragraph === p && l.numberAt >= from && l.numberAt < to);
      push(
        draft(year, y, p.page, `“${sentence.trim().slice(0, 40)}”`, here),
        `${y}|${sentence.replace(/[\s。；！？]+/g, '')}`,
      );
    }
  }
}

/** 4. A self-evaluation of a year cannot be dated within or before that year's start. */
function datedBeforeTheYear(doc: CheckInput, year: number): Draft[] {
  const date = doc.document.reportDate;
  if (!date || !(Number(date.slice(0, 4)) < year)) return [];
  // A date before the year itself began cannot be read two ways.
  return [
    finding(yearMismatch, {
      severity: 'error',
      message: `报告年度为 ${year} 年，报告日期却是 ${date}，早于该年度`,
      page: 1,
      factIds: doc.facts.filter((f) => f.kind === 'date' && f.value === date).map((f) => f.id),
      expected: year,
      actual: Number(date.slice(0, 4)),
    }),
  ];
}

function draft(year: number, y: number, page: number, where: string, factIds: string[] = []): Draft {
  return finding(yearMismatch, {
    message: `报告年度为 ${year} 年，但${pageRef(page)}${where}写的是 ${y} 年度`,
    factIds,
    page,
    expected: year,
    actual: y,
  });
}

/** The facts that state year y where `at` says: its date (2022年度) and figures of that year. */
function yearFacts(doc: CheckInput, y: number, at: (l: Located) => boolean): string[] {
  return locate(doc)
    .filter(
      (l) => at(l) && ((l.fact.kind === 'date' && String(l.fact.value).startsWith(String(y))) || l.fact.year === y),
    )
    .map((l) => l.fact.id);
}

/** Without a year in the title: the year that most 年度 mentions name, if clearly most. */
function prevailingYear(doc: CheckInput): number | null {
  const counts = new Map<number, number>();
  for (const p of doc.paragraphs)
    for (const m of p.text.matchAll(/((?:19|20)\d{2})\s*年度/g))
      counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || ranked[0]![1] < 3 || (ranked[1] && ranked[1][1] * 2 > ranked[0]![1])) return null;
  return ranked[0]![0];
}
