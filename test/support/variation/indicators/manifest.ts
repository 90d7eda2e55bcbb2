// The indicator harness's fixtures (test/fixtures/variation-indicators/): one
// PDF per class and producer holding the class in every style that applies,
// each after a page naming the style, and manifest.json saying which pages
// each style's table stands on. Every table runs over pages (≈40 rows and
// more); a style whose header repeats (…-break-repeat) repeats it there, the
// others carry on bare. Lines of prose above each table, more for each style,
// move where its pages break. Written by scripts/indicator-fixtures.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { layoutGrid } from '../grid.ts';
import { documentHtml, type Page } from '../html.ts';
import { FONTS, type Producer } from '../producers.ts';
import { applies, STYLES, type Style } from '../styles.ts';
import { INDICATOR_CLASSES, type IndicatorClass } from './classes.ts';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/variation-indicators/', import.meta.url));

export interface Entry {
  /** class/style/producer */
  id: string;
  class: string;
  style: string;
  producer: Producer;
  file: string;
  /** first and last page of the table */
  pages: [number, number];
}

export interface Manifest {
  note: string;
  producers: Record<Producer, string>;
  /** each PDF and the sha256 of the HTML it was printed from */
  files: Record<string, { class: string; producer: Producer; source: string }>;
  entries: Entry[];
}

export const fileName = (cls: string, producer: Producer) => `${cls}.${producer}.pdf`;

export function classOf(id: string): IndicatorClass {
  const c = INDICATOR_CLASSES.find((x) => x.id === id);
  if (!c) throw new Error(`no indicator class ${id}`);
  return c;
}

/**
 * The styles drawn for a class: the table harness's, but for those that break bare (every table here
 * runs over pages, so a style without a repeated header is one), and where the class's row groups
 * name what they hold (绩效指标（90分）) not those writing the unit into a group or the group into the header.
 */
export function stylesOf(c: IndicatorClass): Style[] {
  return STYLES.filter(
    (s) =>
      s.pageBreak !== 'bare' &&
      plainFigures(s) &&
      applies(s, c.table) &&
      !(c.fixedGroups && (s.groups === 'header' || s.unit === 'group')),
  );
}

/** The table harness's styles of how figures and headers are written (千分位, 元, dashes, 合计 first, a note, small type, headers wrapped, negatives signed) are not drawn here. */
const plainFigures = (s: Style) =>
  s.figures === 'plain' &&
  s.empty === '' &&
  !s.totalFirst &&
  !s.footnote &&
  !s.dense &&
  !s.headWrap &&
  s.negative === '-';

export function pagesOf(cls: string): Page[] {
  const c = classOf(cls);
  return stylesOf(c).map((style, k) => ({ style, grid: layoutGrid(c.table, style), filler: 8 + ((k * 7) % 23) }));
}

export const htmlOf = (cls: string, producer: Producer) => documentHtml(pagesOf(cls), FONTS[producer]);

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(`${FIXTURES}manifest.json`, 'utf8')) as Manifest;
}
