// The rows a 一级 or 二级 cell covers in a table without rules. Merged down
// its group, such a cell is printed once — at the top, in the middle or at the
// foot of its rows, as the program that set the table aligns every cell — and
// nothing ruled shows where the group ends. Where the label's own lines stand
// against the rows' lines tells: a label at the top of its group stands level
// with its first row's first line, one at the foot with its last row's last
// line, one in the middle halfway between the two. A cell the page break cuts
// is printed at the top of its part on the first page it covers (LibreOffice
// and Chromium alike), and goes on overleaf as far as the next group begins.
//
// One setting for the whole table (one program set it): each of top, middle
// and foot is tried on every label of every level column at once — a column
// can be laid under a setting where its groups cover its rows in order, each
// label where that setting puts it — and those under which the most columns
// can be laid stand. A row is given a label where every way of laying the
// groups, under every setting that stands, gives it that one; its cell then
// holds the label's text, as a merged cell's text is repeated in each grid
// cell it covers (a ruled table's are). Rows no way tells are left blank: the
// path is left short rather than wrong (docs/indicators.md).
import type { Table } from '../schema/report.ts';
import { headerName, INDICATOR_COLUMNS, isLevelName, levelsClash } from '../vocab/indicators.ts';
import type { Extent } from './chunks.ts';

type Setting = 'top' | 'middle' | 'foot';

const SETTINGS: readonly Setting[] = ['top', 'middle', 'foot'];

/** The most (first row, last row) pairs a column's labels are tried on under one setting. */
const MAX_PAIRS = 200_000;

const LEVEL_HEADERS: [1 | 2, RegExp][] = INDICATOR_COLUMNS.flatMap(([f, re]): [1 | 2, RegExp][] =>
  f === 'level1' ? [[1, re]] : f === 'level2' ? [[2, re]] : [],
);

/** A body row: its page and the extent of its own cells (the level columns' left out). */
interface RowAt {
  row: number;
  page: number;
  low: number;
  high: number;
}

/** A printed label: its text, page and lines' extent. */
interface Label {
  text: string;
  page: number;
  low: number;
  high: number;
}

/** One level column over one block's body rows. */
interface Column {
  col: number;
  /** 1 for the 一级 column, 2 for the 二级 */
  level: 1 | 2;
  /** the block it is in (its first body row) */
  block: number;
  /** how many level columns the block has */
  levels: number;
  rows: RowAt[];
  /** for each row, the last row of its page */
  pageLast: number[];
  labels: Label[];
  /** each row's cell holds text of its own (not a label copied down) */
  printed: boolean[];
  /** how far apart two lines may stand and be level: a fraction of the type size */
  tol: number;
}

/** Fill each level cell of the table's indicator blocks that one label covers (table.rows, in place). */
export function spanLevels(table: Table, extents: (Extent | null)[][]): void {
  const columns = levelColumns(table, extents);
  if (columns.length === 0) return;
  // The settings under which the most columns can be laid; a column is laid only where every one of them lays it.
  const all = SETTINGS.map((s) => layAll(columns, s));
  const laidCount = (laid: (Set<number>[] | null)[]) => laid.filter((l) => l !== null).length;
  const most = Math.max(...all.map(laidCount));
  const standing = most === 0 ? [] : all.filter((laid) => laidCount(laid) === most);
  if (standing.length === 0) return;
  const texts = columns.map((c, k) =>
    standing.some((laid) => laid[k] === null)
      ? null
      : c.rows.map((_, i) => {
          const options = new Set(standing.flatMap((laid) => [...laid[k]![i]!].map((j) => c.labels[j]!.text)));
          return options.size === 1 ? [...options][0]! : null;
        }),
  );
  // A row after a page break left without a label would read as the cell above carried over (a ruled
  // table's cut cell), and the records tell how a table sets its labels from the two columns as printed:
  // a block's level columns are filled where each of them is, and none of its rows after a break is left
  // without a label. Else they are left as printed — a page's only label copied into the page's rows
  // (spanGroups) may be the next group's — and the records read the printed labels as they can.
  const centred = standing.some((laid) => laid === all[SETTINGS.indexOf('middle')]);
  for (const block of new Set(columns.map((c) => c.block))) {
    const own = columns.flatMap((c, k) => (c.block === block ? [k] : []));
    const fills = (k: number) => {
      const ts = texts[k];
      const rows = columns[k]!.rows;
      return ts != null && !ts.some((t, i) => t === null && i > 0 && rows[i]!.page !== rows[i - 1]!.page);
    };
    // Centred labels are told by the records from where the 一级 labels stand as printed against the
    // 二级 (records/levels.ts centredLabels): a block's columns are filled all or none.
    const whole = own.length === columns[own[0]!]!.levels && own.every(fills);
    for (const k of own) {
      const c = columns[k]!;
      const fill = centred ? whole : fills(k);
      c.rows.forEach((r, i) => {
        if (fill) {
          if (texts[k]![i] !== null) table.rows[r.row]![c.col] = texts[k]![i]!;
        } else if (!c.printed[i]) table.rows[r.row]![c.col] = '';
      });
    }
  }
}

