// A CheckInput made by hand, for testing one rule at its edges without a PDF:
// paragraphs written as text with the facts in them (each fact's quote is
// where it stands, as the checks locate it), table cells as facts, tables,
// sections, and pages read by OCR.
//
//   const doc = checkInput()
//     .paragraph(['基本支出决算数为 ', money('基本支出决算数', '4980.37'), '，其中：人员经费 ', money('人员经费', '4360.55'), '。'])
//     .build();
import { SCHEMA_VERSION, type DocumentMeta, type Fact, type Paragraph, type Section } from '../../src/schema/report.ts';
import type { CheckInput } from '../../src/checks/types.ts';
import { handTables, type HandTable } from './hand-table.ts';
import { withRecords } from './records.ts';
import { unitDef } from '../../src/vocab/units.ts';

/** A fact before it has a place: what it is, and how the report writes it. */
export interface FactSpec {
  kind: Fact['kind'];
  label: string;
  /** the number as written: '4980.37', '1,200' (its decimals are the fact's) */
  written: string;
  unit: string;
  /** the fact's words in the text; default: the number and its unit ("4980.37 万元") */
  quote?: string;
  /** anything else of the fact (concept, year, approximate, comparator …) */
  more?: Partial<Fact>;
}

type Extra = Partial<Fact> & { quote?: string };

/** Any fact: its kind, label, number as written, unit, and anything else of it (a date's value …). */
export function spec(kind: Fact['kind'], label: string, written: string, unit: string, extra: Extra = {}): FactSpec {
  const { quote, ...more } = extra;
  return { kind, label, written, unit, quote, more };
}

/** An amount, in 万元 unless `unit` says otherwise. */
export const money = (label: string, written: string, extra: Extra & { unit?: string } = {}) =>
  spec('money', label, written, extra.unit ?? '万元', omitUnit(extra));
/** Things counted: 115 起, 1.4 万起. */
export const count = (label: string, written: string, unit: string, extra: Extra = {}) =>
  spec('count', label, written, unit, extra);
export const percent = (label: string, written: string, extra: Extra = {}) =>
  spec('percent', label, written, '%', extra);
export const score = (label: string, written: string, extra: Extra = {}) => spec('score', label, written, '分', extra);

function omitUnit(extra: Extra & { unit?: string }): Extra {
  const { unit: _unit, ...rest } = extra;
  return rest;
}

/** The figure as the pipeline would have read it: normalised by the unit's factor (vocab/units.ts). */
function makeFact(
  s: FactSpec,
  id: string,
  place: { page: number; paragraphId: string | null; sectionId: string | null; year: number | null },
): Fact {
  const value = Number(s.written.replace(/,/g, ''));
  const decimals = /\.(\d+)$/.exec(s.written)?.[1]?.length ?? 0;
  const def = s.unit === '%' || s.unit === '分' ? undefined : unitDef(s.unit);
  const factor = def?.factor ?? 1;
  return {
    id,
    sectionId: place.sectionId,
    paragraphId: place.paragraphId,
    page: place.page,
    kind: s.kind,
    value,
    unit: s.unit,
    normalized: { value: Number((value * factor).toFixed(decimals + 4)), unit: def?.base ?? s.unit },
    decimals,
    upper: null,
    label: s.label,
    concept: null,
    year: place.year,
    approximate: false,
    comparator: null,
    change: false,
    quote: s.quote ?? `${s.written}${/^[0-9]/.test(s.unit) || s.unit === '%' ? '' : ' '}${s.unit}`,
    bbox: null,
    cell: null,
    ...s.more,
  };
}

export interface PlaceOptions {
  page?: number;
  sectionId?: string | null;
  role?: Paragraph['role'];
}

export class CheckInputBuilder {
  private readonly doc: Omit<CheckInput, 'indicators' | 'funds' | 'scorecards'>;
  private readonly ocrPages = new Set<number>();
  private readonly tables: HandTable[] = [];
  private tableCells = false;

