// Layout's data: lines and paragraphs with enough geometry kept that any
// character can be traced back to its page and box.
import type { BBox } from '../schema/report.ts';

/** A run of characters of one text item: where text[start, end) sits on the page. */
export interface Span {
  start: number;
  end: number;
  page: number;
  bbox: BBox;
}

/** `toc`: a line of a table of contents (目录) — kept, but neither a heading nor a source of facts. */
export type LineRole = 'body' | 'header' | 'footer' | 'page-number' | 'toc';

export interface Line {
  page: number;
  text: string;
  spans: Span[];
  x0: number;
  x1: number;
  /** baseline */
  y: number;
  size: number;
  /** the font that covers most of the line's characters */
  font: string;
  role: LineRole;
  /** width of the page the line is on */
  pageWidth?: number;
}

export interface Para {
  page: number;
  text: string;
  spans: Span[];
  lines: Line[];
  size: number;
  font: string;
  /** first line starts further right than the page's text margin */
  indented: boolean;
  role: LineRole;
}

/** Layout of a whole document, pages in order. */
export interface Layout {
  paragraphs: Para[];
  /** left margin and right edge of body text, by page */
  margins: Map<number, { left: number; right: number }>;
  /** the font size and font carrying the most body characters */
  bodySize: number;
  bodyFont: string;
}
