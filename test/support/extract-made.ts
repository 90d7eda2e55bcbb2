// Runs the real pipeline over a PDF made in memory by a test.
import { extractBytes } from '../../src/pipeline/extract.ts';
import type { Report } from '../../src/schema/report.ts';
import { compose, type ComposeOptions, type ComposePara } from './compose.ts';
import { makePdf, type PdfSpec } from './make-pdf.ts';

export async function extractSpec(spec: PdfSpec, name = 'made.pdf'): Promise<Report> {
  return extractBytes(makePdf(spec), name, { ocr: 'never' });
}

export async function extractComposed(paras: ComposePara[], options?: ComposeOptions): Promise<Report> {
  return extractSpec(compose(paras, options));
}

/** Body text of a report, paragraph per line. */
export function bodyText(report: Report): string[] {
  return report.paragraphs.filter((p) => p.role === 'body').map((p) => p.text);
}

/** The section tree as indented "marker title" lines. */
export function outline(report: Report): string[] {
  return report.sections.map((s) => `${'  '.repeat(s.level - 1)}${s.marker}${s.title}`);
}
