// Numeric table cells as facts. The label joins the row headers (the text
// cells left of the row's first number, or the nearest text cell left of the
// number in key | value | key | value rows) and the column headers (the
// header rows' cells above it, unit notes taken out) with LABEL_JOINER:
// "基本支出·全年预算数", "投入·预算执行·预算执行率·得分".
//
// The unit, first found wins: written in the cell (98%, 96分); in the column
// header (年初预算数（万元）) or row header; a 分值/得分 column (分); a 率 column
// (%); the table's unit line (单位：万元) — except under headers that count
// people or things, where a money unit line cannot apply. A number with no
// unit found is not a fact: a number read wrong is worse than one not read.
import type { TableModel } from '../tables/find.ts';
import { alignColumns, unitIn } from '../tables/find.ts';
import {
  columnHeader,
  headerRowsByRow,
  isInfoRow,
  isSegmentHeader,
  joinDistinct,
  LABEL_JOINER,
  projectOf,
} from '../tables/headers.ts';
import type { BBox, Fact } from '../schema/report.ts';
import { conceptOf, finalTableConcept, isTableSelfScore, type ConceptContext } from '../vocab/concepts.ts';
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

/** A unit in brackets in a header: 年初预算数（万元）, 得分(分), 金额（单位：万元）. */
const BRACKET_UNIT = /[（(]\s*(?:(?:金额)?单位\s*[：:]\s*)?([^（）()]{1,6}?)\s*[）)]/g;
const RATE_HEADER = /(?:率|比例|占比|比重)$/;
const SCORE_HEADER = /分值|得分|分数|评分|满分/;
/** Headers of columns whose numbers are ordinals or codes, not quantities. */
const NOT_A_QUANTITY =
  /^(?:序号|编号|代码|年度|年份|栏次|行次|排名|排序|(?:科目|项目|功能分类科目|经济分类科目)(?:编码|代码))$/;
/** Headers that count people or things: a money unit line cannot apply to them. */
const COUNTED = /(?:人数|户数|个数|数量|次数|家数|件数|人次|编制数|车辆数|床位数)$/;
/** A row name's list marker or 其中 (一、基本支出, 1.人员经费, 其中：公用经费) is not part of the name. */
const ROW_PREFIX = /^(?:[（(]?[0-9一二三四五六七八九十]{1,3}[)）、.．]\s*|[①-⑳]\s*)?(?:其中\s*[：:]?\s*)?/;
/** A list ordinal in a row's first cell (1、 （一） 2.) is not part of the row's name. */
const ORDINAL = /^(?:[（(]?[0-9一二三四五六七八九十]{1,3}[)）、.．]?|[①-⑳])$/;

/**
 * The facts of a table's numeric cells. `continues` is the table this one
 * continues from an earlier page (see continuations() in tables/find.ts):
 * its header rows, unit and title then apply here.
 */
export function tableFacts(
  table: TableModel,
  tableId: string,
  sectionId: string | null,
  continues: TableModel | null = null,
  concepts: ConceptContext = {},
): Fact[] {
  if (continues && table.headerRows > 0) {
    // The header repeated: only the title and unit line stayed on the first page.
    return tableFacts(
      { ...table, title: table.title ?? continues.title, unit: table.unit ?? continues.unit },
      tableId,
      sectionId,
      null,
      concepts,
    );
  }
  if (continues) {
    const joined = withCarriedHeader(table, continues);
    const shift = joined.headerRows;
    return tableFacts(joined, tableId, sectionId, null, concepts).map((f) => ({
      ...f,
      id: f.id.replace(/\.r(\d+)c/, (_, r: string) => `.r${Number(r) - shift}c`),
    }));
  }
  const headersOf = headerRowsByRow(table.rows, table.headerRows);
  // A project's table (项目名称 | …, …项目支出绩效自评表) in a report of the whole unit holds that
  // project's figures: no unit-wide concept, and none of project.* either (the report is not the project's).
  const project = projectOf(table.rows, table.headerRows);
  const ownFigures = concepts.projectReport || (project === null && !PROJECT_TABLE.test(table.title ?? ''));
  const subject = `${table.title ?? tableId}${project ? `（${project}）` : ''}`;
  const at: TableAt = { table, tableId, sectionId, concepts, ownFigures, subject };
  const facts: Fact[] = [];
  table.rows.forEach((_, r) => {
    if (r < table.headerRows || isSegmentHeader(table.rows, r)) return;
    facts.push(
      ...rowFacts(
        at,
        r,
        headersOf[r]!.map((i) => table.rows[i]!),
      ),
    );
  });
  return facts;
}

