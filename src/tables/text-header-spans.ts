// The spans of a text-aligned table's header rows (text-header-rows.ts reads
// which lines they are): a cell centred over a run of sub-headers spans that
// run, one set left the sub-headers nearer it than another; a cell's wrapped
// lines stay in its column; a header set left reaches the figures set right.
import { isInfoRow } from './headers.ts';
import { cellText, type Chunk, type TextLine } from './chunks.ts';
import { extentOf, overlap, type Col } from './text-columns.ts';
import { gapEms } from './text-blocks.ts';
import type { Row } from './text-rows.ts';

const isCover = (line: TextLine) => isInfoRow(line.chunks.map((c) => c.text));

/**
 * The header's spans. Cover lines (项目名称 | …, 主管部门 | …) name no column and span none. In a
 * header of two rows a cell spans the sub-headers it is centred over, else those nearer it than
 * another (spanOverSubheaders); under cover lines, or in a header of three rows (支出决算（万元） ›
 * 基本支出 › 人员经费), only a cell centred over a run of sub-headers is known to span them (the
 * upper line may be the first line of wrapped headers: 实际支出 over 数⑤, each over its own
 * column). A sub-header over a column without figures may reach the figures right of it.
 */
export function spanHeader(
  header: Row[],
  cols: Col[],
  wordy: ReadonlySet<number>,
  split: [Row, Row] | null = null,
): void {
  header.forEach(keepWrapsInColumn);
  const naming = header.filter((r) => !isCover(r.lines[0]!));
  if (naming.length === 2 && header.length === 2) spanOverSubheaders(naming[0]!, naming[1]!, cols);
  else if (naming.length >= 2)
    for (const upper of naming.slice(0, -1))
      for (const h of [...upper.cells.keys()].filter((c) => named(upper, c)))
        spanCentred(upper, naming.at(-1)!, h, cols);
  // The two rows a middle line's cells span (text-header-middle.ts): their spans are known whatever stands above them.
  if (split && naming.length !== 2 && header.includes(split[0]) && header.includes(split[1]))
    spanOverSubheaders(split[0], split[1], cols);
  if (naming.length > 0) reachFigures(naming.at(-1)!, header, wordy, cols.length);
}

/**
 * A header cell over a column without figures, right beside the one column of figures that no
 * header row names, heads that one too: 得分 set left in a cell as wide as the 得分 | 偏差原因
 * columns of the block below, its 9.8 set right past the reasons' words. (Where the header leaves
 * other columns of figures unnamed, it is no header that names them all: the tail of a row cut by
 * the page break, 率 | 后，下一步加快推进.)
 */
function reachFigures(row: Row, header: Row[], wordy: ReadonlySet<number>, width: number): void {
  const free = (c: number) => !header.some((r) => r.cells.has(c) || r.covered.has(c));
  const unnamed = [...Array(width).keys()].filter((c) => !wordy.has(c) && free(c));
  if (unnamed.length !== 1) return;
  for (const c of [...row.cells.keys()])
    if (named(row, c) && wordy.has(c) && c + 1 === unnamed[0]) {
      row.covered.add(c + 1);
      (row.spannedFrom ??= new Map()).set(c + 1, c);
    }
}

/**
 * A header cell's lines stay in one column: a chunk of a row's line right under a chunk of its line
 * above, starting where that starts (set left) or centred where it is centred, and no wider, is
 * that cell's next line (施 under 偏差原因分析及改进措, fallen nearer 得分 where no text of its own
 * column stands on the page).
 */
export function keepWrapsInColumn(row: Row): void {
  const colOf = (chunk: Chunk) => [...row.cells].find(([, ps]) => ps.includes(chunk.pieces[0]!))?.[0];
  const mid = (c: Chunk) => (c.x0 + c.x1) / 2;
  const lines = [...row.lines].sort((a, b) => b.y - a.y);
  for (let i = 1; i < lines.length; i++) {
    for (const chunk of lines[i]!.chunks) {
      // The cell's line above: the nearest with text over this chunk, past a line of other cells set
      // between its lines (a cell centred down the header: 得分 between 偏差原因分析及 and 改进措施).
      const up = lines.slice(0, i).findLast((l) => l.chunks.some((u) => overlap(u, chunk) > 0));
      if (!up || gapEms(up, lines[i]!) > 1.6) continue;
      const near = 0.5 * chunk.size;
      const over = up.chunks.find(
        (u) =>
          chunk.x1 - chunk.x0 <= u.x1 - u.x0 + near &&
          (Math.abs(u.x0 - chunk.x0) <= near || Math.abs(mid(u) - mid(chunk)) <= near),
      );
      const [to, from] = [over && colOf(over), colOf(chunk)];
      if (to === undefined || from === undefined || to === from) continue;
      const rest = row.cells.get(from)!.filter((p) => !chunk.pieces.includes(p));
      if (rest.length > 0) row.cells.set(from, rest);
      else row.cells.delete(from);
      row.cells.set(to, [...row.cells.get(to)!, ...chunk.pieces]);
    }
  }
}

/**
 * A header cell over sub-headers spans them: in a header of two rows, a column
 * the row below names but this row does not is spanned by the nearer of this row's cells on
 * either side of it, among those that have a sub-header under their own column (预算执行情况（万元）
 * over 年初预算数 | 全年预算数 | 全年执行数, set left or centred and narrower than the three). A cell
 * with nothing under it (执行率 down both rows) spans no sub-header.
 */
