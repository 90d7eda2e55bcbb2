// Runs the pure stages over pages already read: layout → sections → metadata
// → facts → checks, and validates the result against the contract.
import { createHash } from 'node:crypto';
import { runChecks } from '../checks/index.ts';
import { extractFacts } from '../facts/index.ts';
import { layoutPages } from '../layout/index.ts';
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
  const layout = layoutPages(pages);
  const tree = buildSectionTree(layout);
  const facts = extractFacts({
    sections: tree.sections,
    paragraphs: tree.paragraphs.map((p) => ({ id: p.id, text: p.text, page: p.page, sectionId: p.sectionId, role: p.docRole, spans: p.spans })),
  });
  const extracted: Omit<Report, 'findings'> = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    source: {
      path: source.path,
      sha256: createHash('sha256').update(source.bytes).digest('hex'),
      bytes: source.bytes.length,
      pages: pages.length,
    },
    document: readMetadata(tree.paragraphs),
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
    tables: [],
  };
  return Report.parse({ ...extracted, findings: runChecks(extracted) });
}

function toParagraph(p: DocPara): Paragraph {
  return { id: p.id, sectionId: p.sectionId, page: p.page, role: p.docRole, text: p.text, bbox: unionOnPage(p) };
}

function unionOnPage(p: DocPara): BBox | null {
  const spans = p.spans.filter((s) => s.page === p.page);
  if (spans.length === 0) return null;
  const r = (n: number) => Math.round(n * 10) / 10;
  return [
    r(Math.min(...spans.map((s) => s.bbox[0]))),
    r(Math.min(...spans.map((s) => s.bbox[1]))),
    r(Math.max(...spans.map((s) => s.bbox[2]))),
    r(Math.max(...spans.map((s) => s.bbox[3]))),
  ];
}