/**
 * A part carried over from an earlier page, with the header rows of the part it
 * continues put above it: the rows carried over are named by the header that names
 * the first part's last rows (a segment header such as 一级指标 | … | 分值 | 得分
 * further down, else the top one), with its cover lines.
 */
function withCarriedHeader(part: TableModel, continues: TableModel): TableModel {
  const table = alignColumns(continues, part) ?? part;
  const named = headerRowsByRow(continues.rows, continues.headerRows).filter((h) => h.length > 0);
  const cover = [...Array(continues.headerRows).keys()].filter((i) => isInfoRow(continues.rows[i]!));
  const keep = [...new Set([...cover, ...(named[named.length - 1] ?? [...Array(continues.headerRows).keys()])])].sort(
    (a, b) => a - b,
  );
  return {
    ...table,
    title: table.title ?? continues.title,
    unit: table.unit ?? continues.unit,
    headerRows: keep.length,
    rows: [...keep.map((i) => continues.rows[i]!), ...table.rows],
    cellBoxes: [...keep.map((i) => continues.cellBoxes[i]!.map(() => null)), ...table.cellBoxes],
  };
}

/** What every fact of one table shares. */
interface TableAt {
  table: TableModel;
  tableId: string;
  sectionId: string | null;
  concepts: ConceptContext;
  /** the figures are the reporting unit's own (not one project's in a unit's report): concepts apply */
  ownFigures: boolean;
  /** the table's name in a quote: its title, and the project it is about */
  subject: string;
}

/** One row's cells: `header` holds the header rows that name its columns. */
interface RowAt {
  row: string[];
  r: number;
  header: string[][];
  numbers: (CellNumber | null)[];
  /** the first column with a number that is a quantity (not an ordinal); -1 if none */
  firstNumber: number;
}

/** The facts of row r: a number cell is one fact; a text cell's prose may hold some of its own. */
function rowFacts(at: TableAt, r: number, header: string[][]): Fact[] {
  const row = at.table.rows[r]!;
  const numbers = row.map((cell) => readCellNumber(cell));
  const firstNumber = numbers.findIndex((n, c) => n !== null && !ordinalColumn(header, row, c));
  const facts: Fact[] = [];
  row.forEach((cell, c) => {
    const n = numbers[c];
    const box = at.table.cellBoxes[r]?.[c];
    if (box === null) return; // a merged cell is read once, at its top-left cell
    if (!n) {
      // Prose in a cell (绩效目标 "汇聚数据量不低于10亿条…", 指标 "年度指标值:≥20场") holds facts of its own.
      const names = row
        .slice(0, firstNumber < 0 ? c : Math.min(firstNumber, c))
        .filter((x, i) => numbers[i] === null && x.trim() !== '' && x.length <= 40 && !ORDINAL.test(x.trim()));
      const rowName = stripUnits(joinDistinct(names)).split(LABEL_JOINER).pop() ?? '';
      const { table, tableId, sectionId, subject, concepts } = at;
      facts.push(
        ...proseFacts(cell, `${tableId}.r${r + 1}c${c + 1}`, rowName, {
          page: table.page,
          sectionId,
          bbox: box ?? null,
          subject,
          fiscalYear: concepts.fiscalYear ?? null,
        }),
      );
      return;
    }
    const fact = cellFact(at, { row, r, header, numbers, firstNumber }, c, n, box ?? null);
    if (fact) facts.push(fact);
  });
  return facts;
}

