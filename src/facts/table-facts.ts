// Numeric table cells as facts. The label joins the row headers (the text
// cells left of the row's first number, or the nearest text cell left of the
// number in key | value | key | value rows) and the column headers (the
// header rows' cells above it, unit notes taken out) with LABEL_JOINER:
// "基本支出·全年预算数", "投入·预算执行·预算执行率·得分".
//
// The table's structure — which rows are header, the columns in force at a
// row, their paths and units — is the report's Table (tables/structure.ts);
// a number takes the unit written in its cell, else the one tables/units.ts
// gives its column and row (cellUnit), else, in a target or actual column,
// its row's unit column or target. A number with no unit found is not a
// fact: a number read wrong is worse than one not read.
import type { BBox, Column, Fact, Table } from '../schema/report.ts';
import { joinDistinct, LABEL_JOINER } from '../tables/headers.ts';
import { columnsAt, pageOfRow } from '../tables/reading.ts';
import { isOrdinalCell, isOrdinalHeader } from '../tables/roles.ts';
import { cellUnit, isTargetOrActual, isValueColumn, stripUnits } from '../tables/units.ts';
import {
  conceptOf,
  finalTableConcept,
  isTableSelfScore,
  statesUnitFigure,
  UNIT_WIDE,
  type ConceptContext,
} from '../vocab/concepts.ts';
import {
  ACTUAL_HEADER,
  ADJUSTED_HEADER,
  ADJUSTMENT_HEADER,
  COMPARATOR_COLUMN,
  PROSE_COLUMN,
  TARGET_HEADER,
  UNIT_COLUMN,
} from '../vocab/table-columns.ts';
import { unitDef } from '../vocab/units.ts';
import { readCellNumber, type CellNumber } from '../text/cell-number.ts';
import { boundBefore, type Comparator } from '../vocab/bounds.ts';
import { labelFor } from './labels.ts';
import { quoteAround } from './quote.ts';
import { labelYear } from './year.ts';
import { roundTo } from '../text/numbers.ts';
import { toHalfWidth } from '../text/width.ts';
import { recogniseFacts } from './recognise.ts';

export { LABEL_JOINER } from '../tables/headers.ts';

/** A row name's list marker or 其中 (一、基本支出, 1.人员经费, 其中：公用经费) is not part of the name. */
const ROW_PREFIX = /^(?:[（(]?[0-9一二三四五六七八九十]{1,3}[)）、.．]\s*|[①-⑳]\s*)?(?:其中\s*[：:]?\s*)?/;
/** A list ordinal in a row's first cell (1、 （一） 2.) is not part of the row's name. */
const ORDINAL = /^(?:[（(]?[0-9一二三四五六七八九十]{1,3}[)）、.．]?|[①-⑳])$/;
const PROJECT_TABLE = /项目(?:支出)?(?:绩效)?(?:自评|评价|目标)/;

/**
 * The facts of a table's cells, each naming its cell. The table's structure
 * (header rows, segments, column paths and units) is the report's, decided in
 * tables/; `boxes` (each cell's box, null where a merged cell covers it) give
 * the facts their boxes and read a merged cell once.
 */
export function tableFacts(
  table: Table,
  sectionId: string | null,
  concepts: ConceptContext = {},
  boxes: (BBox | null)[][] | null = null,
): Fact[] {
  // A project's table (项目名称 | …, …项目支出绩效自评表) in a report of the whole unit holds that
  // project's figures: no unit-wide concept, and none of project.* either (the report is not the project's).
  const project = table.project;
  const ownFigures = concepts.projectReport || (project === null && !PROJECT_TABLE.test(table.title ?? ''));
  const subject = `${table.title ?? table.id}${project ? `（${project}）` : ''}`;
  const at: TableAt = { table, boxes, sectionId, concepts, ownFigures, subject };
  const facts: Fact[] = [];
  table.rows.forEach((_, r) => {
    const role = table.rowRoles[r];
    if (r < table.headerRows || role === 'header' || role === 'cover') return;
    facts.push(...rowFacts(at, r, columnsAt(table, r)));
  });
  return facts;
}

/** What every fact of one table shares. */
interface TableAt {
  table: Table;
  boxes: (BBox | null)[][] | null;
  sectionId: string | null;
  concepts: ConceptContext;
  /** the figures are the reporting unit's own (not one project's in a unit's report): concepts apply */
  ownFigures: boolean;
  /** the table's name in a quote: its title, and the project it is about */
  subject: string;
}

/** One row's cells: `columns` are the columns in force at it (the top header's or its segment's). */
interface RowAt {
  row: string[];
  r: number;
  columns: Column[];
  numbers: (CellNumber | null)[];
  /** the first column with a number that is a quantity (not an ordinal); -1 if none */
  firstNumber: number;
}

