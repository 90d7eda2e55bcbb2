// The pure stages over pages already read — tables → layout → sections →
// metadata → facts → table facts → checks — as a list of named stages over one
// document's state, and the validation of the result against the contract.
import { createHash } from 'node:crypto';
import { runChecks } from '../checks/index.ts';
import { extractFacts } from '../facts/index.ts';
import { tableFacts } from '../facts/table-facts.ts';
import { layoutPages } from '../layout/index.ts';
import type { Layout } from '../layout/types.ts';
import { lowConfidenceOf } from '../ocr/confidence.ts';
import { carryCaptions, findTables } from '../tables/find.ts';
import { structureTables, type StructuredTable } from '../tables/structure.ts';
import { readMetadata } from '../meta/document.ts';
import { buildRecords, type Records } from '../records/index.ts';
import type { PageText } from '../pdf/types.ts';
import {
  Report,
  SCHEMA_VERSION,
  type BBox,
  type DocumentMeta,
  type Fact,
  type Finding,
  type Paragraph,
} from '../schema/report.ts';
import { buildSectionTree } from '../sections/tree.ts';
import type { DocPara, SectionTree } from '../sections/types.ts';
import { roundedUnion } from '../util/geometry.ts';
import type { ConceptContext } from '../vocab/concepts.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import { runStages, type Stage, type StageTiming } from './stages.ts';

export interface SourceInfo {
  path: string;
  bytes: Uint8Array;
  /** hash and length taken before the bytes were given to pdf.js (which detaches them) */
  sha256?: string;
  length?: number;
}

/** One document on its way to a report: each stage fills in its part, in the order of ASSEMBLY_STAGES. */
export interface DocumentState {
  readonly source: SourceInfo;
  readonly pages: PageText[];
  /** tables: the tables found, in page order, parts carried over pages joined, their structure read */
  tables: StructuredTable[];
  /** tables: the pages without the tables' cells, for the prose stages */
  prose: PageText[];
  layout: Layout;
  /** sections: the section tree and its paragraphs */
  tree: SectionTree;
  /** meta */
  document: DocumentMeta;
  /** meta: what the document is, for the concepts of its figures */
  concepts: ConceptContext;
  /** facts, then table-facts (appended), then number-facts (sorted, numbered) */
  facts: Fact[];
  /** records: the indicators, funds rows and scorecards of the performance tables */
  records: Records;
  /** assemble: the report but its findings */
  extracted: Omit<Report, 'findings'>;
  /** checks */
  findings: Finding[];
  /** validate */
  report: Report;
}

export interface AssembleOptions {
  /** when given, every stage's time is appended to it and the report carries the whole list as `tool.timings` */
  timings?: StageTiming[];
}

export const ASSEMBLY_STAGES: readonly Stage<DocumentState>[] = [
  // Tables first: their cells leave the pages before the prose is read.
  { name: 'tables', run: findAllTables },
  { name: 'layout', run: (s) => void (s.layout = layoutPages(s.prose)) },
  { name: 'sections', run: (s) => void (s.tree = buildSectionTree(s.layout)) },
  { name: 'meta', run: readDocument },
  { name: 'facts', run: textFacts },
  { name: 'table-facts', run: cellFacts },
  { name: 'number-facts', run: numberFacts },
  { name: 'records', run: tableRecords },
  { name: 'assemble', run: assemble },
  {
    name: 'checks',
    run: (s) => void (s.findings = runChecks(s.extracted)),
  },
  { name: 'validate', run: (s) => void (s.report = Report.parse({ ...s.extracted, findings: s.findings })) },
];

export function assembleReport(source: SourceInfo, pages: PageText[], options: AssembleOptions = {}): Report {
  // The other fields are filled in by the stages, in order.
  const state = { source, pages } as DocumentState;
  const timings = runStages(ASSEMBLY_STAGES, state, options.timings);
  if (options.timings) state.report.tool.timings = timings;
  return state.report;
}