/** The fact of the number in column c, or null when it has no unit, no label, or is an ordinal. */
function cellFact(
  at: TableAt,
  { row, r, header, numbers, firstNumber }: RowAt,
  c: number,
  n: CellNumber,
  bbox: BBox | null,
): Fact | null {
  const colHeader = columnHeader(header, c);
  if (ordinalColumn(header, row, c)) return null;
  const rowHeader = rowHeaderOf(
    row,
    numbers,
    c,
    firstNumber,
    (i) =>
      VALUE_HEADER.test(stripUnits(columnHeader(header, i))) ||
      PROSE_COLUMN.test(stripUnits(columnHeader(header, i)).split(LABEL_JOINER).pop() ?? '') ||
      COMPARATOR_COLUMN.test(columnHeader(header, i)) ||
      UNIT_COLUMN.test(stripUnits(columnHeader(header, i)).split(LABEL_JOINER).pop() ?? ''),
  );
  // A target or actual value (指标值, 完成值) is not money because the table's unit line says 万元:
  // its unit is in the cell, in a unit column of its row (绩效度量单位 | 册), or in its row's target.
  const valueCell = VALUE_HEADER.test(stripUnits(colHeader));
  const def = valueCell
    ? n.unit || headerUnit(colHeader)
      ? unitOf(n, colHeader, '', null)
      : (unitColumnOf(row, header) ?? targetUnit(row, header, c))
    : unitOf(n, colHeader, rowHeader, at.table.unit);
  if (!def) return null;
  const comparator = n.comparator ?? (valueCell ? comparatorColumnOf(row, header) : null);
  const { rowName, colName, label } = labelOf(rowHeader, colHeader);
  if (label === '') return null;
  const { table, tableId, sectionId, concepts, subject } = at;
  return {
    id: `${tableId}.r${r + 1}c${c + 1}`,
    sectionId,
    paragraphId: null,
    page: table.page,
    kind: def.kind,
    value: n.value,
    unit: def.unit,
    normalized: { value: roundTo(n.value * def.factor, n.decimals + 6), unit: def.base },
    decimals: n.decimals,
    upper: null,
    label,
    concept: at.ownFigures ? tableConcept(table.title, def.kind, rowName, colName, concepts) : null,
    year: labelYear(label, concepts.fiscalYear),
    approximate: n.approximate || comparator !== null,
    comparator,
    change: false,
    quote: `${subject}：${label} ${row[c]!}`,
    bbox,
  };
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

/** The concept of a table figure, read from a scoped label: row scope + measure (基本支出 + 年初预算数). */
function tableConcept(
  title: string | null,
  kind: Fact['kind'],
  rowName: string,
  colName: string,
  concepts: ConceptContext,
): Fact['concept'] {
  // The innermost header, without notes in brackets: 项目支出（含结转） → 项目支出.
  const lastOf = (s: string) => (s.split(LABEL_JOINER).pop() ?? '').replace(/[（(][^（）()]*[）)]/g, '');
  if (kind === 'score' && isTableSelfScore(title, lastOf(rowName), lastOf(colName))) return 'evaluation.selfScore';
  return (
    finalTableConcept(
      kind,
      title,
      lastOf(rowName),
      colName.split(LABEL_JOINER).map((h) => h.replace(/[（(][^（）()]*[）)]/g, '')),
    ) ?? conceptOf(kind, lastOf(rowName) + lastOf(colName), concepts)
  );
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
  at: { page: number; sectionId: string | null; bbox: BBox | null; subject: string; fiscalYear: number | null },
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
    });
  }
  return out;
}

/** A column naming the unit of its row's values (绩效度量单位, 计量单位), and one naming their bound (指标性质 | ≥). */
const UNIT_COLUMN = /^(?:绩效)?(?:度量|计量|计价)单位$|^指标(?:值)?单位$|^单位$/;
const COMPARATOR_COLUMN = /(?:指标性质|符号|比较|运算)/;

function unitColumnOf(row: string[], header: string[][]) {
  const i = row.findIndex((_, k) =>
    UNIT_COLUMN.test(stripUnits(columnHeader(header, k)).split(LABEL_JOINER).pop() ?? ''),
  );
  const text = i < 0 ? '' : toHalfWidth(row[i]!).replace(/\s+/g, '').replace(/％/g, '%');
  return text === '' ? null : (unitDef(text) ?? null);
}