/** Column c's header, its distinct cells joined: 预算执行情况（万元）·年初预算数. */
const headerOf = (columns: Column[], c: number) => (columns[c]?.path ?? []).join(LABEL_JOINER);

/** The facts of row r: a number cell is one fact; a text cell's prose may hold some of its own. */
function rowFacts(at: TableAt, r: number, columns: Column[]): Fact[] {
  const row = at.table.rows[r]!;
  const numbers = row.map((cell) => readCellNumber(cell));
  const firstNumber = numbers.findIndex((n, c) => n !== null && !ordinalColumn(columns, row, c));
  const facts: Fact[] = [];
  const page = pageOfRow(at.table, r);
  row.forEach((cell, c) => {
    const n = numbers[c];
    const box = at.boxes ? at.boxes[r]?.[c] : undefined;
    if (box === null) return; // a merged cell is read once, at its top-left cell
    const where = { page, bbox: box ?? null, cell: { table: at.table.id, row: r, col: c } };
    if (!n) {
      // Prose in a cell (绩效目标 "汇聚数据量不低于10亿条…", 指标 "年度指标值:≥20场") holds facts of its own.
      const names = row
        .slice(0, firstNumber < 0 ? c : Math.min(firstNumber, c))
        .filter((x, i) => numbers[i] === null && x.trim() !== '' && x.length <= 40 && !ORDINAL.test(x.trim()));
      const rowName = stripUnits(joinDistinct(names)).split(LABEL_JOINER).pop() ?? '';
      const { table, sectionId, subject, concepts } = at;
      facts.push(
        ...proseFacts(cell, `${table.id}.r${r + 1}c${c + 1}`, rowName, {
          ...where,
          sectionId,
          subject,
          fiscalYear: concepts.fiscalYear ?? null,
        }),
      );
      return;
    }
    const fact = cellFact(at, { row, r, columns, numbers, firstNumber }, c, n, where);
    if (fact) facts.push(fact);
  });
  return facts;
}

/** Where a fact of a cell stands: its page, box and cell. */
interface CellAt {
  page: number;
  bbox: BBox | null;
  cell: NonNullable<Fact['cell']>;
}

/** The fact of the number in column c, or null when it has no unit, no label, or is an ordinal. */
function cellFact(
  at: TableAt,
  { row, r, columns, numbers, firstNumber }: RowAt,
  c: number,
  n: CellNumber,
  where: CellAt,
): Fact | null {
  const colHeader = headerOf(columns, c);
  if (ordinalColumn(columns, row, c)) return null;
  const rowHeader = rowHeaderOf(row, numbers, c, firstNumber, (i) => {
    const name = stripUnits(headerOf(columns, i));
    const last = name.split(LABEL_JOINER).pop() ?? '';
    return (
      isValueColumn(columns[i]?.path ?? []) ||
      PROSE_COLUMN.test(last) ||
      COMPARATOR_COLUMN.test(headerOf(columns, i)) ||
      UNIT_COLUMN.test(last)
    );
  });
  // A target or actual value (指标值, 完成值) is not money because the table's unit line says 万元:
  // its unit is in the cell, in a unit column of its row (绩效度量单位 | 册), or in its row's target.
  const column = columns[c] ?? { path: [], unit: null };
  const valueCell = isTargetOrActual(column.path);
  const written = n.unit ?? cellUnit(column, rowHeader);
  const def = written
    ? (unitDef(written) ?? null)
    : valueCell
      ? (unitColumnOf(row, columns) ?? targetUnit(row, columns, c))
      : null;
  if (!def) return null;
  const comparator = n.comparator ?? (valueCell ? comparatorColumnOf(row, columns) : null);
  const { rowName, colName, label } = labelOf(rowHeader, colHeader);
  if (label === '') return null;
  const { table, sectionId, concepts, subject } = at;
  return {
    id: `${table.id}.r${r + 1}c${c + 1}`,
    sectionId,
    paragraphId: null,
    page: where.page,
    kind: def.kind,
    value: n.value,
    unit: def.unit,
    normalized: { value: roundTo(n.value * def.factor, n.decimals + 6), unit: def.base },
    decimals: n.decimals,
    upper: null,
    label,
    concept:
      at.ownFigures && !isAdjustment(columns, c)
        ? tableConcept(table.title, def.kind, { rowName, colName, before: row.slice(0, c) }, concepts)
        : null,
    year: labelYear(label, concepts.fiscalYear),
    approximate: n.approximate || comparator !== null,
    comparator,
    change: false,
    quote: `${subject}：${label} ${row[c]!}`,
    bbox: where.bbox,
    cell: where.cell,
  };
}