function findAllTables(s: DocumentState): void {
  const found = s.pages.map(tablesOf);
  carryCaptions(found);
  s.tables = structureTables(
    found.flatMap((f) => f.tables),
    s.pages,
  );
  s.prose = found.map((f) => f.rest);
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

function readDocument(s: DocumentState): void {
  const document = readMetadata(
    s.tree.paragraphs,
    s.tables.map((t) => t.table),
  );
  s.document = document;
  // A department-wide report's bare 年初预算数 is the unit's; a project report's figures are the project's.
  s.concepts = {
    fallbackScope: document.reportType === '整体支出' ? ('total' as const) : null,
    projectReport: document.reportType === '项目支出',
    finalAccounts: document.reportType === '决算',
    budget: document.reportType === '预算',
    fiscalYear: document.fiscalYear,
  };
}

function textFacts(s: DocumentState): void {
  s.facts = extractFacts({
    concepts: s.concepts,
    sections: s.tree.sections,
    // A table of contents repeats the headings with page numbers: no facts come from it.
    paragraphs: s.tree.paragraphs.flatMap((p) =>
      p.docRole === 'toc'
        ? []
        : [{ id: p.id, text: p.text, page: p.page, sectionId: p.sectionId, role: p.docRole, spans: p.spans }],
    ),
  });
}

function cellFacts(s: DocumentState): void {
  const cells = s.tables.flatMap(({ table, boxes, bbox }) =>
    tableFacts(table, sectionBefore(table.page, bbox, s.tree.paragraphs), s.concepts, boxes),
  );
  s.facts = [...s.facts, ...cells];
}

/** In page order (the sort is stable: prose before the tables of a page), numbered f1…fn. */
function numberFacts(s: DocumentState): void {
  const sorted = [...s.facts].sort((a, b) => a.page - b.page);
  const unsure = lowConfidenceOf(sorted, s.pages);
  s.facts = sorted.map((f, i) => ({
    ...f,
    id: `f${i + 1}`,
    ...(unsure[i] !== undefined ? { ocrConfidence: unsure[i] } : {}),
  }));
}

function assemble(s: DocumentState): void {
  const { source, pages, tree } = s;
  s.extracted = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    source: {
      path: source.path,
      sha256: source.sha256 ?? createHash('sha256').update(source.bytes).digest('hex'),
      bytes: source.length ?? source.bytes.length,
      pages: pages.length,
    },
    document: s.document,
    pages: pages.map((p) => ({
      number: p.number,
      method: p.method,
      chars: p.items.reduce((n, it) => n + it.str.replace(/\s+/g, '').length, 0),
      ocrConfidence: p.ocrConfidence,
      error: p.error ?? null,
    })),
    sections: tree.sections,
    paragraphs: tree.paragraphs.map(toParagraph),
    facts: s.facts,
    tables: s.tables.map((t) => t.table),
    ...s.records,
  };
}

/** The records, each row boxed as the table found it (the report's facts know only their own cells). */
function tableRecords(s: DocumentState): void {
  const byId = new Map(s.tables.map((t) => [t.table.id, t]));
  s.records = buildRecords({ tables: s.tables.map((t) => t.table), facts: s.facts }, (table, row) =>
    rowBox(byId.get(table.id), row),
  );
}

/** A row's box: the table's width on the row's page, the height of its cells of one row (a cell merged down is taller). */
function rowBox(t: StructuredTable | undefined, row: number): BBox | null {
  const boxes = (t?.boxes[row] ?? []).filter((b): b is BBox => b !== null);
  if (!t || boxes.length === 0) return null;
  const part = t.table.parts.findLast((p) => p.firstRow <= row) ?? t.table.parts[0];
  const low = boxes.reduce((a, b) => (b[3] - b[1] < a[3] - a[1] ? b : a));
  const x = part
    ? [part.bbox[0], part.bbox[2]]
    : [Math.min(...boxes.map((b) => b[0])), Math.max(...boxes.map((b) => b[2]))];
  return roundedUnion([[x[0]!, low[1], x[1]!, low[3]]]);
}

function toParagraph(p: DocPara): Paragraph {
  return {
    id: p.id,
    sectionId: p.sectionId,
    page: p.page,
    role: p.docRole,
    text: p.text,
    bbox: roundedUnion(p.spans.filter((s) => s.page === p.page).map((s) => s.bbox)),
  };
}

/** The section of the last paragraph above the table. */
function sectionBefore(page: number, bbox: BBox, paragraphs: DocPara[]): string | null {
  let section: string | null = null;
  for (const p of paragraphs) {
    if (p.page > page || p.docRole === 'header' || p.docRole === 'footer' || p.docRole === 'page-number') continue;
    const top = Math.max(...p.spans.filter((s) => s.page === p.page).map((s) => s.bbox[3]));
    if (p.page < page || top >= bbox[3]) section = p.sectionId ?? section;
  }
  return section;
}
