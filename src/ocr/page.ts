// OCR lines → the positioned text items layout reads, in PDF points. The
// scan's skew is measured from the baselines and taken out of the geometry,
// so that indents and line grouping work as on typed pages.
import type { PageText, Segment, TextItem } from '../pdf/types.ts';
import { isCjk } from '../text/cjk.ts';
import { cleanOcrText } from './clean.ts';
import type { PixelRule } from './rules.ts';
import type { OcrEngineName, OcrLine, OcrResult } from './types.ts';

/** Lines OCR is this unsure of are specks, seals and stamps, not text (PP-OCR's scores run higher: PaddleOCR drops below 50). */
const MIN_LINE_CONFIDENCE: Record<OcrEngineName, number> = { tesseract: 35, ppocr: 50 };

export function ocrToPageText(
  result: OcrResult,
  page: { number: number; width: number; height: number },
  pixelsPerPoint: number,
): PageText {
  const min = MIN_LINE_CONFIDENCE[result.engine];
  const lines = splitAtRules(result.lines, result.rules ?? []).filter(
    (l) => l.confidence >= min && l.words.some((w) => w.text.trim() !== ''),
  );
  const angle = skewOf(lines);
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  // Font size from the pitch of Chinese characters on lines long enough to
  // measure it; short lines take their box height times the page's ratio of
  // the two (a short line's last glyph is often a narrow 。 that shrinks it).
  const texts = lines.map((l) => cleanOcrText(joinWords(l)));
  const pitches = lines.map((l, i) => pitchSize(texts[i]!, l));
  const ratios = lines
    .flatMap((l, i) => (pitches[i] ? [pitches[i]! / (l.bbox.y1 - l.bbox.y0)] : []))
    .sort((a, b) => a - b);
  const ratio = ratios[Math.floor(ratios.length / 2)] ?? 1;
  const items: TextItem[] = [];
  const measured = new Set<TextItem>();
  lines.forEach((line, i) => {
    const str = texts[i]!;
    if (str.trim() === '') return;
    // Rotate the line's left baseline point about the page origin to undo the skew.
    const bx = line.baseline.x0;
    const by = line.baseline.y0;
    const x = bx * cos - by * sin;
    const y = bx * sin + by * cos;
    const size = pitches[i] ?? (line.bbox.y1 - line.bbox.y0) * ratio;
    const item: TextItem = {
      str,
      x: x / pixelsPerPoint,
      y: page.height - y / pixelsPerPoint,
      width: (line.bbox.x1 - line.bbox.x0) / pixelsPerPoint,
      size: size / pixelsPerPoint,
      font: 'ocr',
      confidence: Math.round(line.confidence * 10) / 10,
      // Each line read is one run, as a producer draws each cell's text: lines are cut at
      // the blanks between cells (ppocr/gaps.ts), so two lines side by side are two cells.
      run: i,
    };
    items.push(item);
    if (pitches[i]) measured.add(item);
  });
  snapSizes(items, measured);
  const words = lines.flatMap((l) => l.words);
  const confidence = words.length === 0 ? 0 : words.reduce((s, w) => s + w.confidence, 0) / words.length;
  const text: PageText = {
    number: page.number,
    width: page.width,
    height: page.height,
    items,
    method: 'ocr',
    ocrConfidence: Math.round(confidence * 10) / 10,
  };
  if (result.rules && result.rules.length > 0) text.rules = rulesToPoints(result.rules, page.height, pixelsPerPoint);
  return text;
}

/** Ruling lines in image pixels (top-left origin) → PDF points (bottom-left origin), as the text layer's rules are. */
export function rulesToPoints(rules: PixelRule[], pageHeight: number, pixelsPerPoint: number): Segment[] {
  const pt = (v: number) => Math.round((v / pixelsPerPoint) * 100) / 100;
  return rules.map((r) =>
    r.y0 === r.y1
      ? { x0: pt(r.x0), y0: pageHeight - pt(r.y0), x1: pt(r.x1), y1: pageHeight - pt(r.y0) }
      : { x0: pt(r.x0), y0: pageHeight - pt(r.y1), x1: pt(r.x0), y1: pageHeight - pt(r.y0) },
  );
}

/**
 * A line read across a table's vertical border is two cells: its words are
 * parted at every vertical rule that crosses the line's middle.
 */