function spanOverSubheaders(upper: Row, lower: Row, cols: Col[]): void {
  const heads = [...upper.cells.keys()].filter((c) => named(upper, c)).sort((a, b) => a - b);
  // A head centred over its run spans that run and no more (项目 over 科目编码 | 科目名称 and 收入（万元）
  // over 财政拨款收入 | 事业收入 | 其他收入 leave 本年收入合计 between them unspanned).
  const centred = new Set(heads.filter((h) => spanCentred(upper, lower, h, cols)));
  if (centred.size === heads.length) return;
  cols.forEach((col, c) => {
    if (named(upper, c) || upper.covered.has(c) || !named(lower, c)) return;
    const left = heads.filter((h) => h < c).pop();
    const right = heads.find((h) => h > c);
    const candidates = [left, right].filter((h): h is number => h !== undefined && !centred.has(h) && named(lower, h));
    if (candidates.length === 0) return;
    const distance = (h: number) => Math.max(0, -overlap(extentOf(upper.cells.get(h)!), col));
    const from = candidates.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    upper.covered.add(c);
    (upper.spannedFrom ??= new Map()).set(c, from);
  });
}

const named = (row: Row, c: number) => cellText(row.cells.get(c) ?? []).trim() !== '';

/**
 * A lone header cell centred over a run of the sub-headers below it spans that run: the run of two
 * or more, around its own column, whose middle (from the first sub-header's left to the last's
 * right) is nearest its own, within an em (预算执行情况（万元） over 年初预算数 | 全年预算数 |
 * 全年执行数 but not 分值 | 执行率 | 得分 beside them; 资金安排（万元） over 实施期资金总额 |
 * 年度资金总额 but not 占比). Set left, it is no centre: false, and the nearer-cell rule spans (so too
 * when it starts where its own sub-header starts and is centred less closely: setLeft).
 */
function spanCentred(upper: Row, lower: Row, h: number, cols: Col[]): boolean {
  if (!named(lower, h)) return false;
  const own = extentOf(upper.cells.get(h)!);
  const size = Math.max(...upper.lines.flatMap((l) => l.chunks.map((c) => c.size)));
  const mid = (own.x0 + own.x1) / 2;
  // A column's extent: its figures' and its sub-header's (set left over figures set right).
  const extent = (c: number) => extentOf([cols[c]!, ...lower.cells.get(c)!]);
  let a = h;
  while (named(lower, a - 1) && !named(upper, a - 1)) a--;
  let b = h;
  while (named(lower, b + 1) && !named(upper, b + 1)) b++;
  let best: [number, number, number] | null = null;
  for (let from = a; from <= h; from++)
    for (let to = Math.max(h, from + 1); to <= b; to++) {
      const off = Math.abs((extent(from).x0 + extent(to).x1) / 2 - mid);
      // Equally centred over a run and a wider one (基本支出 over 人员经费 | 公用经费, and over those and
      // 本年支出合计 | 项目支出 beside them on a page laid out symmetrically): the narrower.
      const narrower = best !== null && to - from < best[1] - best[0];
      if (!best || off < best[2] - 1 || (off <= best[2] + 1 && narrower)) best = [from, to, off];
    }
  if (!best || best[2] > size || (best[2] > 0.25 * size && setLeft(own, lower.cells.get(h)!, size))) return false;
  for (let c = best[0]; c <= best[1]; c++)
    if (c !== h) {
      upper.covered.add(c);
      (upper.spannedFrom ??= new Map()).set(c, h);
    }
  return true;
}

/**
 * A head that starts where the sub-header under it starts, its padding the same, is set left: its
 * being near the middle of a run (公务用车购置及运行费 over 小计 | 公务用车购置费, not 公务用车运行费
 * beside them) is chance, unless it is centred closely.
 */
function setLeft(own: Col, below: Col[], size: number): boolean {
  return Math.abs(extentOf(below).x0 - own.x0) <= 0.15 * size;
}

/**
 * The run of two or more sub-headers (the header's lowest row, each column taken as its sub-header
 * and its figures) a chunk is centred over, within an em, and lies within: 基本支出 over 人员经费 |
 * 公用经费, 支出决算（万元） over those and 本年支出合计 | 项目支出 beside them, narrower than
 * what it heads and so over no column's middle, or over one only. Never every column of the table
 * (the caption's （2023年度） is centred over them all), and no year or figure.
 */
export function centredRun(chunk: Chunk, bottom: Row, cols: Col[]): [number, number] | null {
  if (/\d/.test(chunk.text)) return null;
  const extent = (c: number) => extentOf([cols[c]!, ...(bottom.cells.get(c) ?? [])]);
  const mid = (chunk.x0 + chunk.x1) / 2;
  let best: [number, number, number] | null = null;
  for (let from = 0; from < cols.length; from++)
    for (let to = from + 1; to < cols.length && named(bottom, to) && named(bottom, from); to++) {
      if (from === 0 && to === cols.length - 1) continue;
      const [x0, x1] = [extent(from).x0, extent(to).x1];
      const off = Math.abs((x0 + x1) / 2 - mid);
      if (chunk.x0 >= x0 - chunk.size && chunk.x1 <= x1 + chunk.size && (!best || off < best[2]))
        best = [from, to, off];
    }
  return best && best[2] <= chunk.size ? [best[0], best[1]] : null;
}