/** The level columns of each block of the table with the extents to lay them: none where a body row has none. */
function levelColumns(table: Table, extents: (Extent | null)[][]): Column[] {
  const pageOf = (r: number) => table.parts.findLast((p) => p.firstRow <= r)?.page ?? table.page;
  const starts = [
    { from: table.headerRows, columns: table.columns },
    ...table.segments.map((s) => ({ from: s.row + s.headerRows, columns: s.columns })),
  ];
  return starts.flatMap((s, b) => {
    const to = table.segments[b]?.row ?? table.rows.length;
    const levelOf = new Map<number, 1 | 2>();
    s.columns.forEach((col, c) => {
      const name = headerName(col.path.at(-1) ?? '');
      const hit = LEVEL_HEADERS.find(([, re]) => re.test(name));
      if (hit) levelOf.set(c, hit[0]);
    });
    const levels = [...levelOf.keys()];
    if (levels.length === 0) return [];
    const body: number[] = [];
    for (let r = s.from; r < to; r++) if (table.rowRoles[r] === 'body') body.push(r);
    const rows: RowAt[] = [];
    // A row of nothing but a level cell's lines (a label set between two rows, read as a row) has no
    // extent of its own: its label counts, the row does not.
    for (const r of body) {
      const own = (extents[r] ?? []).filter((e, c): e is Extent => e !== null && !levels.includes(c));
      if (own.length === 0) continue;
      rows.push({
        row: r,
        page: pageOf(r),
        low: Math.min(...own.map((e) => e[0])),
        high: Math.max(...own.map((e) => e[1])),
      });
    }
    if (rows.length < 2) return [];
    const size = median(body.flatMap((r) => (extents[r] ?? []).flatMap((e) => (e ? [e[2]] : []))));
    return levels.flatMap((col) => {
      const labels = labelsOf(
        table,
        extents,
        body.map((row) => ({ row, page: pageOf(row) })),
        col,
      );
      const printed = rows.map((r) => extents[r.row]?.[col] != null);
      return labels && labels.length > 0
        ? [
            {
              col,
              level: levelOf.get(col)!,
              block: s.from,
              levels: levels.length,
              rows,
              pageLast: rows.map((r) => rows.findLastIndex((o) => o.page === r.page)),
              labels,
              printed,
              tol: 0.45 * size,
            },
          ]
        : [];
    });
  });
}

/**
 * The labels printed in a column, in order: a cell with text of its own; a label wrapped over two rows'
 * cells (成本指 | 标) is one. Null where a text is no level name (the column cannot be laid).
 */
function labelsOf(
  table: Table,
  extents: (Extent | null)[][],
  rows: { row: number; page: number }[],
  col: number,
): Label[] | null {
  const out: Label[] = [];
  let piece: Label | null = null;
  for (const r of rows) {
    const e = extents[r.row]?.[col];
    const text = (table.rows[r.row]![col] ?? '').replace(/\s+/g, '');
    if (!e || text === '') continue;
    const label: Label = piece
      ? { text: piece.text + text, page: piece.page, low: e[0], high: piece.high }
      : { text, page: r.page, low: e[0], high: e[1] };
    if (piece && piece.page !== r.page) return null;
    if (isLevelName(label.text)) {
      out.push(label);
      piece = null;
    } else if (piece) return null;
    else piece = label;
  }
  return piece ? null : out;
}

/**
 * Every level column laid under one setting, the two levels of a block holding each other in: a 二级
 * group lies in one 一级 group, and a 一级 group holds no 二级 of another (经济成本指标 is a 成本指标's:
 * levelsClash). The 二级 are laid first, the 一级 within what they tell, the 二级 again within the 一级.
 */
function layAll(columns: Column[], setting: Setting): (Set<number>[] | null)[] {
  const out: (Set<number>[] | null)[] = columns.map(() => null);
  const told = (c: Column, laid: Set<number>[] | null) =>
    c.rows.map((_, i) => {
      const texts = new Set([...(laid?.[i] ?? [])].map((k) => c.labels[k]!.text));
      return texts.size === 1 ? [...texts][0]! : null;
    });
  const blocks = [...new Set(columns.map((c) => c.block))];
  for (const b of blocks) {
    const [one] = columns.filter((c) => c.block === b && c.level === 1);
    const twos = columns.filter((c) => c.block === b && c.level === 2);
    const first = twos.map((c) => lay(c, setting));
    const seconds = twos.map((c, k) => told(c, first[k]!));
    if (one) {
      const k1 = columns.indexOf(one);
      out[k1] = lay(one, setting, (k, i, j) => {
        const text = one.labels[k]!.text;
        return seconds.every((ts) => ts.slice(i, j + 1).every((t) => t === null || !levelsClash(text, t)));
      });
      const l1 = told(one, out[k1]!);
      twos.forEach((c) => {
        out[columns.indexOf(c)] = lay(
          c,
          setting,
          (_, i, j) => new Set(l1.slice(i, j + 1).filter((t) => t !== null)).size <= 1,
        );
      });
    } else twos.forEach((c, k) => (out[columns.indexOf(c)] = first[k]!));
  }
  return out;
}