export function splitAtRules(lines: OcrLine[], rules: PixelRule[]): OcrLine[] {
  const verticals = rules.filter((r) => r.x0 === r.x1);
  if (verticals.length === 0) return lines;
  return lines.flatMap((line) => {
    const mid = (line.bbox.y0 + line.bbox.y1) / 2;
    const xs = verticals
      .filter((v) => v.y0 <= mid && v.y1 >= mid && v.x0 > line.bbox.x0 && v.x0 < line.bbox.x1)
      .map((v) => v.x0);
    if (xs.length === 0 || line.words.length < 2) return [line];
    const groups = new Map<number, OcrLine['words']>();
    for (const w of line.words) {
      const cell = xs.filter((x) => x < (w.bbox.x0 + w.bbox.x1) / 2).length;
      groups.set(cell, [...(groups.get(cell) ?? []), w]);
    }
    if (groups.size < 2) return [line];
    const b = line.baseline;
    const slope = b.x1 === b.x0 ? 0 : (b.y1 - b.y0) / (b.x1 - b.x0);
    return [...groups.values()].map((words) => {
      const bbox = {
        x0: Math.min(...words.map((w) => w.bbox.x0)),
        y0: Math.min(...words.map((w) => w.bbox.y0)),
        x1: Math.max(...words.map((w) => w.bbox.x1)),
        y1: Math.max(...words.map((w) => w.bbox.y1)),
      };
      const at = (x: number) => b.y0 + (x - b.x0) * slope;
      const confidence = words.reduce((sum, w) => sum + w.confidence, 0) / words.length;
      return { confidence, bbox, baseline: { x0: bbox.x0, y0: at(bbox.x0), x1: bbox.x1, y1: at(bbox.x1) }, words };
    });
  });
}

/** Words → line text: no space next to Chinese; one between Latin words or numbers set apart. */
function joinWords(line: OcrLine): string {
  let text = '';
  let prevEnd = -Infinity;
  const h = line.bbox.y1 - line.bbox.y0;
  for (const w of line.words) {
    const word = w.text.trim();
    if (word === '') continue;
    const a = text[text.length - 1];
    const b = word[0];
    const gap = w.bbox.x0 - prevEnd;
    if (text !== '' && !isCjk(a) && !isCjk(b) && gap > 0.25 * h) text += ' ';
    else if (text !== '' && gap > 0.6 * h && /[0-9]/.test(a ?? '') !== /[0-9]/.test(b ?? '')) text += ' ';
    text += word;
    prevEnd = w.bbox.x1;
  }
  return text;
}

/** The page's skew: the median slope of long baselines (radians, image coordinates). */
function skewOf(lines: OcrLine[]): number {
  const slopes = lines
    .filter((l) => l.baseline.x1 - l.baseline.x0 > 200)
    .map((l) => Math.atan2(l.baseline.y1 - l.baseline.y0, l.baseline.x1 - l.baseline.x0))
    .sort((a, b) => a - b);
  if (slopes.length === 0) return 0;
  const mid = slopes[Math.floor(slopes.length / 2)]!;
  return Math.abs(mid) < 0.2 ? mid : 0;
}

/**
 * The font size of a line from the pitch of its characters, in pixels:
 * Chinese characters advance one em each, Latin and digits about half. Null
 * when the line has too few characters to measure.
 */
function pitchSize(text: string, line: OcrLine): number | null {
  let units = 0;
  let cjk = 0;
  for (const ch of text.trim()) {
    if (/\s/.test(ch)) continue;
    const wide = isCjk(ch);
    units += wide ? 1 : 0.5;
    if (wide) cjk++;
  }
  // The box ends at the last glyph's ink: a closing 。，、 adds little of its em.
  if (/[。，、；：）”]$/.test(text.trim())) units -= 0.6;
  return cjk >= 6 && units > 0 ? (line.bbox.x1 - line.bbox.x0) / units : null;
}

/**
 * Sizes wobble with the glyphs on a line: within 15 % of the page's usual
 * size (25 % for short lines measured by their box) they are the usual size.
 */
function snapSizes(items: TextItem[], measured: Set<TextItem>): void {
  const sizes = items
    .filter((i) => measured.has(i))
    .map((i) => i.size)
    .sort((a, b) => a - b);
  const usual = sizes[Math.floor(sizes.length / 2)];
  if (!usual) return;
  for (const it of items) if (Math.abs(it.size - usual) <= usual * (measured.has(it) ? 0.15 : 0.25)) it.size = usual;
}
