// The reporting unit, from the strongest evidence a report gives: a cover
// field (预算单位：, 部门（单位）名称：, 编制单位：, 填报单位：, then 项目单位, then
// 预算主管部门：), its title (某某局2023年度…, 某市民政局（本级）单位预算), the
// bracketed name under its title, who signs it, a field line elsewhere (a
// table's 单位名称：某某局 单位：万元), a table's cover row (部门名称 | 某某局),
// the opening sentence of a self-evaluation, a running header. A note of which
// accounts the report covers (（本级）, （汇总）) is not part of the name.
import type { DocPara } from '../sections/types.ts';
import { mostCommonEntry } from '../util/stats.ts';
import {
  ABOUT_VERB,
  AGENCY,
  AFTER_TITLE_UNIT,
  DATE_LINE,
  FIELD_STOP,
  LEADING_YEAR,
  NOT_A_UNIT,
  ORG_END,
  RED_HEADER,
  SEAL_NOTE,
  SELF_EVALUATOR,
  SENTENCE_MARK,
  TITLE_WORDS,
  UNIT_FIELDS,
  UNIT_CODE,
  UNIT_QUALIFIER,
  UNITS_NOTE,
  UNITS_NOTE_END,
} from '../vocab/covers.ts';
import { squeezed, yearsIn } from './cover-text.ts';
import { FIELD_FORM, titleLike, type CoverLine } from './cover-lines.ts';
import { tableUnitFields, type CoverTable, type FieldValue } from './tables.ts';
import type { TitleLines } from './title.ts';

export interface OrganisationInput {
  paragraphs: DocPara[];
  lines: CoverLine[];
  title: TitleLines | null;
  tables: CoverTable[];
}

export function organisationOf({ paragraphs, lines, title, tables }: OrganisationInput): string | null {
  return (
    bestField(fieldsOf(lines.map((l) => l.text))) ??
    (title ? unitFromTitle(title.text) : null) ??
    (title ? nameLineBy(lines, title) : null) ??
    signature(paragraphs)?.org ??
    lastSigner(paragraphs) ??
    redHeaderUnit(lines) ??
    bestField(fieldsOf(fieldParagraphs(paragraphs))) ??
    bestField(tables.flatMap(tableUnitFields)) ??
    selfEvaluator(paragraphs) ??
    runningHeaderUnit(paragraphs)
  );
}

/**
 * A unit's name as a field or cell gives it: the seal note, blanks, a field
 * after it, a finance system's code ([101001]) and an accounts note (（本级）,
 * 本级, 及所属单位, 机关) cut off.
 */
export function cleanUnit(value: string): string | null {
  const text = squeezed(value)
    .replace(/^[（(]盖章[）)]/, '')
    .replace(UNIT_CODE, '');
  const stop = FIELD_STOP.exec(text);
  const named = (stop ? text.slice(0, stop.index) : text).replace(UNIT_QUALIFIER, '').replace(/[_＿]+/g, '');
  const bare = named.replace(UNITS_NOTE_END, '');
  const name = bare !== named && ORG_END.test(bare) ? bare : named;
  if (name.length < 2 || name.length > 40 || NOT_A_UNIT.test(name) || SENTENCE_MARK.test(name)) return null;
  return /[\u4e00-\u9fff]{2}/.test(name) ? name : null;
}

/**
 * A name a report carries outside its fields (by its title, atop a letter, in
 * its signature or opening, as a running header): a body's, unless it is an
 * agency that evaluates for others (AGENCY) — a firm signing an evaluation is
 * not the unit evaluated.
 */
function bodyName(text: string): string | null {
  const name = cleanUnit(text);
  return name && !AGENCY.test(name) ? name : null;
}

/**
 * The unit fields of cover lines, a field's value running on over the lines
 * that follow it until the next key (a long name wraps).
 */
