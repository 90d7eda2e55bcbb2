// Runs the pure stages over pages already read: layout → sections → metadata
// → facts → checks, and validates the result against the contract.
import { createHash } from 'node:crypto';
import { runChecks } from '../checks/index.ts';
import { tableHints } from '../checks/layout-hints.ts';
import { extractFacts } from '../facts/index.ts';
import { tableFacts } from '../facts/table-facts.ts';
import { layoutPages } from '../layout/index.ts';
import { lowConfidenceOf } from '../ocr/confidence.ts';
import { carryCaptions, continuations, findTables, mendSplitRows, type TableModel } from '../tables/find.ts';
import { readMetadata } from '../meta/document.ts';
import type { PageText } from '../pdf/types.ts';
import { Report, SCHEMA_VERSION, type BBox, type Paragraph } from '../schema/report.ts';
import { buildSectionTree } from '../sections/tree.ts';
import type { DocPara } from '../sections/types.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';

export interface SourceInfo {
  path: string;
  bytes: Uint8Array;
}

export function assembleReport(source: SourceInfo, pages: PageText[]): Report {
  // Tables first: their cells leave the pages before the prose is read.
  const found = pages.map(tablesOf);
  carryCaptions(found);
  const tables: TableModel[] = found.flatMap((f) => f.tables);
  mendSplitRows(tables);
  const prose = found.map((f) => f.rest);
  const layout = layoutPages(prose);
  const tree = buildSectionTree(layout);
  const document = readMetadata(tree.paragraphs);
  // A department-wide report's bare 年初预算数 is the unit's; a project report's figures are the project's.
  const concepts = {
    fallbackScope: document.reportType === '整体支出' ? ('total' as const) : null,
    projectReport: document.reportType === '项目支出',
    finalAccounts: document.reportType === '决算',
    fiscalYear: document.fiscalYear,
  };
  const textFacts = extractFacts({
    concepts,
    sections: tree.sections,
    // A table of contents repeats the headings with page numbers: no facts come from it.
    paragraphs: tree.paragraphs.flatMap((p) =>
      p.docRole === 'toc' ? [] : [{ id: p.id, text: p.text, page: p.page, sectionId: p.sectionId, role: p.docRole, spans: p.spans }],
    ),
  });
  // A table carried over to the next page without its header reads its columns from the first part.
  const carried = continuations(tables);
  const cellFacts = tables.flatMap((t, i) => tableFacts(t, `t${i + 1}`, sectionBefore(t, tree.paragraphs), carried[i] ?? null, concepts));
  // In page order (the sort is stable: prose before the tables of a page), numbered f1…fn.
  const sorted = [...textFacts, ...cellFacts].sort((a, b) => a.page - b.page);
  const unsure = lowConfidenceOf(sorted, pages);
  const facts = sorted.map((f, i) => ({ ...f, id: `f${i + 1}`, ...(unsure[i] !== undefined ? { ocrConfidence: unsure[i] } : {}) }));
  const extracted: Omit<Report, 'findings'> = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    source: {
      path: source.path,
      sha256: createHash('sha256').update(source.bytes).digest('hex'),
      bytes: source.bytes.length,
      pages: pages.length,
    },
    document,
    pages: pages.map((p) => ({
      number: p.number,
      method: p.method,
      chars: p.items.reduce((n, it) => n + it.str.replace(/\s+/g, '').length, 0),
      ocrConfidence: p.ocrConfidence,
      error: p.error ?? null,
    })),
    sections: tree.sections,
    paragraphs: tree.paragraphs.map(toParagraph),
    facts,
    tables: tables.map((t, i) => ({ id: `t${i + 1}`, page: t.page, title: t.title, rows: t.rows, bbox: t.bbox.map(round1) as BBox })),
  };
  const hints = { tables: tableHints(tables, pages) };
  return Report.parse({ ...extracted, findings: runChecks({ ...extracted, hints }) });
}

/**
 * OCR'd pages go to the table stage as text pages: their ruling lines come from the image and
 * their boxes are cut at them (src/ocr/), so a scanned table reads as a typed one.
 */
function tablesOf(page: PageText): ReturnType<typeof findTables> {
  if (page.method !== 'ocr' || page.error) return findTables(page);
  const found = findTables({ ...page, method: 'text' });
  return { ...found, rest: { ...found.rest, method: page.method } };
}

function toParagraph(p: DocPara): Paragraph {
  return { id: p.id, sectionId: p.sectionId, page: p.page, role: p.docRole, text: p.text, bbox: unionOnPage(p) };
}

/** The section of the last paragraph above the table. */
function sectionBefore(t: TableModel, paragraphs: DocPara[]): string | null {
  let section: string | null = null;
  for (const p of paragraphs) {
    if (p.page > t.page || p.docRole === 'header' || p.docRole === 'footer' || p.docRole === 'page-number') continue;
    const top = Math.max(...p.spans.filter((s) => s.page === p.page).map((s) => s.bbox[3]));
    if (p.page < t.page || top >= t.bbox[3]) section = p.sectionId ?? section;
  }
  return section;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function unionOnPage(p: DocPara): BBox | null {
  const spans = p.spans.filter((s) => s.page === p.page);
  if (spans.length === 0) return null;
  return [
    round1(Math.min(...spans.map((s) => s.bbox[0]))),
    round1(Math.min(...spans.map((s) => s.bbox[1]))),
    round1(Math.max(...spans.map((s) => s.bbox[2]))),
    round1(Math.max(...spans.map((s) => s.bbox[3]))),
  ];
}
