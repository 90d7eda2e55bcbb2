// The layout stage: positioned text of every page → paragraphs in reading
// order, with running headers, footers and page numbers marked.
import type { PageText } from '../pdf/types.ts';
import { markContents, markFurniture } from './furniture.ts';
import { buildLines } from './lines.ts';
import { buildParagraphs } from './paragraphs.ts';
import type { Layout } from './types.ts';

export function layoutPages(pages: PageText[]): Layout {
  const perPage = pages.map((p) => ({ lines: buildLines(p), height: p.height }));
  markFurniture(perPage);
  markContents(perPage);
  const tables = new Map(pages.map((p) => [p.number, p.tableBoxes ?? []]));
  return buildParagraphs(
    perPage.flatMap((p) => p.lines),
    tables,
  );
}
