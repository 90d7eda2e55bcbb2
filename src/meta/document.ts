// Document metadata from the cover and title: null where the report does not
// say, never guessed.
import type { DocumentMeta, ReportType } from '../schema/report.ts';
import type { DocPara } from '../sections/types.ts';
import { ABBREVIATIONS, AMBIGUOUS_PLACES, CITY_PLACES, PROVINCE } from '../vocab/organizations.ts';
import { isoDate } from '../util/dates.ts';
import { mostCommonEntry } from '../util/stats.ts';

/** A title names a performance or final-accounts report: 绩效自评报告, 自评情况的报告, 决算报告 … */
const REPORT_WORDS = /(绩效|自评|评价|决算)[^。，；]{0,20}报告|自评表|(?:部门|单位)决算(?:公开|说明)?$/;
const YEAR = /((?:19|20)\d{2})\s*年(?:度)?/;
/** A date alone, or after its key on a cover (报告日期：2022 年 2 月 27 日). */
const DATE =
  /^(?:(?:报告|填报|编制|评价|自评|完成)?日期[：:])?((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
/** Report types, most specific first: the title words that name each. */
const REPORT_TYPES: [RegExp, ReportType][] = [
  [/整体支出/, '整体支出'],
  // A project's report names the project or its funds: …项目绩效自评报告, …专项资金/经费, …补助资金绩效自评报告.
  [/项目支出|项目(?:绩效|自评|评价)|专项(?:资金|经费)|项目资金|(?:资金|经费)(?:项目)?(?:绩效|自评)/, '项目支出'],
  [/决算/, '决算'],
];
const ORG_LINE =
  /(?:部门|单位|部门（单位）|部门\(单位\)|项目单位|实施单位|报送单位|填报单位|编制单位)(?:名称)?\s*[：:]\s*(?:[（(]盖章[）)])?\s*(.+)$/;

export function readMetadata(paragraphs: DocPara[]): DocumentMeta {
  // The title: the first body paragraph before the first section that names a report.
  const front = paragraphs.slice(
    0,
    Math.max(
      1,
      paragraphs.findIndex((p) => p.sectionId !== null),
    ),
  );
  const titleText = findTitle(front);
  // Spaces next to Chinese are layout, not words: "2023 年度" is "2023年度".
  const title = titleText ? titleText.replace(/\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+/g, '') : null;

  let organization: string | null = null;
  for (const p of front) {
    const m = ORG_LINE.exec(p.text.replace(/\s+/g, ''));
    if (m && m[1] && m[1].length >= 2 && m[1].length <= 40) {
      // A cover's blanks and seal notes are not part of the name: 某某县水利局____（盖章）.
      organization = m[1].replace(/^[（(]盖章[）)]/, '').replace(/[_＿\s]+|[（(]盖章[）)]/g, '');
      break;
    }
  }
  if (!organization && title) organization = organizationFromTitle(title);
  // Else who signs it (the name over the date at the end) or the running header that names it on every page.
  const signed = signature(paragraphs);
  if (!organization && signed?.org) organization = signed.org;
  if (!organization) organization = runningHeaderOrg(paragraphs);

  const yearMatch = title ? YEAR.exec(title) : null;
  const fiscalYear = yearMatch ? Number(yearMatch[1]) : null;

  let reportType: ReportType | null = null;
  if (title) reportType = REPORT_TYPES.find(([re]) => re.test(title))?.[1] ?? '其他';

  // The report's date: a paragraph that is only a date, on the cover or under the signature.
  let reportDate: string | null = null;
  const dated = [...front, ...paragraphs.slice(-6)].find(
    (p) => p.role === 'body' && DATE.test(p.text.replace(/\s+/g, '')),
  );
  const dateText = dated?.text ?? signed?.date;
  if (dateText) {
    const [, y, mo, d] = DATE.exec(dateText.replace(/\s+/g, ''))!;
    reportDate = isoDate(Number(y), Number(mo), Number(d));
  }
  return { title, organization, organizationKey: organizationKey(organization), fiscalYear, reportType, reportDate };
}

/**
 * The title: the first front paragraph that names a report, or up to three
 * consecutive ones of one font size that do together (a centred title set
 * over several lines is often read as several paragraphs).
 */
function findTitle(front: DocPara[]): string | null {
  for (let i = 0; i < front.length; i++) {
    let text = '';
    for (let k = i; k < Math.min(front.length, i + 3); k++) {
      const p = front[k]!;
      if (p.role !== 'body' || Math.abs(p.size - front[i]!.size) > 0.5) break;
      text += p.text;
      if (text.length > 80) break;
      if (REPORT_WORDS.test(text)) return text;
    }
  }
  return null;
}

/** "2023年度岳阳市岳阳楼区市场监督管理局整体支出绩效自评报告" → the organisation between year and type. */
function organizationFromTitle(title: string): string | null {
  // "某某县财政局关于2023年度部门整体支出绩效自评情况的报告"
  const about = /^(.{2,30}?)关于/.exec(title);
  if (about && ORG_END.test(about[1]!)) return about[1]!;
  // "某某县教育局2022年度部门整体支出绩效自评报告": the organisation before the year.
  const before = /^(.{2,30}?)(?:19|20)\d{2}\s*年/.exec(title);
  if (before && ORG_END.test(before[1]!)) return before[1]!;
  const m =
    /^(?:(?:19|20)\d{2}\s*年度?)?(.+?)(?:部门)?(?:整体支出|项目支出|.{0,20}项目|决算)?(?:绩效)?(?:自评|评价)?报告$/.exec(
      title,
    );
  const org = m?.[1]?.trim();
  return org && org.length >= 2 && ORG_END.test(org) ? org : null;
}

/**
 * The signature block: a short paragraph naming a public body right above a
 * paragraph that is only a date (before the appendices, so anywhere in the
 * document; the first such pair wins).
 */
function signature(paragraphs: DocPara[]): { org: string | null; date: string } | null {
  for (let i = 1; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (p.role !== 'body' || !DATE.test(p.text.replace(/\s+/g, ''))) continue;
    const above = paragraphs[i - 1]!.text.replace(/\s+/g, '');
    const org =
      above.length >= 4 && above.length <= 40 && ORG_END.test(above) && !/[，。；：:]/.test(above) ? above : null;
    return { org, date: p.text };
  }
  return null;
}

/** A running header that is a body's name, on most pages that have a header. */
function runningHeaderOrg(paragraphs: DocPara[]): string | null {
  const counts = new Map<string, number>();
  for (const p of paragraphs) {
    if (p.role !== 'header') continue;
    const t = p.text.replace(/\s+/g, '');
    if (t.length >= 4 && t.length <= 40 && ORG_END.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const best = mostCommonEntry(counts);
  return best && best[1] >= 2 ? best[0] : null;
}

/** What the name of a public body ends with. */
const ORG_END = /(局|委|委员会|院|校|所|中心|办|办公室|厅|部|会|站|馆|政府|医院|学校|大学|队|社|处|室|街道|镇|乡)$/;

const CITY_OF = new Map(
  Object.entries(CITY_PLACES).flatMap(([city, places]) =>
    places.filter((p) => !AMBIGUOUS_PLACES.has(p)).map((p) => [p, city] as const),
  ),
);
const CITIES = Object.keys(CITY_PLACES);
const SHORT_FORMS = [...ABBREVIATIONS].sort((a, b) => b[0].length - a[0].length);

/**
 * One key for one unit however the report writes its name: 岳阳楼区市场监管局,
 * 岳阳市岳阳楼区市场监督管理局 and 湖南省岳阳市岳阳楼区市场监督管理局 are all
 * 岳阳市岳阳楼区市场监督管理局. Spaces and the (盖章) note go, a province before
 * its city goes, short forms are written out (src/vocab/organizations.ts), and a
 * county or district named without its city gets it when the name is
 * unambiguous. Nothing else changes, so two different units keep two keys.
 */
export function organizationKey(organization: string | null): string | null {
  if (!organization) return null;
  let key = organization
    .replace(/\s+/g, '')
    .replace(/[（(]盖章[）)]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
  key = key.replace(PROVINCE, '');
  for (const [short, full] of SHORT_FORMS) {
    const at = key.lastIndexOf(short);
    // Only the body's own name at the end is written out (市场监管局 → 市场监督管理局), not a word inside a longer one.
    if (at >= 0 && at + short.length === key.length && !key.endsWith(full)) {
      key = key.slice(0, at) + full;
      break;
    }
  }
  if (!CITIES.some((c) => key.startsWith(c))) {
    for (const [place, city] of CITY_OF) {
      if (key.startsWith(place) && key.length > place.length) {
        key = city + key;
        break;
      }
    }
  }
  return key;
}
