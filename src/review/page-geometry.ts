// Where a report's boxes fall on its page images (drawn by
// src/writers/page-images.ts), and a drawn page as the site's pages link it.
import type { BBox } from '../schema/report.ts';
import type { DrawnPage, PageGeometry } from '../writers/page-images.ts';

/** A drawn page, its image linked from the site's root (`documents/<name>/page-0001.png`), or null. */
export interface RenderedPage extends Omit<DrawnPage, 'file'> {
  image: string | null;
}

/**
 * A box in fractions of the shown page: [left, top, width, height], origin top-left.
 * The report's bbox is [x0, y0, x1, y1] in points on the page as shown (src/pdf/display.ts:
 * the visible box moved to the origin and turned by /Rotate), origin bottom-left — the
 * drawn image is that same page, so only the y axis flips.
 */
export function boxOnPage(g: PageGeometry, bbox: BBox): [number, number, number, number] {
  const [x0, y0, x1, y1] = bbox;
  return [x0 / g.width, (g.height - y1) / g.height, (x1 - x0) / g.width, (y1 - y0) / g.height];
}

/** The drawn pages of a folder the site links as `href` (relative to the site's root, with /). */
export function linked(pages: DrawnPage[], href: string): RenderedPage[] {
  return pages.map(({ file, ...p }) => ({ ...p, image: file === null ? null : `${href}/${file}` }));
}

/**
 * A page `jixiao report` left undrawn (it draws the pages holding a finding first), in the static site:
 * how to see it. No link to the PDF: the browser's own viewer may run a PDF's scripts (Firefox does).
 */
export const NOT_DRAWN =
  '此页尚未绘制（jixiao report 只预先绘制有发现的页面）。查看此页：用 jixiao review 打开批处理文件夹（页面按需绘制），或加 --all-pages 重新运行 jixiao report。';
