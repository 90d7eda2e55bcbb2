// The fixtures' manifest (test/fixtures/variation/manifest.json): which PDF
// holds each class × style × producer, on which pages, drawn from which
// source. Written by scripts/variation-fixtures.ts; read by the tests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLASSES } from './classes/index.ts';
import { layoutGrid } from './grid.ts';
import { documentHtml, type Page } from './html.ts';
import { FONTS, type Producer } from './producers.ts';
import { applies, STYLES } from './styles.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/variation/', import.meta.url));

export interface Entry {
  /** class/style/producer */
  id: string;
  class: string;
  style: string;
  producer: Producer;
  file: string;
  /** first and last page of the table */
  pages: [number, number];
  /** lines of prose above the table (the page-break styles) */
  filler: number;
}

export interface Manifest {
  note: string;
  producers: Record<Producer, string>;
  /** each PDF and the sha256 of the HTML it was printed from */
  files: Record<string, { class: string; producer: Producer; source: string }>;
  entries: Entry[];
}

export const fileName = (cls: string, producer: Producer) => `${cls}.${producer}.pdf`;

/** The pages of one class's document for a producer: every style that applies, with the fillers given. */
export function pagesOf(cls: string, filler: (style: string) => number): Page[] {
  const table = CLASSES.find((c) => c.id === cls);
  if (!table) throw new Error(`no class ${cls}`);
  return STYLES.filter((s) => applies(s, table)).map((style) => ({
    style,
    grid: layoutGrid(table, style),
    filler: filler(style.id),
  }));
}

export function htmlOf(cls: string, producer: Producer, filler: (style: string) => number): string {
  return documentHtml(pagesOf(cls, filler), FONTS[producer]);
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(`${FIXTURES}manifest.json`, 'utf8')) as Manifest;
}