/**
 * The groups of a column laid under a setting: for each row, the labels it can lie under over every way of
 * laying them (each label over a run of rows, in order, the runs covering the rows), or null where there
 * is none.
 */
function lay(
  c: Column,
  setting: Setting,
  allowed: (k: number, i: number, j: number) => boolean = () => true,
): Set<number>[] | null {
  const n = c.rows.length;
  const K = c.labels.length;
  const fits = (k: number, i: number, j: number) => fit(c, setting, k, i, j) && allowed(k, i, j);
  // A group begins on its label's page and the next on the next label's: label k's first row is one of
  // its page's rows, its last one row short of one of the next label's page (the block's last, for the
  // last label) — a page's rows squared for each label, however long the table.
  const onPage = (page: number): [number, number] => [
    c.rows.findIndex((r) => r.page === page),
    c.rows.findLastIndex((r) => r.page === page),
  ];
  const starts = c.labels.map((l) => onPage(l.page));
  const ends = c.labels.map((_, k): [number, number] => {
    if (k === K - 1) return [n - 1, n - 1];
    const [a, b] = starts[k + 1]!;
    return a < 0 ? [0, -1] : [a - 1, b - 1];
  });
  // A page of hundreds of rows under hundreds of labels (no table of the genre; a hostile file) is not laid.
  const pairs = starts.reduce(
    (sum, [a, b], k) => sum + Math.max(0, b - a + 1) * Math.max(0, ends[k]![1] - ends[k]![0] + 1),
    0,
  );
  if (pairs > MAX_PAIRS) return null;
  const each = (k: number, visit: (i: number, j: number) => void) => {
    const [a, b] = starts[k]!;
    if (a < 0) return;
    for (let i = a; i <= b; i++)
      for (let j = Math.max(i, ends[k]![0]); j <= ends[k]![1]; j++) if (fits(k, i, j)) visit(i, j);
  };
  // reach[k][i]: labels before k cover rows before i; rest[k][i]: labels from k cover rows from i on
  const reach = Array.from({ length: K + 1 }, () => new Array<boolean>(n + 1).fill(false));
  const rest = Array.from({ length: K + 1 }, () => new Array<boolean>(n + 1).fill(false));
  reach[0]![0] = true;
  rest[K]![n] = true;
  for (let k = 0; k < K; k++)
    each(k, (i, j) => {
      if (reach[k]![i]) reach[k + 1]![j + 1] = true;
    });
  for (let k = K - 1; k >= 0; k--)
    each(k, (i, j) => {
      if (rest[k + 1]![j + 1]) rest[k]![i] = true;
    });
  if (!reach[K]![n]) return null;
  const under = c.rows.map(() => new Set<number>());
  for (let k = 0; k < K; k++)
    each(k, (i, j) => {
      if (reach[k]![i] && rest[k + 1]![j + 1]) for (let r = i; r <= j; r++) under[r]!.add(k);
    });
  return under;
}

/**
 * Can label k cover rows i..j under the setting? Row i is on its page. Within one page the label stands
 * level with row i's first line (top), row j's last (foot) or halfway between them (middle); a group going
 * on past its page's last row is printed at the top of its part there.
 */
function fit(c: Column, setting: Setting, k: number, i: number, j: number): boolean {
  const label = c.labels[k]!;
  const rows = c.rows;
  const first = rows[i]!;
  const pageLast = c.pageLast[i]!;
  const cut = j > pageLast;
  const end = rows[Math.min(j, pageLast)]!;
  const level = (a: number, b: number) => Math.abs(a - b) <= c.tol;
  const set =
    setting === 'top'
      ? level(label.high, first.high)
      : setting === 'foot'
        ? level(label.low, end.low)
        : level((label.high + label.low) / 2, (first.high + end.low) / 2);
  // A centred cell reaching its page's last row may be printed as a cut one (LibreOffice, where a row of
  // it is cut there).
  const pageEnd = setting === 'middle' && j === pageLast;
  return (set && !cut) || ((cut || pageEnd) && level(label.high, first.high));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor((s.length - 1) / 2)]!;
}
