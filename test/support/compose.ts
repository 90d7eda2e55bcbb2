// Lays out paragraphs the way a word processor does — first-line indent,
// justified wrapping at the right margin, page breaks, running header and
// footer — and returns the PdfSpec for makePdf. Widths: a CJK glyph is one
// em, an ASCII glyph half an em, as in the fonts these reports use.
import type { PageSpec, PdfSpec, TextRun } from './make-pdf.ts';

export interface ComposePara {
  text: string;
  size?: number;
  bold?: boolean;
  /** first-line indent in ems (default 2; 0 for flush headings) */
  indent?: number;
  align?: 'left' | 'center';
  /** extra space before, in points */
  spaceBefore?: number;
}

export interface ComposeOptions {
  size?: number;
  left?: number;
  right?: number;
  top?: number;
  bottom?: number;
  lineSpacing?: number;
  header?: (page: number) => string | null;
  footer?: (page: number) => string | null;
  /** split each line into runs of at most this many characters (Word emits many small items) */
  runChars?: number;
}

export function glyphWidth(ch: string, size: number): number {
  return ch.charCodeAt(0) < 0x80 ? size / 2 : size;
}

export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += glyphWidth(ch, size);
  return w;
}

export function compose(paras: ComposePara[], options: ComposeOptions = {}): PdfSpec {
  const o = { size: 12, left: 72, right: 523, top: 770, bottom: 80, lineSpacing: 1.8, runChars: 0, ...options };
  const pages: PageSpec[] = [];
  let runs: TextRun[] = [];
  let y = o.top;
  const newPage = () => {
    pages.push({ runs });
    runs = [];
    y = o.top;
  };
  for (const para of paras) {
    const size = para.size ?? o.size;
    const pitch = size * o.lineSpacing;
    y -= para.spaceBefore ?? 0;
    const indent = (para.indent ?? 2) * size;
    let line = '';
    let x0 = o.left + indent;
    const flush = (text: string, start: number) => {
      if (y < o.bottom) newPage();
      let x = para.align === 'center' ? (o.left + o.right - textWidth(text, size)) / 2 : start;
      for (const piece of o.runChars > 0 ? chunk(text, o.runChars) : [text]) {
        runs.push({ text: piece, x, y, size, bold: para.bold });
        x += textWidth(piece, size);
      }
      y -= pitch;
    };
    for (const ch of para.text) {
      if (x0 + textWidth(line + ch, size) > o.right + 0.01) {
        flush(line, x0);
        line = '';
        x0 = o.left;
      }
      line += ch;
    }
    if (line.length > 0) flush(line, x0);
  }
  if (runs.length > 0 || pages.length === 0) newPage();
  pages.forEach((page, i) => {
    const header = o.header?.(i + 1);
    const footer = o.footer?.(i + 1);
    if (header) page.runs.push({ text: header, x: (o.left + o.right - textWidth(header, 9)) / 2, y: 805, size: 9 });
    if (footer) page.runs.push({ text: footer, x: (o.left + o.right - textWidth(footer, 10)) / 2, y: 40, size: 10 });
  });
  return { pages };
}

function chunk(text: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += n) out.push(text.slice(i, i + n));
  return out;
}
