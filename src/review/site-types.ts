// What a review site is built from, in a file of its own: site.ts builds the site, site-inputs.ts reads
// its inputs into entries.
import type { OcrMode } from '../pipeline/read-pages.ts';
import type { Correction } from '../schema/corrections.ts';
import type { Report } from '../schema/report.ts';
import type { IndexRow } from './index-page.ts';
import type { DrawLimits } from './renderer.ts';

export interface SiteOptions {
  /** PDFs, folders, globs, batch folders; or a name's own bytes (one that is not UTF-8) */
  inputs: (string | Buffer)[];
  out: string;
  /** resolution of the page images */
  dpi?: number;
  /**
   * draw every page of every document now (--all-pages); by default only the pages a reviewer is sent
   * to first (those holding a finding), the others when the review server is asked for them
   */
  allPages?: boolean;
  /** render threads (default: the cores) */
  jobs?: number;
  ocr?: OcrMode;
  ocrDpi?: number;
  /** called for each input that could not be read (the site still gets its row) */
  onProblem?: (input: string, reason: string) => void;
  /**
   * How a PDF input is read (default: extracted in this thread). The CLI reads each in a document
   * worker under the batch's limits, drawing its pages into `draw.dir` while it is open; it throws
   * (with the reason as message) for an input that cannot be read.
   */
  readPdf?: (file: string, draw: DrawWhileOpen, raw: Buffer | null) => Promise<PdfRead>;
  /** per document, when pages are drawn here (a batch folder's PDFs): its drawing stops beyond them and its pages say why */
  limits?: DrawLimits;
  /**
   * a reviewer's corrections to apply to every report (--corrections); a batch folder's own
   * corrections.jsonl is applied to its documents as well, before these
   */
  corrections?: Correction[];
}

/** Pages to draw while a PDF input is open: into `dir`, at `dpi`; all of them, or only those holding a finding. */
export interface DrawWhileOpen {
  dir: string;
  dpi: number;
  all: boolean;
}

export interface PdfRead {
  report: Report;
  /** its pages were drawn into the folder given */
  drewPages: boolean;
}

/** One document of the site on its way: read here, from a batch folder, or failed. */
export interface Entry {
  input: string;
  status: IndexRow['status'];
  reason: string | null;
  report: Report | null;
  /** the PDF to render the pages from (a name that is not UTF-8: its bytes), or null */
  pdf: string | Uint8Array | null;
  /** why the pages cannot be shown (PDF missing or changed) */
  pagesProblem: string | null;
  /** a folder where this document's pages were drawn already (by `jixiao batch --page-images`, or while it was read here), or null */
  drawnIn?: string | null;
  /** drawnIn was drawn by this run (a PDF input read here), not by a batch */
  drawnNow?: boolean;
  /** a batch's own count where there is no report (failed rows) */
  pages?: number | null;
  ocrPages?: number | null;
}
