// The tables of a document as the report gives them, decided here once:
// the parts a page break cut a table into joined (a part on the next page
// whose columns line up and that has no header or repeats it: continuations()
// in find.ts), its header rows and cover lines, the segments further down (a
// 自评表's indicator block under its funds block), each column's header path,
// unit and role, each row's role and its 类/款/项 level. facts/ and checks/
// read nothing else about a table's structure.
//
// A header repeated atop a later part stays in `rows` as header rows: rows
// are what was printed. It starts a segment only where the columns it names
// differ from those in force above it.
import type { BBox, Column, RowRole, Table, TablePart, TableSegment } from '../schema/report.ts';
import type { PageText } from '../pdf/types.ts';
import { readCellNumber } from '../text/cell-number.ts';
import { round1 } from '../util/geometry.ts';
import { TOTAL_ROW_START } from '../vocab/concepts.ts';
import { alignColumns, continuations, mendSplitRows } from './carry.ts';
import type { Extent } from './chunks.ts';
import type { TableModel } from './find.ts';
import { columnPath, isInfoRow, isSegmentHeader, joinDistinct, projectOf } from './headers.ts';
import { levelsOf, nameEdge, type LevelRow } from './levels.ts';
import { bodyRole, columnRoles, headerRole } from './roles.ts';
import { spanLevels } from './text-level-spans.ts';
import { columnUnit, headerUnit, type BlockUnits } from './units.ts';
import { codeColumns, nameColumn } from './reading.ts';

/** A table of the report with what only the pipeline needs: where each cell stands. */
export interface StructuredTable {
  table: Table;
  /** each cell's box on its row's page: a merged cell's full box at its top-left cell, null at the cells it covers */
  boxes: (BBox | null)[][];
  /** the first part's box as found (the report's is rounded) */
  bbox: BBox;
}

/** A table's parts joined, before its structure is read. */
interface JoinedTable {
  title: string | null;
  unit: string | null;
  /** the first part's header rows */
  headerRows: number;
  rows: string[][];
  boxes: (BBox | null)[][];
  /** each cell's own text extent where every part was read from text alone (text-aligned), else undefined */
  extents?: (Extent | null)[][];
  /** each part: its page and box (as found), its first row, and how many header rows it repeats at its top (0 for the first) */
  parts: TablePart[];
}

/**
 * The tables of a document (all its pages' tables, in page order; rows cut by
 * a page break mended first), parts carried over pages joined. `pages` as read.
 */
export function structureTables(models: TableModel[], pages: PageText[]): StructuredTable[] {
  mendSplitRows(models);
  const heads = continuations(models);
  const chains: TableModel[][] = [];
  models.forEach((m, i) => (heads[i] && chains.length > 0 ? chains[chains.length - 1]!.push(m) : chains.push([m])));
  const byNumber = new Map(pages.map((p) => [p.number, p]));
  return chains.map((chain, k) => {
    const joined = joinParts(chain);
    const table = describeTable(joined, `t${k + 1}`, (r, c) => {
      const part = joined.parts.findLast((p) => p.firstRow <= r)!;
      const edge = nameEdge(byNumber.get(part.page), joined.boxes[r]?.[c]);
      // From the table's left edge on that page: a page scanned or set a little to one side makes no level.
      return edge && { ...edge, left: edge.left - part.bbox[0] };
    });
    if (joined.extents) spanLevels(table, joined.extents);
    return { table, boxes: joined.boxes, bbox: chain[0]!.bbox };
  });
}

