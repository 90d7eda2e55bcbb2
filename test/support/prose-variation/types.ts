// The prose variation harness's data: a report written once as logical blocks
// (headings, paragraphs with their facts marked, list items), a style to set
// it in, and what a reader must get back from every rendering of it.

export type FactKind = 'money' | 'count' | 'percent' | 'score' | 'ratio' | 'date' | 'other';
export type Comparator = '>=' | '<=' | '>' | '<' | '=';

/** A number written in the text, with what it means — stated by hand, never read back by the code under test. */
export interface FactSpec {
  text: string;
  kind: FactKind;
  /** as written, before the unit's multiplier (1.2万余名 → 1.2); a date's ISO string */
  value: number | string;
  /** as written after the number, multiplier included (万元, 万名, 个百分点) */
  unit: string;
  approximate?: boolean;
  comparator?: Comparator;
  /** the label a reader gives it, where one wording is the only right one */
  label?: string;
  /** composed layouts end a line inside it */
  lineBreak?: boolean;
  /** composed layouts end a line and the page inside it */
  pageBreak?: boolean;
}

export type Inline = string | FactSpec;

/** The marker families the harness writes (see src/vocab/markers.ts for all the reader knows). */
export type Family = 'part' | 'cn-dun' | 'cn-paren' | 'num-dun' | 'num-paren';

export type Block =
  /** a cover page of its own: centred lines */
  | { t: 'cover'; lines: Inline[][] }
  /** a 目录 page listing the headings of these families with their pages */
  | { t: 'toc'; families: Family[] }
  /** the report's title over the body: not a section */
  | { t: 'title'; text: Inline[] }
  /**
   * A heading. With `body` it is run in: the title, `end` (。 or ：), then the
   * body in the same paragraph.
   */
  | { t: 'heading'; family: Family; ordinal: number; title: string; end?: '。' | '：'; body?: Inline[] }
  | { t: 'para'; text: Inline[] }
  /**
   * A numbered item of a list that is body text (duties, problems): no section.
   * Optional: a whole sentence under a heading's marker, which a reader may
   * take for a heading or not — neither expected nor wrong.
   */
  | { t: 'item'; family: Family; ordinal: number; text: Inline[]; optional?: boolean }
  /** the closing signature: right-aligned lines */
  | { t: 'sign'; lines: Inline[][] };

export interface SourceDoc {
  /** the class's id in fixture names: zt, xm */
  id: string;
  name: string;
  /** running header text */
  header: string;
  blocks: Block[];
}

/** How each family's heading is set. */
export interface HeadStyle {
  align: 'left' | 'center';
  bold: boolean;
  /** points; the body's size when the same */
  size: number;
  font: 'serif' | 'sans';
  /** letter spacing of a heading set on its own line, ems (目　录-like spaced titles) */
  tracking?: number;
}

export interface Style {
  id: string;
  /** one line on what this style varies */
  note: string;
  landscape: boolean;
  /** the Nth top-level section (第N部分, or N、 where there are no parts) set on landscape pages of its own, the rest portrait */
  landscapeSection?: number;
  /** page margins in points: top, right, bottom, left */
  margins: [number, number, number, number];
  font: 'serif' | 'sans';
  size: number;
  /** line pitch as a multiple of the size */
  leading: number;
  /** first-line indent of body paragraphs, in ems */
  indent: number;
  /** numbered paragraphs (headings, list items) wrap to a hanging indent, their lines after the first starting under their words */
  hanging?: boolean;
  /** the indent typed as ideographic spaces (　　全年…) instead of set as the paragraph's indent */
  indentTyped?: boolean;
  /** a heading may be the last line of a page, its text on the next (no keep-with-next) */
  orphanHeadings?: boolean;
  /** the 目录's page numbers after dotted leaders (default) or set right with no leader */
  tocLeader?: 'dots' | 'none';
  /** space after a paragraph, in points */
  paraSpace: number;
  /** extra space after every character, in ems (letter-spaced justified text) */
  tracking: number;
  /**
   * composed: the harness breaks the lines itself and each line is justified
   * to the full measure (forced breaks inside numbers, over page ends);
   * flow: the producer wraps the paragraphs.
   */
  wrap: 'composed' | 'flow';
  heads: Record<Family, HeadStyle> & { title: HeadStyle };
  markers: {
    cnParen: 'full' | 'half';
    numDun: '、' | '.' | '．';
    /** （1）, (1), or ① */
    numParen: 'full' | 'half' | 'circled';
    /** what follows 第一部分: a colon, a space, an ideographic space, or a line break (the title on a line of its own) */
    partSep: '：' | ' ' | '　' | 'break';
    /** between a marker and its words: nothing, a space, or a tab (Word's automatic numbering) */
    gap: 'none' | 'space' | 'tab';
    /** a heading of （一） or 1、 on its own line ends with ： */
    colon: boolean;
  };
  /** digits, decimal points and per cent signs written full-width (８５２．８７万元, １．), thousands commas left out */
  fullWidthDigits: boolean;
  /** a running header on every page but the cover */
  header: boolean;
  /** the page number's form, or null for none; in-header: 第 3 页 at the right end of the running header */
  footer: null | 'dash' | 'di-ye' | 'bare' | 'of-total' | 'in-header';
  /** families whose headings start a new page */
  breakBefore: Family[];
  /** LibreOffice only: the space it puts between CJK and Latin (on by default) */
  autospace: boolean;
}

/** A section as the reader must give it. */
export interface ExpectedSection {
  level: number;
  marker: string;
  ordinal: number;
  title: string;
  page: number;
  /** a list item that may be read as a heading or not */
  optional?: boolean;
}

/** A narrative fact as the reader must give it: on `page`, or on `pageAlt` when broken over a page end. */
export interface ExpectedFact {
  text: string;
  kind: FactKind;
  value: number | string;
  unit: string;
  approximate?: boolean;
  comparator?: Comparator;
  label?: string;
  page: number;
  pageAlt?: number;
  /** how it is broken in this rendering: over a line end or a page end */
  broken?: 'line' | 'page';
}

export interface Fixture {
  file: string;
  cls: string;
  style: string;
  producer: Producer;
  pages: number;
  sections: ExpectedSection[];
  facts: ExpectedFact[];
}

export type Producer = 'chromium' | 'libreoffice';

export interface Manifest {
  note: string;
  styles: { id: string; note: string }[];
  fixtures: Fixture[];
}
