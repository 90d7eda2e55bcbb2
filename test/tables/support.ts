// Made pages for table tests: a ruled-table builder and a reader that gives
// findTables what the pipeline gives it (text items and ruling lines, through
// the default PDF engine; JIXIAO_PDF_ENGINE=pdfjs runs them through pdf.js).
import { openDocument } from '../../src/pdf/document.ts';
import { withoutHidden } from '../../src/pdf/hidden.ts';
import { splitAtRunGaps } from '../../src/pdf/run-gaps.ts';
import { tableFacts } from '../../src/facts/table-facts.ts';
import type { PageText } from '../../src/pdf/types.ts';
import type { Fact } from '../../src/schema/report.ts';
import type { TableModel } from '../../src/tables/find.ts';
import { structureTables } from '../../src/tables/structure.ts';
import type { ConceptContext } from '../../src/vocab/concepts.ts';
import { textWidth } from '../support/compose.ts';
import { makePdf, type PageSpec, type Rule, type TextRun } from '../support/make-pdf.ts';

/** Made PDF pages read back as the pipeline reads them. */
export async function readMade(pages: PageSpec[]): Promise<PageText[]> {
  const pdf = await openDocument(makePdf({ pages }));
  try {
    const out: PageText[] = [];
    for (let n = 1; n <= pages.length; n++) {
      const page = await pdf.readText(n);
      const graphics = await pdf.readGraphics(n);
      page.rules = graphics.rules;
      page.items = splitAtRunGaps(withoutHidden(page.items, graphics.runs), graphics.runs);
      out.push(page);
    }
    return out;
  } finally {
    await pdf.destroy();
  }
}

export async function readOne(page: PageSpec): Promise<PageText> {
  return (await readMade([page]))[0]!;
}

/**
 * A cell: text (an array for a cell wrapped over lines), 'left' where the
 * cell on the left spans over it, 'up' where the cell above spans down over it.
 */
export type Cell = string | string[] | 'left' | 'up';

export interface RuledOptions {
  xs: number[];
  top: number;
  rowHeight: number;
  size?: number;
  /** Word-style borders: thin filled rectangles instead of stroked lines */
  filled?: boolean;
  /** with filled: each border a band with mitred ends, as spreadsheet exports draw them */
  mitred?: boolean;
  align?: 'left' | 'right';
}

/** A fully ruled table, cell text left-aligned (or right-aligned) and vertically centred in its merged cell. */
export function ruledTable(rows: Cell[][], o: RuledOptions): { runs: TextRun[]; rules: Rule[] } {
  const size = o.size ?? 9;
  const runs: TextRun[] = [];
  const rules: Rule[] = [];
  const ys = rows.map((_, r) => o.top - r * o.rowHeight).concat(o.top - rows.length * o.rowHeight);
  const line = (x0: number, y0: number, x1: number, y1: number) =>
    rules.push(o.filled ? { x0, y0, x1, y1, fill: true, width: 0.75, mitred: !!o.mitred } : { x0, y0, x1, y1 });
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell !== 'left') line(o.xs[c]!, ys[r + 1]!, o.xs[c]!, ys[r]!);
      if (cell !== 'up') line(o.xs[c]!, ys[r]!, o.xs[c + 1]!, ys[r]!);
      if (cell === 'left' || cell === 'up') return;
      // The merged cell's extent: right over 'left' cells, down over 'up' cells.
      let c1 = c;
      while (row[c1 + 1] === 'left') c1++;
      let r1 = r;
      while (rows[r1 + 1]?.[c] === 'up') r1++;
      const texts = typeof cell === 'string' ? [cell] : cell;
      const mid = (ys[r]! + ys[r1 + 1]!) / 2;
      const lead = size * 1.3;
      texts.forEach((t, k) => {
        const y = mid + ((texts.length - 1) / 2 - k) * lead - size * 0.35;
        const x = o.align === 'right' && /^[0-9.,%-]+$/.test(t) ? o.xs[c1 + 1]! - 4 - textWidth(t, size) : o.xs[c]! + 4;
        runs.push({ text: t, x, y, size });
      });
    });
    line(o.xs[row.length]!, ys[r + 1]!, o.xs[row.length]!, ys[r]!);
  });
  line(o.xs[0]!, ys[rows.length]!, o.xs[o.xs.length - 1]!, ys[rows.length]!);
  return { runs, rules };
}

/** A table written with text only: cells at column x (numbers right-aligned at the column's right edge). */
export function textTable(
  rows: (string | null)[][],
  o: { lefts: number[]; rights: number[]; top: number; pitch: number; size?: number },
): TextRun[] {
  const size = o.size ?? 9;
  const runs: TextRun[] = [];
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      const numeric = /^[0-9.,%-]+$/.test(cell);
      runs.push({
        text: cell,
        x: numeric ? o.rights[c]! - textWidth(cell, size) : o.lefts[c]!,
        y: o.top - r * o.pitch,
        size,
      });
    });
  });
  return runs;
}

/**
 * The facts of tables found on made pages (or built by hand), read as the
 * pipeline reads them: parts carried over pages joined and their structure
 * read (tables/structure.ts), then their cells. The first table is named `id`.
 */
export function factsOf(
  models: TableModel | TableModel[],
  id = 't1',
  sectionId: string | null = null,
  concepts: ConceptContext = {},
): Fact[] {
  return structureTables([models].flat(), []).flatMap(({ table, boxes }, i) =>
    tableFacts({ ...table, id: i === 0 ? id : table.id }, sectionId, concepts, boxes),
  );
}