/** The parts of one table as one: later parts laid on the first part's columns (a merged cell repeated over those it spans). */
function joinParts(chain: TableModel[]): JoinedTable {
  const head = chain[0]!;
  const rows = [...head.rows];
  const boxes = [...head.cellBoxes];
  const extents = chain.every((p) => p.extents) ? [...head.extents!] : undefined;
  const parts: JoinedTable['parts'] = [];
  chain.forEach((part, k) => {
    const aligned = k === 0 ? part : (alignColumns(head, part, chain.slice(1, k).reverse()) ?? part);
    parts.push({
      page: part.page,
      bbox: part.bbox,
      firstRow: k === 0 ? 0 : rows.length,
      headerRows: k === 0 ? 0 : part.headerRows,
    });
    if (k === 0) return;
    rows.push(...aligned.rows);
    boxes.push(...aligned.cellBoxes);
    extents?.push(...(aligned.extents ?? aligned.rows.map((r) => r.map(() => null))));
  });
  return {
    title: chain.find((p) => p.title !== null)?.title ?? null,
    unit: chain.find((p) => p.unit !== null)?.unit ?? null,
    headerRows: head.headerRows,
    rows,
    boxes,
    ...(extents ? { extents } : {}),
    parts,
  };
}

/** Where a block of rows starts, how many header rows it has, and which of them name its columns (cover lines do not). */
interface Block {
  start: number;
  headerRows: number;
  naming: number[];
}

/**
 * The report's table from joined parts. `edgeOf(r, c)` is where the text of
 * cell (r, c) stands on its page (for levels by indentation), or null.
 */
function describeTable(
  joined: JoinedTable,
  id: string,
  edgeOf: (r: number, c: number) => { left: number; centred: boolean } | null = () => null,
): Table {
  const { rows, parts } = joined;
  const { blocks, roles, repeated } = blocksOf(joined);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const described = blocks.map((b, i) => {
    const end = blocks[i + 1]?.start ?? rows.length;
    const own = [...Array(Math.max(0, end - b.start - b.headerRows)).keys()].map((k) => b.start + b.headerRows + k);
    const of = (role: RowRole) => own.filter((r) => roles[r] === role).map((r) => rows[r]!);
    // A block's columns are read from its rows of figures: a row of words across it (年度总体目标 | 预期目标 …,
    // merged over the amounts' columns) says nothing of them.
    const figures = of('body').filter(hasFigures);
    return {
      ...b,
      columns: columnsOf(b, figures.length > 0 ? figures : of('body'), of('total'), rows, width, joined.unit),
    };
  });
  const top = described[0]!;
  const table: Table = {
    id,
    page: parts[0]!.page,
    pages: [...new Set(parts.map((p) => p.page))],
    title: joined.title,
    unit: joined.unit,
    project: projectOf(rows, joined.headerRows),
    rows,
    headerRows: joined.headerRows,
    columns: top.columns,
    segments: described
      .slice(1)
      .map((b): TableSegment => ({ row: b.start, headerRows: b.headerRows, columns: b.columns })),
    rowRoles: roles,
    rowLevels: null,
    parts: parts.map((p) => ({ ...p, bbox: p.bbox.map(round1) as BBox })),
    bbox: parts[0]!.bbox.map(round1) as BBox,
  };
  totalsByName(table);
  table.rowLevels = rowLevelsOf(table, repeated, edgeOf);
  return table;
}

/** A row's words, a merged cell's text once: a row repeated on another page, however its cells were split. */
const words = (row: string[]) =>
  row
    .map((c) => c.replace(/\s+/g, ''))
    .filter((c, i, all) => c !== '' && c !== all[i - 1])
    .join('|');

const hasFigures = (row: string[]) => row.some((cell, c) => c > 0 && readCellNumber(cell) !== null);

/**
 * The blocks of rows: the top one under the table's header, then one for each
 * header further down — a segment header (isSegmentHeader), or a header
 * repeated atop a later part that names other columns than those in force.
 */