function comparatorColumnOf(row: string[], header: string[][]): Comparator | null {
  const i = row.findIndex((_, k) => COMPARATOR_COLUMN.test(stripUnits(columnHeader(header, k))));
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
function ordinalColumn(header: string[][], row: string[], c: number): boolean {
  const parts = columnHeader(header, c).split(LABEL_JOINER);
  if (parts.some((p) => NOT_A_QUANTITY.test(p))) return true;
  return c === 0 && /^[0-9]{1,3}$/.test((row[0] ?? '').trim());
}

/** A target or bound (≥95%, ＜3天) is a value, not a header. */
const BOUND = /^[≥≤><＞＜=≧≦]/;

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
        (cell, i) => numbers[i] === null && !valueColumn(i) && !BOUND.test(cell.trim()) && !ORDINAL.test(cell.trim()),
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
        (cell, k) => !valueColumn(from + 1 + k) && cell.trim() !== '' && cell.length <= 40 && !BOUND.test(cell.trim()),
      );
    if (names.length > 0) return joinDistinct(names);
  }
  return joinDistinct(textLeft(firstNumber < 0 ? c : Math.min(firstNumber, c)));
}

function unitOf(n: CellNumber, colHeader: string, rowHeader: string, tableUnit: string | null) {
  const written = n.unit ?? headerUnit(colHeader);
  if (written) return unitDef(written) ?? null;
  // A 分值 or 执行率 column keeps its meaning in a row whose name carries a money unit (年度预算申请（万元）).
  const colName = stripUnits(colHeader);
  if (RATE_HEADER.test(colName)) return unitDef('%') ?? null;
  if (SCORE_HEADER.test(colName)) return unitDef('分') ?? null;
  const inRow = headerUnit(rowHeader);
  if (inRow) return unitDef(inRow) ?? null;
  if (!tableUnit) return null;
  const def = unitDef(tableUnit);
  if (def?.kind === 'money' && (COUNTED.test(colName) || COUNTED.test(stripUnits(rowHeader)))) return null;
  return def ?? null;
}

/** Headers of an indicator's actual value, and of the target whose unit it shares (≤100% → 93.47 is %). */
const ACTUAL_HEADER = /(?:实际完成值|实际完成|完成值|实际值|实际完成情况)$/;
const TARGET_HEADER = /(?:年度指标值|指标值|目标值|年度目标|预期目标值)$/;
/** Columns that hold values, not names: targets, actuals, notes. */
const VALUE_HEADER = /(?:指标值|目标值|完成值|实际值|实际完成情况|完成情况|偏差|原因|改进措施|说明|备注)/;
/** A column of prose about the row (a 项目支出绩效目标表's 绩效目标): what it says is no name of the row's numbers. */
const PROSE_COLUMN = /(?:目标|概况|简介|主要内容|实施内容|项目内容)$/;
const PROJECT_TABLE = /项目(?:支出)?(?:绩效)?(?:自评|评价|目标)/;

/** An actual value written without a unit takes the unit written in its row's target cell. */
function targetUnit(row: string[], header: string[][], c: number) {
  if (!ACTUAL_HEADER.test(stripUnits(columnHeader(header, c)))) return null;
  const t = row.findIndex((_, i) => i !== c && TARGET_HEADER.test(stripUnits(columnHeader(header, i))));
  const unit = t < 0 ? null : readCellNumber(row[t]!)?.unit;
  return unit ? (unitDef(unit) ?? null) : null;
}

function headerUnit(header: string): string | null {
  const inLine = unitIn(header);
  if (inLine) return inLine;
  for (const m of header.replace(/％/g, '%').matchAll(BRACKET_UNIT)) if (unitDef(m[1]!)) return m[1]!;
  return null;
}

/** A header without its unit note: 年初预算数（万元） → 年初预算数. */
function stripUnits(header: string): string {
  return header
    .split(LABEL_JOINER)
    .map((h) =>
      h
        .replace(/[（(]\s*(?:(?:金额)?单位\s*[：:]\s*)?[^（）()]{1,6}?\s*[）)]/g, (m) => (headerUnit(m) ? '' : m))
        .trim(),
    )
    .filter(Boolean)
    .join(LABEL_JOINER);
}