function fieldsOf(texts: string[]): FieldValue[] {
  const out: FieldValue[] = [];
  let open: { rank: number; value: string } | null = null;
  const close = () => {
    const name = open ? cleanUnit(open.value) : null;
    if (open && name) out.push({ value: name, rank: open.rank });
    open = null;
  };
  for (const raw of texts) {
    const t = squeezed(raw);
    const key = FIELD_FORM.exec(t);
    if (!key) {
      // A wrapped value goes on; anything else ends it.
      if (open && wraps((open as { value: string }).value, t)) (open as { value: string }).value += t;
      else close();
      continue;
    }
    close();
    const rank = UNIT_FIELDS.find((f) => f.key.test(key[0].slice(0, -1).replace(SEAL_NOTE, '')))?.rank;
    if (rank !== undefined) open = { rank, value: t.slice(key[0].length) };
  }
  close();
  return out;
}

/** Short paragraphs anywhere that are fields (a table's 单位名称：某某局 单位：万元 line, a running header). */
function fieldParagraphs(paragraphs: DocPara[]): string[] {
  return paragraphs
    .filter((p) => (p.docRole === 'body' || p.docRole === 'header') && p.text.length <= 60)
    .map((p) => p.text)
    .filter((t) => FIELD_FORM.test(squeezed(t)));
}

/**
 * A value's next line goes on with it when the name is not complete yet and
 * the two make one (…监督管理委 / 员会), or is the value of a key left blank on
 * its line: never after a unit of measure (单位：万元).
 */
function wraps(value: string, next: string): boolean {
  // A key left blank on its line (填报单位（盖章）：) takes the body's name under it.
  if (value === '') return next.length >= 3 && next.length <= 30 && ORG_END.test(next) && !/[\d，。；]/.test(next);
  if (NOT_A_UNIT.test(value) || next.length === 0 || next.length > 20) return false;
  if (DATE_LINE.test(next) || SENTENCE_MARK.test(next) || !ORG_END.test(value + next)) return false;
  return !ORG_END.test(value) || next.length <= 4;
}

function bestField(fields: FieldValue[]): string | null {
  let best: FieldValue | null = null;
  for (const f of fields) if (!best || f.rank < best.rank) best = f;
  return best ? cleanUnit(best.value) : null;
}

/**
 * The unit a title names: the longest start (after a leading year) that ends
 * as a body's name does and is followed by a year, 关于, an accounts note or
 * the genre's words — 某某县教育局2022年度…, 2026年度某市民政局（本级）单位预算,
 * 某县教育局及所属单位2024年度…. In 某县财政局关于某县教育局2024年度…评价情况的
 * 报告 the report is about the unit after 关于; with none there (某县教育局关于
 * 报送2024年度…的报告), it is the one before. A name in brackets closing the
 * title (…自评报告（某县市场监督管理局）) is the unit too.
 */
export function unitFromTitle(title: string): string | null {
  const text = squeezed(title);
  const about = text.indexOf('关于');
  if (about < 0) return unitAtStart(text) ?? unitAtEnd(text);
  return unitAtStart(text.slice(about + 2).replace(ABOUT_VERB, '')) ?? unitAtStart(text.slice(0, about + 2));
}

function unitAtStart(text: string): string | null {
  const start = LEADING_YEAR.exec(text)?.[0].length ?? 0;
  let found: string | null = null;
  for (let end = start + 3; end < text.length; end++) {
    const name = text.slice(start, end);
    const after = text.slice(end).replace(UNITS_NOTE, '');
    if (ORG_END.test(name) && AFTER_TITLE_UNIT.test(after) && yearsIn(name).length === 0 && !name.includes('关于'))
      found = name;
  }
  return found ? cleanUnit(found) : null;
}

/** A body's name in brackets closing a title: 2024年度部门整体支出绩效自评报告（某县市场监督管理局）. */
function unitAtEnd(text: string): string | null {
  const name = /[（(]([^（）()]{3,30})[）)]$/.exec(text)?.[1];
  return name && ORG_END.test(name) && yearsIn(name).length === 0 && !TITLE_WORDS.test(name) ? bodyName(name) : null;
}