function blocksOf(joined: JoinedTable): { blocks: Block[]; roles: RowRole[]; repeated: Set<number> } {
  const { rows, headerRows } = joined;
  const naming = (from: number, to: number) =>
    [...Array(to - from).keys()].map((k) => from + k).filter((r) => !isInfoRow(rows[r]!));
  const blocks: Block[] = [{ start: 0, headerRows, naming: naming(0, headerRows) }];
  const roles = rows.map((row, r) => (r < headerRows ? headerRole(row) : bodyRole(row)));
  const repeated = new Set<number>();
  for (const p of joined.parts) for (let r = p.firstRow; r < p.firstRow + p.headerRows; r++) repeated.add(r);
  const pathsOf = (b: Block) =>
    [...Array(Math.max(0, ...rows.map((r) => r.length))).keys()]
      .map((c) =>
        columnPath(
          b.naming.map((r) => rows[r]!),
          c,
        )
          .join('|')
          .replace(/\s+/g, ''),
      )
      .join('\n');
  let previousSegment = -1;
  for (let r = headerRows; r < rows.length; r++) {
    const part = joined.parts.find((p) => p.firstRow === r && p.headerRows > 0);
    if (part) {
      for (let k = r; k < r + part.headerRows; k++) roles[k] = headerRole(rows[k]!);
      const block = { start: r, headerRows: part.headerRows, naming: naming(r, r + part.headerRows) };
      // Cover lines repeated alone (项目名称 | …, 主管部门 | …) name no column, and the table's own top rows
      // repeated by the producer over rows that fit the block in force better than the top block (a 自评表's
      // funds header over its indicator rows) do not name them: the rows carried on keep the block in force.
      const keep = repeatsTopOver(joined, blocks, r, part.headerRows);
      if (block.naming.length > 0 && !keep && pathsOf(block) !== pathsOf(blocks[blocks.length - 1]!))
        blocks.push(block);
      r += part.headerRows - 1;
      continue;
    }
    // A header names rows of its own page, or those carried on to the next under no header or only cover
    // lines repeated (a page break right under an indicator block's header): the last rows of a page are
    // not read as the header of a part with its own.
    const namesColumns = (p: TablePart) =>
      rows.slice(p.firstRow, p.firstRow + p.headerRows).some((row) => !isInfoRow(row) && words(row) !== '');
    const end = joined.parts.find((p) => p.firstRow > r && namesColumns(p))?.firstRow ?? rows.length;
    if (repeated.has(r) || !isSegmentHeader(rows.slice(0, end), r)) continue;
    roles[r] = 'header';
    // Consecutive header rows (a two-line header) name the columns together.
    const last = blocks[blocks.length - 1]!;
    if (previousSegment === r - 1 && last.start + last.headerRows === r) {
      last.headerRows++;
      last.naming.push(r);
    } else blocks.push({ start: r, headerRows: 1, naming: [r] });
    previousSegment = r;
  }
  return { blocks, roles, repeated };
}

/**
 * The table's top header rows repeated at row r (a producer repeats a table's first rows on every page)
 * over rows that fit the block in force (a segment) better than the top block's rows.
 */
function repeatsTopOver(joined: JoinedTable, blocks: Block[], r: number, n: number): boolean {
  const { rows, headerRows } = joined;
  const last = blocks[blocks.length - 1]!;
  if (blocks.length < 2) return false;
  const top = new Set(rows.slice(0, headerRows).map(words));
  if (![...Array(n).keys()].every((k) => top.has(words(rows[r + k]!)))) return false;
  const end = joined.parts.find((p) => p.firstRow > r)?.firstRow ?? rows.length;
  const carried = rows.slice(r + n, end);
  const topBody = rows.slice(headerRows, blocks[1]!.start);
  return misfit(rows.slice(last.start + last.headerRows, r), carried) < misfit(topBody, carried);
}

/** How many cells of the rows stray from a block's body: a figure where its column has none, words where it has only figures. */
function misfit(body: string[][], carried: string[][]): number {
  const figure = (cell: string) => readCellNumber(cell) !== null;
  let n = 0;
  for (const row of carried)
    row.forEach((cell, c) => {
      const column = body.map((b) => b[c] ?? '').filter((x) => x.trim() !== '');
      if (cell.trim() === '' || column.length === 0) return;
      const figures = column.filter(figure).length;
      if (figure(cell) ? figures === 0 : figures === column.length) n++;
    });
  return n;
}

