// The PDF's pages as images for the review site, rendered with the same
// renderer OCR uses (src/pdf/render.ts: pdf.js, grey from the red channel so
// a red seal fades and the numbers under it stay readable — what the reviewer
// sees is what OCR saw), and the geometry that puts a report's PDF-point boxes
// on them.
//
// Encoding, measured on the samples at 144 dpi (11 pages each):
//   typed:   one-channel PNG 1.6 MB / 0.35 s; WebP q80 1.5 MB / 2.5 s; RGBA PNG 4.1 MB / 2.0 s
//   scanned: one-channel PNG 10.4 MB / 4.7 s; WebP q80 1.5 MB / 4.9 s; JPEG q85 3.5 MB / 0.9 s
// so text pages are lossless grey PNG (small and fast: flat white and black
// compress well) and scanned pages WebP (the scan's noise defeats PNG: seven
// times smaller, no slower than PNG). 144 dpi is 2 pixels per point: sharp at
// the width a page is shown (about 1.3 CSS pixels a point) on a 1.5× screen.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openPdf } from '../pdf/open.ts';
import { renderGrey } from '../pdf/render.ts';
import type { BBox } from '../schema/report.ts';
import { encodeGreyPng } from './png.ts';
import { messageOf } from '../util/errors.ts';

export const DEFAULT_DPI = 144;

export interface PageGeometry {
  number: number;
  /** the page as shown (its visible box, turned by /Rotate), in points */
  width: number;
  height: number;
}

/**
 * A box in fractions of the shown page: [left, top, width, height], origin top-left.
 * The report's bbox is [x0, y0, x1, y1] in points on the page as shown (src/pdf/display.ts:
 * the visible box moved to the origin and turned by /Rotate), origin bottom-left — the
 * rendered image is that same page, so only the y axis flips.
 */
export function boxOnPage(g: PageGeometry, bbox: BBox): [number, number, number, number] {
  const [x0, y0, x1, y1] = bbox;
  return [x0 / g.width, (g.height - y1) / g.height, (x1 - x0) / g.width, (y1 - y0) / g.height];
}

export interface RenderedPage {
  geometry: PageGeometry | null;
  /** the image file, relative to the site's root; null when the page could not be rendered */
  image: string | null;
  pixelWidth: number;
  pixelHeight: number;
  error: string | null;
}

export interface RenderOptions {
  dpi: number;
  /** pages read by OCR: encoded as WebP */
  scanned: Set<number>;
  /** absolute folder the images go to */
  dir: string;
  /** the same folder relative to the site's root, with / */
  href: string;
}

/** Renders every page of a PDF into `dir`; a page that fails to render gets its reason, the rest go on. */
export async function renderPages(bytes: Uint8Array, options: RenderOptions): Promise<RenderedPage[]> {
  const pdf = await openPdf(bytes);
  try {
    await mkdir(options.dir, { recursive: true });
    const out: RenderedPage[] = [];
    for (let n = 1; n <= pdf.doc.numPages; n++) out.push(await renderOne(pdf.doc, n, options));
    return out;
  } finally {
    await pdf.destroy();
  }
}

async function renderOne(doc: PDFDocumentProxy, n: number, options: RenderOptions): Promise<RenderedPage> {
  let geometry: PageGeometry | null = null;
  try {
    const page = await doc.getPage(n);
    // the size renderGrey draws (pdf.js's viewport: the visible box, turned by /Rotate)
    const vp = page.getViewport({ scale: 1 });
    geometry = { number: n, width: vp.width, height: vp.height };
    const img = await renderGrey(doc, n, options.dpi);
    const webp = options.scanned.has(n);
    const data = webp
      ? await encodeWebp(doc, img.width, img.height, img.pixels)
      : encodeGreyPng(img.width, img.height, img.pixels);
    const name = `page-${String(n).padStart(4, '0')}.${webp ? 'webp' : 'png'}`;
    await writeFile(path.join(options.dir, name), data);
    return { geometry, image: `${options.href}/${name}`, pixelWidth: img.width, pixelHeight: img.height, error: null };
  } catch (err) {
    return { geometry, image: null, pixelWidth: 0, pixelHeight: 0, error: `无法渲染此页：${messageOf(err)}` };
  }
}

interface Canvas2D {
  canvas: { encode(format: 'webp', quality: number): Promise<Buffer> };
  context: {
    createImageData(w: number, h: number): { data: Uint8ClampedArray };
    putImageData(d: unknown, x: number, y: number): void;
  };
}

/** WebP through the document's own canvas factory (the canvas pdf.js renders with: one copy of @napi-rs/canvas). */
async function encodeWebp(doc: PDFDocumentProxy, width: number, height: number, grey: Uint8Array): Promise<Buffer> {
  const factory = (
    doc as unknown as { canvasFactory: { create(w: number, h: number): Canvas2D; destroy(e: Canvas2D): void } }
  ).canvasFactory;
  const entry = factory.create(width, height);
  try {
    const data = entry.context.createImageData(width, height);
    for (let i = 0, j = 0; i < grey.length; i++, j += 4) {
      const v = grey[i]!;
      data.data[j] = v;
      data.data[j + 1] = v;
      data.data[j + 2] = v;
      data.data[j + 3] = 255;
    }
    entry.context.putImageData(data, 0, 0);
    return await entry.canvas.encode('webp', 80);
  } finally {
    factory.destroy(entry);
  }
}