/** An adjustment column (调整预算数②) beside the year's budget (全年预算数③=①+②): a change, no budget's concept. */
function isAdjustment(columns: Column[], c: number): boolean {
  const last = (k: number) => stripUnits(headerOf(columns, k)).split(LABEL_JOINER).pop() ?? '';
  return ADJUSTMENT_HEADER.test(last(c)) && columns.some((_, k) => k !== c && ADJUSTED_HEADER.test(last(k)));
}

/** A number's label: its row's name and its column's, unit notes, list markers and 其中 taken out. */
function labelOf(rowHeader: string, colHeader: string): { rowName: string; colName: string; label: string } {
  // 其中： over a header's parts says they are parts; it names nothing.
  const colName = stripUnits(colHeader)
    .split(LABEL_JOINER)
    .filter((h) => !/^其中\s*[：:]?$/.test(h))
    .join(LABEL_JOINER);
  const rowName = stripUnits(rowHeader)
    .split(LABEL_JOINER)
    .map((h) => h.replace(ROW_PREFIX, ''))
    .join(LABEL_JOINER);
  return { rowName, colName, label: [rowName, colName].filter(Boolean).join(LABEL_JOINER) };
}

/**
 * The concept of a table figure, read from a scoped label: row scope + measure
 * (基本支出 + 年初预算数). A concept of the unit as a whole comes only from a row
 * that states the unit's own figure (合计, 基本支出 …), never from an item row
 * (a 科目 under a 人员经费 column is not the unit's 人员经费).
 */
function tableConcept(
  title: string | null,
  kind: Fact['kind'],
  cell: { rowName: string; colName: string; before: string[] },
  concepts: ConceptContext,
): Fact['concept'] {
  // The innermost header, without notes in brackets: 项目支出（含结转） → 项目支出.
  const lastOf = (s: string) => (s.split(LABEL_JOINER).pop() ?? '').replace(/[（(][^（）()]*[）)]/g, '');
  const [rowName, colName] = [lastOf(cell.rowName), lastOf(cell.colName)];
  if (kind === 'score' && isTableSelfScore(title, rowName, colName)) return 'evaluation.selfScore';
  const colPath = cell.colName.split(LABEL_JOINER).map((h) => h.replace(/[（(][^（）()]*[）)]/g, ''));
  const concept =
    finalTableConcept(kind, title, rowName, colPath, concepts) ?? conceptOf(kind, rowName + colName, concepts);
  return concept && UNIT_WIDE.test(concept) && !statesUnitFigure(rowName, cell.before) ? null : concept;
}

/**
 * The facts of a text cell read as prose, labelled by the row's name and the
 * clause before each number. They name no concept: a cell's prose is not
 * where a report states its totals.
 */
function proseFacts(
  cell: string,
  id: string,
  rowName: string,
  at: CellAt & { sectionId: string | null; subject: string; fiscalYear: number | null },
): Fact[] {
  if (!/[0-9０-９]/.test(cell) || cell.length < 4) return [];
  const raws = recogniseFacts(cell);
  const out: Fact[] = [];
  let previousEnd = -1;
  for (const raw of raws) {
    let clause = labelFor({ text: cell, fact: raw, previousEnd });
    // "会议活动保障次数；年度指标值:每年≥20场": a generic key names the item before it.
    if (GENERIC_KEY.test(clause)) {
      const { item, keyed } = itemBefore(cell, raw.numberStart);
      clause = keyed ? item : item + clause.replace(/^(?:每年|每月|每季度?)$/, '');
    }
    previousEnd = raw.end;
    if (raw.kind === 'date' || typeof raw.value !== 'number') continue;
    if (raw.kind === 'count' && raw.decimals > 0 && raw.normalized.value === raw.value) continue;
    out.push({
      id: `${id}.${out.length + 1}`,
      sectionId: at.sectionId,
      paragraphId: null,
      page: at.page,
      kind: raw.kind,
      value: raw.value,
      unit: raw.unit,
      normalized: raw.normalized,
      decimals: raw.decimals,
      upper: raw.rangeTo,
      label: [rowName, clause].filter(Boolean).join(LABEL_JOINER),
      concept: null,
      year: labelYear(cell.slice(0, raw.numberStart), at.fiscalYear),
      approximate: raw.approximate,
      comparator: raw.comparator,
      change: raw.change !== null,
      quote: `${at.subject}：${quoteAround(cell, raw)}`,
      bbox: at.bbox,
      cell: at.cell,
    });
  }
  return out;
}

/** The unit a unit column of the row names (绩效度量单位 | 册), or null. */
function unitColumnOf(row: string[], columns: Column[]) {
  const i = row.findIndex((_, k) => UNIT_COLUMN.test(stripUnits(headerOf(columns, k)).split(LABEL_JOINER).pop() ?? ''));
  const text = i < 0 ? '' : toHalfWidth(row[i]!).replace(/\s+/g, '').replace(/％/g, '%');
  return text === '' ? null : (unitDef(text) ?? null);
}

