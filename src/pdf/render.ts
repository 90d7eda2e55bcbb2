// Renders a page to a greyscale image for OCR, with the document's own canvas
// factory (a second copy of @napi-rs/canvas fails inside pdf.js's render).
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RenderParameters } from 'pdfjs-dist/types/src/display/api.js';

export interface GreyImage {
  width: number;
  height: number;
  /** one byte per pixel, 0 = black */
  pixels: Uint8Array;
  /** pixels per PDF point */
  scale: number;
}

interface CanvasAndContext {
  canvas: unknown;
  context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(entry: CanvasAndContext): void;
}

export async function renderGrey(doc: PDFDocumentProxy, pageNumber: number, dpi: number): Promise<GreyImage> {
  const { width, height, rgba, scale } = await renderRgba(doc, pageNumber, dpi);
  return { width, height, pixels: toGrey(rgba), scale };
}

/** The page drawn in colour on white, four bytes a pixel (RGBA). */
export async function renderRgba(
  doc: PDFDocumentProxy,
  pageNumber: number,
  dpi: number,
): Promise<{ width: number; height: number; rgba: Uint8ClampedArray; scale: number }> {
  const page = await doc.getPage(pageNumber);
  try {
    const scale = dpi / 72;
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height));
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const entry = factory.create(width, height);
    try {
      await page.render({
        ...({ canvas: entry.canvas, canvasContext: entry.context } as unknown as Pick<RenderParameters, 'canvas'>),
        viewport,
        background: 'white',
      }).promise;
      return { width, height, rgba: entry.context.getImageData(0, 0, width, height).data, scale };
    } finally {
      factory.destroy(entry);
    }
  } finally {
    page.cleanup();
  }
}

/**
 * RGBA → grey from the red channel: black text stays black while the red seal
 * (盖章) and red headers, bright in red, fade to white. Into `out` when given (a band of a page's pixels).
 */
export function toGrey(rgba: Uint8ClampedArray, out = new Uint8Array(rgba.length / 4)): Uint8Array {
  if (out.length !== rgba.length / 4) throw new Error(`toGrey: ${out.length} pixels out for ${rgba.length / 4}`);
  if (rgba.byteOffset % 4 !== 0 || !LITTLE_ENDIAN) {
    for (let i = 0, j = 0; j < out.length; i += 4, j++) out[j] = greyOf(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
    return out;
  }
  // A drawn page is mostly white paper and grey ink: read four bytes at a time and
  // weigh only the coloured pixels (a grey pixel's luminance is its own value, so
  // the result is the same); four white pixels (all bits set) are passed over at
  // once, the paper left as filled. A quarter of the byte-wise loop's time on typed pages.
  const n = out.length;
  out.fill(255);
  const words = new Int32Array(rgba.buffer, rgba.byteOffset, n);
  const end = n - (n % 4);
  let j = 0;
  for (; j < end; j += 4) {
    const w0 = words[j]!;
    const w1 = words[j + 1]!;
    const w2 = words[j + 2]!;
    const w3 = words[j + 3]!;
    if ((w0 & w1 & w2 & w3) === -1) continue;
    if (w0 !== -1) out[j] = greyWord(w0);
    if (w1 !== -1) out[j + 1] = greyWord(w1);
    if (w2 !== -1) out[j + 2] = greyWord(w2);
    if (w3 !== -1) out[j + 3] = greyWord(w3);
  }
  for (; j < n; j++) if (words[j] !== -1) out[j] = greyWord(words[j]!);
  return out;
}

/** One RGBA pixel read as a little-endian word: its grey. */
function greyWord(w: number): number {
  const r = w & 0xff;
  const g = (w >>> 8) & 0xff;
  const b = (w >>> 16) & 0xff;
  return r === g && g === b ? r : greyOf(r, g, b);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * A red pixel reads as its red value, so that a seal's ink — and the pink a scanner's JPEG leaves
 * round its strokes — fades towards paper, while print under the seal, black or dark red where
 * the seal's ink lies over it, stays as dark as its red. Red is r well above g and b, or above
 * both with these two alike: a warm-tinted photograph's paper and print (r > g > b) are not.
 * Any other pixel reads as its luminance.
 */
export function greyOf(r: number, g: number, b: number): number {
  const redness = r - Math.max(g, b);
  if ((r > 1.4 * g && r > 1.4 * b) || (redness > RED_MARGIN && Math.abs(g - b) < redness)) return r;
  return (r * 299 + g * 587 + b * 114) / 1000;
}

/** How far red must stand above green and blue to be ink of a seal rather than a scanner's colour noise. */
const RED_MARGIN = 16;

/** A binary PGM (P5) file: the simplest image format tesseract's Leptonica reads. */
export function toPgm(img: GreyImage): Buffer {
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'latin1');
  return Buffer.concat([header, Buffer.from(img.pixels.buffer, img.pixels.byteOffset, img.pixels.byteLength)]);
}
