// Tables written by hand as rows of cell text, read into the report's Table
// the way the pipeline reads a found table (tables/structure.ts): laid out on
// a made page — every column 200 pt wide, rows 20 pt high, each cell's text
// 2 pt from its left edge plus the row's indentation — so that header rows,
// segments, parts carried over pages and levels by indentation are decided by
// the same code as for a PDF.
import type { PageText, TextItem } from '../../src/pdf/types.ts';
import type { BBox, Table } from '../../src/schema/report.ts';
import { headerRowsOf, type TableModel } from '../../src/tables/find.ts';
import { structureTables, type StructuredTable } from '../../src/tables/structure.ts';

export interface HandTable {
  rows: string[][];
  page?: number;
  title?: string | null;
  unit?: string | null;
  /** how far each row's text is indented, in points (a 决算 table's 款 and 项 names) */
  indent?: (number | null)[];
  /** the table's left edge on its page (default 40 pt) */
  left?: number;
}

const COLUMN = 200;
const ROW = 20;
const SIZE = 9;

/** The tables as the report gives them (parts on consecutive pages joined where they continue). */
export function handTables(specs: HandTable[]): Table[] {
  return structuredHandTables(specs).map((t) => t.table);
}

export function structuredHandTables(specs: HandTable[]): StructuredTable[] {
  const pages = new Map<number, PageText>();
  const models = specs.map((spec): TableModel => {
    const page = spec.page ?? 1;
    const top = 780;
    const width = Math.max(...spec.rows.map((r) => r.length));
    const left = spec.left ?? 40;
    const boxes = spec.rows.map((row, r) =>
      row.map((_, c): BBox => [left + c * COLUMN, top - (r + 1) * ROW, left + (c + 1) * COLUMN, top - r * ROW]),
    );
    const items: TextItem[] = spec.rows.flatMap((row, r) =>
      row.flatMap((text, c) =>
        text === ''
          ? []
          : [
              {
                str: text,
                x: boxes[r]![c]![0] + 2 + (spec.indent?.[r] ?? 0),
                y: boxes[r]![c]![1] + 6,
                width: text.length * SIZE * 0.6,
                size: SIZE,
                font: 'hand',
              },
            ],
      ),
    );
    const at = pages.get(page) ?? {
      number: page,
      width: left + width * COLUMN + 40,
      height: 842,
      items: [],
      method: 'text',
      ocrConfidence: null,
    };
    at.items.push(...items);
    pages.set(page, at);
    return {
      page,
      bbox: [left, top - spec.rows.length * ROW, left + width * COLUMN, top],
      title: spec.title ?? null,
      unit: spec.unit ?? null,
      headerRows: headerRowsOf(spec.rows),
      rows: spec.rows.map((r) => [...r]),
      cellBoxes: boxes,
    };
  });
  return structureTables(models, [...pages.values()]);
}