/** The bound a comparator column of the row names (指标性质 | ≥), or null. */
function comparatorColumnOf(row: string[], columns: Column[]): Comparator | null {
  const i = row.findIndex((_, k) => COMPARATOR_COLUMN.test(stripUnits(headerOf(columns, k))));
  const sign = i < 0 ? null : boundBefore(row[i]!.trim());
  return sign && sign.length === row[i]!.trim().length ? sign.comparator : null;
}

/** Clause labels that say what kind of figure it is, not what is measured. */
const GENERIC_KEY = /^(?:(?:实施周期|年度|全年)?指标值|目标值?|每年|每月|每季度?)?$/;

/** A segment that is a key and its value (实施周期指标值:每年≥20场), not the name of an item. */
const KEYED_VALUE = /^\s*(?:(?:实施周期|年度|全年)?(?:绩效)?指标值|目标值?)\s*[:：]/;

/**
 * The item named before a number's key: the text between the two separators before it
 * (…；会议活动保障次数；年度指标值:≥20场). An item may have several keyed values in a row
 * (；实施周期指标值:每年≥20场；年度指标值:每年≥20场): those are skipped back over, and each
 * value is then named by its item and its own key, so that the two stay apart.
 */
function itemBefore(text: string, at: number): { item: string; keyed: boolean } {
  const parts = text.slice(0, at).split(/[；;。]/);
  const own = parts.pop() ?? '';
  let skipped = 0;
  while (parts.length > 0 && KEYED_VALUE.test(parts[parts.length - 1]!)) (parts.pop(), skipped++);
  const item = (parts.pop() ?? '').replace(/^[0-9]+[、.．]\s*(?:[0-9]+-\S+?[；;]\s*)*/, '').trim();
  if (item.length > 30) return { item: '', keyed: false };
  const next = text.slice(at).split(/[；;。]/)[1] ?? '';
  const key = /^\s*([^:：]+?)\s*[:：]/.exec(own)?.[1];
  return key && (skipped > 0 || KEYED_VALUE.test(next))
    ? { item: `${item}${LABEL_JOINER}${key}`, keyed: true }
    : { item, keyed: false };
}

/** A 序号/编号/年度 column, or an ordinal number (1, 2 …) in the first column of a table without such a header. */
function ordinalColumn(columns: Column[], row: string[], c: number): boolean {
  return isOrdinalHeader(columns[c]?.path ?? []) || isOrdinalCell(row, c);
}

/** A target or bound (≥95%, ＜3天) is a value, not a header; a dash (— under 分值 in a funds row) names nothing. */
const BOUND = /^[≥≤><＞＜=≧≦]/;
const DASH = /^[-—–－/]+$/;

/**
 * The row's name for the number in column c. Cells under a value column (年度指标值 有效提升, 实际完成值 达标,
 * 偏差原因) are what was measured, not names.
 */
function rowHeaderOf(
  row: string[],
  numbers: (CellNumber | null)[],
  c: number,
  firstNumber: number,
  valueColumn: (i: number) => boolean,
): string {
  const textLeft = (to: number) =>
    row
      .slice(0, to)
      .filter(
        (cell, i) =>
          numbers[i] === null &&
          !valueColumn(i) &&
          !BOUND.test(cell.trim()) &&
          !ORDINAL.test(cell.trim()) &&
          !DASH.test(cell.trim()),
      );
  // key | value | key | value: the text cells between the number before and this one name it
  // (年初预算数 | 596 | 全年执行数 | 855; … | 一级指标 | 二级指标 | 三级指标 | ＝ | 1): prose (绩效目标) is no name.
  const between = row.slice(firstNumber + 1, c).some((_, i) => numbers[firstNumber + 1 + i] === null);
  if (c > firstNumber && between) {
    let from = c - 1;
    while (from > firstNumber && numbers[from] === null) from--;
    const names = row
      .slice(from + 1, c)
      .filter(
        (cell, k) =>
          !valueColumn(from + 1 + k) &&
          cell.trim() !== '' &&
          cell.length <= 40 &&
          !BOUND.test(cell.trim()) &&
          !DASH.test(cell.trim()),
      );
    if (names.length > 0) return joinDistinct(names);
  }
  return joinDistinct(textLeft(firstNumber < 0 ? c : Math.min(firstNumber, c)));
}

/** An actual value written without a unit takes the unit written in its row's target cell. */
function targetUnit(row: string[], columns: Column[], c: number) {
  if (!ACTUAL_HEADER.test(stripUnits(headerOf(columns, c)))) return null;
  const t = row.findIndex((_, i) => i !== c && TARGET_HEADER.test(stripUnits(headerOf(columns, i))));
  const unit = t < 0 ? null : readCellNumber(row[t]!)?.unit;
  return unit ? (unitDef(unit) ?? null) : null;
}
