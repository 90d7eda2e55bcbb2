// A document's pages as image files, for the review site: drawn with the
// renderer OCR uses (the document's engine, src/pdf/document.ts; grey from the red channel so
// a red seal fades and the numbers under it stay readable — what the reviewer
// sees is what OCR saw), into one folder with a pages.json saying what they
// were drawn from. `jixiao report` draws them into its site; `jixiao batch
// --page-images` draws them while each document is still open (its fonts
// already parsed) into DIR/pages/<name>/, and the site then copies them.
//
// A folder's pages.json is written last: a folder without one (a run killed
// while drawing) is not used. Its key — the PDF's SHA-256, the resolution and
// which pages were read by OCR — must match for the images to be reused.
//
// Encoding, measured on the samples at 144 dpi (11 pages each):
//   typed:   one-channel PNG 1.6 MB / 0.35 s; WebP q80 1.5 MB / 2.5 s; RGBA PNG 4.1 MB / 2.0 s
//   scanned: one-channel PNG 10.4 MB / 4.7 s; WebP q80 1.5 MB / 4.9 s; JPEG q85 3.5 MB / 0.9 s
// so text pages are lossless grey PNG (small and fast: flat white and black
// compress well) and scanned pages WebP (the scan's noise defeats PNG: seven
// times smaller, no slower than PNG). 144 dpi is 2 pixels per point: sharp at
// the width a page is shown (about 1.3 CSS pixels a point) on a 1.5× screen.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { openDocument, type PdfDocument } from '../pdf/document.ts';
import type { Report } from '../schema/report.ts';
import { messageOf } from '../util/errors.ts';
import { writeAtomic } from '../util/files.ts';
import { encodeGreyPng } from './png.ts';

export const DEFAULT_DPI = 144;
export const PAGES_JSON = 'pages.json';
const PAGE_FILE = /^page-\d{4,}\.(png|webp)$/;

export interface PageGeometry {
  number: number;
  /** the page as shown (its visible box, turned by /Rotate), in points */
  width: number;
  height: number;
}

export interface DrawnPage {
  /** the page's number (a folder written before it was recorded: its place in the list) */
  number: number;
  geometry: PageGeometry | null;
  /** the image's file name in its folder; null when the page could not be drawn, or is measured but not drawn yet */
  file: string | null;
  pixelWidth: number;
  pixelHeight: number;
  /** why the page could not be drawn (shown to the reviewer), or null */
  error: string | null;
}

/** What a folder's images depend on. */
export interface PagesKey {
  sha256: string;
  dpi: number;
  /** the pages read by OCR: drawn as WebP */
  scanned: number[];
}

/**
 * A folder's pages.json. Its pages are those drawn (or tried), by number; a site drawn on demand
 * (`jixiao report` without --all-pages) holds some of the document's pages only, and entries with
 * geometry but neither file nor error: measured for the review server, not drawn yet.
 */
export interface PageImages extends PagesKey {
  pages: DrawnPage[];
}

/** Which pages a job draws: all of them, or these numbers (those past the document's end are left out). */
export type PageChoice = 'all' | number[];

/** A page drawn, or tried and failed: what a reviewer can be shown for it without drawing it again. */
export function isDrawn(p: DrawnPage): boolean {
  return p.file !== null || p.error !== null;
}

/** The image file of page n: grey PNG for a text page, WebP for a page read by OCR. */
export function pageFile(n: number, scanned: boolean): string {
  return `page-${String(n).padStart(4, '0')}.${scanned ? 'webp' : 'png'}`;
}

/**
 * The pages a reviewer is sent to first, drawn before the site is opened: the page of each finding and
 * the pages of the facts and headings it names (the boxes a click on it scrolls to and prints). A
 * document's other pages are drawn when asked for (the review server) or with --all-pages.
 */
export function findingPages(report: Report): number[] {
  const factPage = new Map(report.facts.map((f) => [f.id, f.page]));
  const headingPage = new Map(report.paragraphs.flatMap((p) => (p.sectionId ? [[p.sectionId, p.page] as const] : [])));
  const pages = new Set<number>();
  for (const f of report.findings) {
    if (f.page !== null) pages.add(f.page);
    for (const id of f.factIds) if (factPage.has(id)) pages.add(factPage.get(id)!);
    for (const id of f.sectionIds) if (headingPage.has(id)) pages.add(headingPage.get(id)!);
  }
  const last = report.pages.length;
  return [...pages].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
}

/** `have` and `more` as one list by page number, `more`'s entry winning where both have one, unless it only measured a page drawn. */
export function mergePages(have: DrawnPage[], more: DrawnPage[]): DrawnPage[] {
  const byNumber = new Map(have.map((p) => [p.number, p]));
  for (const p of more) if (isDrawn(p) || !isDrawn(byNumber.get(p.number) ?? p)) byNumber.set(p.number, p);
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

/** The key a report's page images are drawn under at `dpi`. */
export function pagesKey(report: Report, dpi: number): PagesKey {
  const scanned = report.pages.filter((p) => p.method === 'ocr').map((p) => p.number);
  return { sha256: report.source.sha256, dpi, scanned };
}

/**
 * Draws the chosen pages of an opened PDF into `dir` (emptied of earlier images first) and writes its
 * pages.json last (the pages drawn, by number).
 */
export async function drawPages(
  doc: PdfDocument,
  key: PagesKey,
  dir: string,
  choice: PageChoice = 'all',
): Promise<PageImages> {
  await clearPageImages(dir);
  const images = { ...key, pages: await drawSome(doc, key, dir, choice) };
  await writePageImages(dir, images);
  return images;
}

/**
 * Draws the chosen pages of an opened PDF into `dir` (nothing else there is touched) and says what
 * each became; `measure`: every other page's size too (an entry with geometry, neither file nor error).
 */
export async function drawSome(
  doc: PdfDocument,
  key: PagesKey,
  dir: string,
  choice: PageChoice,
  measure = false,
): Promise<DrawnPage[]> {
  await mkdir(dir, { recursive: true });
  const scanned = new Set(key.scanned);
  const wanted = new Set(choice === 'all' ? [] : choice);
  const pages: DrawnPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    if (choice === 'all' || wanted.has(n)) pages.push(await drawOne(doc, n, key.dpi, scanned.has(n), dir));
    else if (measure) pages.push(await measureOne(doc, n));
  }
  return pages;
}