/**
 * A cover line right under or over the title that is only a body's name,
 * bracketed or not: （兰溪市司法局） under 2023年度…部门决算公开; 某某县人民政府办公室
 * set apart above 2023年度部门整体支出绩效自评报告.
 */
function nameLineBy(lines: CoverLine[], title: TitleLines): string | null {
  const page = lines[title.start]?.page;
  for (const at of [title.end, title.start - 1]) {
    const line = lines[at];
    if (!line || line.page !== page || !titleLike(line)) continue;
    const text = squeezed(line.text).replace(/^[（(]([^（）()]+)[）)]$/, '$1');
    if (text.length <= 30 && ORG_END.test(text) && !/\d/.test(text) && !TITLE_WORDS.test(text)) return bodyName(text);
  }
  return null;
}

/**
 * The red header atop a covering letter, its front's first line, names who issues it: 某县民政局文件.
 * A joint header (某县财政局某县教育局文件: two bodies of one place) names no one unit.
 */
function redHeaderUnit(lines: CoverLine[]): string | null {
  const name = lines[0] ? RED_HEADER.exec(squeezed(lines[0].text))?.[1] : null;
  if (!name || !ORG_END.test(name) || /\d/.test(name)) return null;
  for (let end = 3; end < name.length - 3; end++)
    if (ORG_END.test(name.slice(0, end)) && name.startsWith(name.slice(end, end + 2))) return null;
  return bodyName(name);
}

/**
 * The signature block: a short paragraph naming a public body right above a
 * paragraph that is only a date (before the appendices, so anywhere in the
 * document; the first such pair wins).
 */
export function signature(paragraphs: DocPara[]): { org: string | null; date: string } | null {
  for (let i = 1; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    // A date to the day signs a report; a month alone (二〇二六年三月) dates a cover.
    if (p.docRole !== 'body' || !DATE_LINE.test(squeezed(p.text)) || !/日$/.test(squeezed(p.text))) continue;
    return { org: signerAbove(paragraphs, i), date: p.text };
  }
  return null;
}

/** Signed at the very end with a month only (某县审计局 / 二〇二五年三月): the signer, no report date. */
function lastSigner(paragraphs: DocPara[]): string | null {
  for (let i = paragraphs.length - 1; i >= Math.max(1, paragraphs.length - 6); i--) {
    const p = paragraphs[i]!;
    if (p.docRole === 'body' && DATE_LINE.test(squeezed(p.text))) return signerAbove(paragraphs, i);
  }
  return null;
}

/** The short paragraph right above a date, when it is a body's name. */
function signerAbove(paragraphs: DocPara[], i: number): string | null {
  // A seal note after the name (某县林业局（盖章）) is where the seal goes, not part of it.
  const above = squeezed(paragraphs[i - 1]!.text).replace(SEAL_NOTE, '');
  const named = above.length >= 4 && above.length <= 40 && ORG_END.test(above) && !/[，。；：:]/.test(above);
  return named ? bodyName(above) : null;
}

/** 某县疾病预防控制中心对2022年度…开展了绩效自评; …由某县人社局负责组织实施: in the report's first paragraphs. */
function selfEvaluator(paragraphs: DocPara[]): string | null {
  const opening = paragraphs.filter((p) => p.docRole === 'body').slice(0, 8);
  for (const p of opening) {
    const text = squeezed(p.text);
    for (const re of SELF_EVALUATOR) {
      const name = re.exec(text)?.[1];
      const unit = name && ORG_END.test(name) && yearsIn(name).length === 0 ? bodyName(name) : null;
      if (unit) return unit;
    }
  }
  return null;
}

/** A running header that is a body's name, on most pages that have a header. */
function runningHeaderUnit(paragraphs: DocPara[]): string | null {
  const counts = new Map<string, number>();
  for (const p of paragraphs) {
    if (p.docRole !== 'header') continue;
    const t = squeezed(p.text);
    if (t.length >= 4 && t.length <= 40 && ORG_END.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const best = mostCommonEntry(counts);
  return best && best[1] >= 2 ? bodyName(best[0]) : null;
}