/** A block's columns: each one's header path, role over the block's body rows, and unit. */
function columnsOf(
  b: Block,
  body: string[][],
  totals: string[][],
  rows: string[][],
  width: number,
  tableUnit: string | null,
): Column[] {
  const header = b.naming.map((r) => rows[r]!);
  const paths = [...Array(width).keys()].map((c) => columnPath(header, c));
  const rowGroup = rowGroupUnit(body);
  const roles = columnRoles(paths, body, totals, (rowGroup ?? tableUnit ?? headerUnit(paths[0]!.join(''))) !== null);
  const name = roles.indexOf('name');
  const units: BlockUnits = {
    rowGroup,
    nameHeader: headerUnit((paths[name < 0 && roles[0] !== 'number' ? 0 : name] ?? []).join('')),
    table: tableUnit,
  };
  // Names, codes, ordinals and words take no unit: only a column of numbers does.
  return paths.map((path, c) => ({
    path,
    unit: roles[c] === 'number' ? columnUnit(path, units) : null,
    role: roles[c]!,
  }));
}

/** A unit note in the names of every row that has numbers (项目资金（万元） merged over the funds rows); null when they differ or have none. */
function rowGroupUnit(body: string[][]): string | null {
  // A group merged down the rows is printed on the first page it covers: below a page break its cell is blank.
  const named = body.filter((row) => (row[0] ?? '').trim() !== '');
  const units = (named.length > 0 ? named : body).flatMap((row) => {
    const first = row.findIndex((cell, c) => c > 0 && readCellNumber(cell) !== null);
    return first < 0 ? [] : [headerUnit(joinDistinct(row.slice(0, first)))];
  });
  return units.length > 0 && units.every((u) => u !== null && u === units[0]) ? units[0]! : null;
}

/** A row named 合计 in a name column further right than its first cells (类 | 款 | 项 | 功能科目, codes left blank) is a total too. */
function totalsByName(table: Table): void {
  const name = nameColumn(table);
  if (name <= 2) return;
  table.rowRoles.forEach((role, r) => {
    if (role === 'body' && TOTAL_ROW_START.test((table.rows[r]![name] ?? '').trim())) table.rowRoles[r] = 'total';
  });
}

/** Each row's 类/款/项 level (levels.ts) over the rows below the top header but the headers repeated on later pages. */
function rowLevelsOf(
  table: Table,
  repeated: Set<number>,
  edgeOf: (r: number, c: number) => { left: number; centred: boolean } | null,
): (number | null)[] | null {
  // A form with segments (自评表, 绩效目标表) is no statement of accounts: it has no 类/款/项.
  if (table.segments.length > 0) return null;
  const name = nameColumn(table);
  const at = table.rows.flatMap((_, r) => (r >= table.headerRows && !repeated.has(r) ? [r] : []));
  const rows: LevelRow[] = at.map((r) => {
    const edge = table.rows[r]![name]?.trim() ? edgeOf(r, name) : null;
    const total = table.rowRoles[r] === 'total';
    return { cells: table.rows[r]!, total, left: edge?.left ?? null, centred: edge?.centred ?? false };
  });
  // Codes split over columns 类 | 款 | 项 (201 | 02 | 01) give the level by the last one written; else one code column.
  const codes = codeColumns(table);
  const split = codes.length >= 2 && codes.every((c) => /^[类款项]$/.test(table.columns[c]!.path.at(-1) ?? ''));
  const levels = levelsOf(rows, name, split ? codes : codes.slice(0, 1));
  if (!levels) return null;
  const out: (number | null)[] = table.rows.map(() => null);
  at.forEach((r, i) => (out[r] = levels[i]!));
  return out;
}
