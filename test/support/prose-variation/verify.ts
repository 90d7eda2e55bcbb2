// Checks a rendered fixture against its plan with poppler's pdftotext — not
// with the code under test: the right number of pages, every item's text on
// its planned page in order, every composed line drawn as one line inside the
// right margin. A plan a producer did not follow is not a fixture.
import { execFileSync } from 'node:child_process';
import { pageSize, type Plan } from './plan.ts';
import type { Style } from './types.ts';

interface PdfLine {
  text: string;
  xMin: number;
  xMax: number;
  y: number;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const LINE = /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;

/**
 * Lines of every page as pdftotext -bbox-layout gives them, put in visual
 * order: pieces on one baseline joined left to right, top to bottom (its own
 * order follows blocks, not the page).
 */
export function pdfLines(file: string): PdfLine[][] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return xml
    .split(/<page /)
    .slice(1)
    .map((page) => {
      const pieces = [...page.matchAll(LINE)]
        .map((m) => ({
          xMin: Number(m[1]),
          xMax: Number(m[3]),
          y: Number(m[4]),
          text: [...m[5]!.matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => unescape(w[1]!)).join(''),
        }))
        .sort((a, b) => a.y - b.y || a.xMin - b.xMin);
      const lines: PdfLine[] = [];
      for (const piece of pieces) {
        const last = lines[lines.length - 1];
        if (last && Math.abs(last.y - piece.y) < 2) {
          last.text += piece.text;
          last.xMax = Math.max(last.xMax, piece.xMax);
        } else lines.push({ ...piece });
      }
      return lines;
    });
}

/** What differs between the plan and the PDF; empty when the PDF is the plan. */
export function verify(file: string, plan: Plan, style: Style): string[] {
  const problems: string[] = [];
  const pages = pdfLines(file);
  if (pages.length !== plan.pages.length) problems.push(`${pages.length} pages, planned ${plan.pages.length}`);
  plan.pages.forEach((page, i) => {
    const right = pageSize(page.landscape).width - style.margins[1];
    const lines = pages[i] ?? [];
    const all = squeeze(lines.map((l) => l.text).join(''));
    let at = 0;
    for (const item of page.items) {
      const want = squeeze(item.toc ? item.toc.label : item.segs.map((s) => s.text).join(''));
      const found = all.indexOf(want, at);
      if (found < 0) {
        problems.push(`p${i + 1}: "${want}" not found in order`);
        continue;
      }
      at = found + want.length;
      // A composed body line is drawn as one line, inside the margin.
      if (style.wrap !== 'composed' || item.toc || (item.align !== 'full' && item.align !== 'left')) continue;
      const line = lines.find((l) => squeeze(l.text) === want);
      if (!line) problems.push(`p${i + 1}: "${want}" is not one line`);
      else if (line.xMax > right + 2)
        problems.push(`p${i + 1}: "${want}" runs past the margin (${line.xMax} > ${right})`);
    }
  });
  return problems;
}