/** Opens the PDF's bytes, draws the chosen pages into `dir` (see drawSome), closes it. */
export async function drawPdfPages(
  bytes: Uint8Array,
  key: PagesKey,
  dir: string,
  choice: PageChoice,
  measure = false,
): Promise<DrawnPage[]> {
  const pdf = await openDocument(bytes);
  try {
    return await drawSome(pdf, key, dir, choice, measure);
  } finally {
    await pdf.destroy();
  }
}

/** Writes the folder's pages.json (atomically: a reader sees the old list or the new one). */
export async function writePageImages(dir: string, images: PageImages): Promise<void> {
  await writeAtomic(path.join(dir, PAGES_JSON), JSON.stringify(images), undefined, false);
}

/** The images in `dir` when its pages.json has this key and every image it names is there; otherwise null. */
export async function readPageImages(dir: string, key: PagesKey): Promise<PageImages | null> {
  try {
    const saved = JSON.parse(await readFile(path.join(dir, PAGES_JSON), 'utf8')) as PageImages;
    if (
      saved.sha256 !== key.sha256 ||
      saved.dpi !== key.dpi ||
      !Array.isArray(saved.scanned) ||
      saved.scanned.join() !== key.scanned.join() ||
      !Array.isArray(saved.pages)
    )
      return null;
    const files = new Set(await readdir(dir));
    for (const p of saved.pages) if (p.file !== null && !(PAGE_FILE.test(p.file) && files.has(p.file))) return null;
    // written before pages were numbered: every page, in order
    saved.pages.forEach((p, i) => (p.number ??= i + 1));
    if (saved.pages.some((p) => !Number.isInteger(p.number) || p.number < 1)) return null;
    return saved;
  } catch {
    return null;
  }
}

/** Removes the page images and pages.json from `dir` (nothing else; a missing folder is fine). */
export async function clearPageImages(dir: string): Promise<void> {
  const files = await readdir(dir).catch(() => [] as string[]);
  // pages.json first: a folder caught half-cleared is not taken for a whole one
  if (files.includes(PAGES_JSON)) await rm(path.join(dir, PAGES_JSON), { force: true });
  for (const f of files) if (PAGE_FILE.test(f)) await rm(path.join(dir, f), { force: true });
}

async function measureOne(doc: PdfDocument, n: number): Promise<DrawnPage> {
  try {
    return {
      number: n,
      geometry: { number: n, ...(await doc.pageSize(n)) },
      file: null,
      pixelWidth: 0,
      pixelHeight: 0,
      error: null,
    };
  } catch (err) {
    return {
      number: n,
      geometry: null,
      file: null,
      pixelWidth: 0,
      pixelHeight: 0,
      error: `无法渲染此页：${messageOf(err)}`,
    };
  }
}

async function drawOne(doc: PdfDocument, n: number, dpi: number, webp: boolean, dir: string): Promise<DrawnPage> {
  let geometry: PageGeometry | null = null;
  try {
    // the size renderGrey draws (the visible box, turned by /Rotate)
    geometry = { number: n, ...(await doc.pageSize(n)) };
    const img = await doc.renderGrey(n, dpi);
    const data = webp
      ? await encodeWebp(img.width, img.height, img.pixels)
      : encodeGreyPng(img.width, img.height, img.pixels);
    const file = pageFile(n, webp);
    await writeFile(path.join(dir, file), data);
    return { number: n, geometry, file, pixelWidth: img.width, pixelHeight: img.height, error: null };
  } catch (err) {
    return { number: n, geometry, file: null, pixelWidth: 0, pixelHeight: 0, error: `无法渲染此页：${messageOf(err)}` };
  }
}

interface Canvas2D {
  encode(format: 'webp', quality: number): Promise<Buffer>;
  getContext(kind: '2d'): {
    createImageData(w: number, h: number): { data: Uint8ClampedArray };
    putImageData(d: unknown, x: number, y: number): void;
  };
}

/** WebP through @napi-rs/canvas, the canvas pdf.js installs with (one copy, found from pdf.js's folder). */
async function encodeWebp(width: number, height: number, grey: Uint8Array): Promise<Buffer> {
  const require = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const { createCanvas } = require('@napi-rs/canvas') as { createCanvas(w: number, h: number): Canvas2D };
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const data = context.createImageData(width, height);
  for (let i = 0, j = 0; i < grey.length; i++, j += 4) {
    const v = grey[i]!;
    data.data[j] = v;
    data.data[j + 1] = v;
    data.data[j + 2] = v;
    data.data[j + 3] = 255;
  }
  context.putImageData(data, 0, 0);
  return canvas.encode('webp', 80);
}