  constructor(document: Partial<DocumentMeta> = {}) {
    this.doc = {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'jixiao', version: 'test' },
      source: { path: 'hand-made.pdf', sha256: '0'.repeat(64), bytes: 1, pages: 1 },
      document: {
        title: null,
        organization: null,
        organizationKey: null,
        fiscalYear: 2023,
        reportType: '整体支出',
        reportDate: null,
        ...document,
      },
      pages: [],
      sections: [],
      paragraphs: [],
      facts: [],
      tables: [],
    };
  }

  /** A paragraph of text and facts; a fact's quote stands in the text where it is given. Returns the builder. */
  paragraph(parts: (string | FactSpec)[], options: PlaceOptions = {}): this {
    const id = `p${this.doc.paragraphs.length + 1}`;
    const page = options.page ?? 1;
    const sectionId = options.sectionId ?? null;
    let text = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      const fact = makeFact(part, this.nextFactId(), {
        page,
        paragraphId: id,
        sectionId,
        year: this.doc.document.fiscalYear,
      });
      text += fact.quote;
      this.doc.facts.push(fact);
    }
    this.doc.paragraphs.push({ id, sectionId, page, role: options.role ?? 'body', text, bbox: null });
    return this;
  }

  /** A fact read from a table cell (no paragraph); its quote is the default unless given. */
  cell(s: FactSpec, options: { page?: number; sectionId?: string | null } = {}): this {
    this.doc.facts.push(
      makeFact(s, this.nextFactId(), {
        page: options.page ?? 1,
        paragraphId: null,
        sectionId: options.sectionId ?? null,
        year: this.doc.document.fiscalYear,
      }),
    );
    return this;
  }

  /**
   * A table as read (cell text), laid out on a made page and read as the pipeline reads a found table
   * (support/hand-table.ts): a table on the next page with the same columns and no header (or the
   * same one) continues it. `indent`: each row's text indented by so many points.
   */
  table(
    rows: string[][],
    options: { page?: number; title?: string | null; unit?: string | null; indent?: (number | null)[] } = {},
  ): this {
    this.tables.push({ rows, ...options });
    return this;
  }

  /**
   * The tables' number cells are facts too, as the pipeline reads them (facts/table-facts.ts), numbered
   * after the facts given: what rules reading the records (indicators, funds rows, scorecards) need.
   */
  cellFacts(): this {
    this.tableCells = true;
    return this;
  }

  /** A heading; level, family and ordinal as the section tree gives them. Its id is s1, s2 … in order. */
  section(
    marker: string,
    title: string,
    options: { page?: number; level?: number; family?: string; ordinal: number; parentId?: string | null },
  ): this {
    const section: Section = {
      id: `s${this.doc.sections.length + 1}`,
      parentId: options.parentId ?? null,
      level: options.level ?? 1,
      marker,
      family: options.family ?? 'cn-dun',
      ordinal: options.ordinal,
      title,
      page: options.page ?? 1,
    };
    this.doc.sections.push(section);
    return this;
  }

  /** These pages were read by OCR. */
  ocr(...pages: number[]): this {
    for (const p of pages) this.ocrPages.add(p);
    return this;
  }

  /** The input, with one page entry for every page anything stands on. */
  build(): CheckInput {
    this.doc.tables = handTables(this.tables);
    const used = [...this.doc.facts, ...this.doc.paragraphs, ...this.doc.tables, ...this.doc.sections].map(
      (x) => x.page,
    );
    const last = Math.max(1, ...used, ...this.ocrPages);
    const pages = Array.from({ length: last }, (_, i) => {
      const ocr = this.ocrPages.has(i + 1);
      return {
        number: i + 1,
        method: ocr ? ('ocr' as const) : ('text' as const),
        chars: 100,
        ocrConfidence: ocr ? 95 : null,
        error: null,
      };
    });
    return structuredClone(
      withRecords(
        {
          ...this.doc,
          source: { ...this.doc.source, pages: last },
          pages,
        },
        this.tableCells,
      ),
    );
  }

  private nextFactId(): string {
    return `f${this.doc.facts.length + 1}`;
  }
}

export function checkInput(document: Partial<DocumentMeta> = {}): CheckInputBuilder {
  return new CheckInputBuilder(document);
}

/** The facts of a built input by label, for tests that name them. */
export function factByLabel(doc: CheckInput, label: string): Fact {
  const f = doc.facts.find((x) => x.label === label);
  if (!f) throw new Error(`no fact labelled ${label}`);
  return f;
}
