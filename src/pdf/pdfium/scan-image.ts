// A scanned page drawn from its one image, without drawing the page: the
// image decoded at its own size by PDFium, made grey by the rule of
// render.ts, and resized by our code as pdf.js + canvas resizes it
// (../scale-grey.ts), into the rectangle pdf.js rounds it to on white paper.
// PDFium's own drawing resizes differently and read the scanned corpus
// slightly worse; this reads it as pdf.js's drawing does, at a fraction of the
// CPU (docs/speed.md). Any other page — more than the one image, a mask or
// transparency, a clip that cuts it, an annotation, a turned or mirrored
// image, a pixel format not known here — gets null: it is drawn whole.
import { boxOf } from '../boxes.ts';
import { multiply, type Matrix } from '../display.ts';
import { greyOf, type GreyImage } from '../render.ts';
import { scaleGrey } from '../scale-grey.ts';
import type { Pdfium } from './module.ts';
import type { PdfiumPage } from './page.ts';
import { clipOf } from './paths.ts';

const IMAGE = 3;
const GREY = 1;
/** bytes a pixel of each FPDFBitmap format: BGR, BGRx, BGRA */
const BYTES: Record<number, number> = { 1: 1, 2: 3, 3: 4, 4: 4 };
/** The most the drawn image may exceed the page by (it is resized whole before it is cut). */
const MAX_OVERDRAW = 4;

/** The page at `dpi` from its one image, or null when it is not a page of one plain image. */
export function drawScannedPage(page: PdfiumPage, dpi: number): GreyImage | null {
  const { m, handle, display, scratch: s } = page;
  if (m._FPDFPage_CountObjects(handle) !== 1 || m._FPDFPage_GetAnnotCount(handle) !== 0) return null;
  const obj = m._FPDFPage_GetObject(handle, 0);
  if (!obj || m._FPDFPageObj_GetType(obj) !== IMAGE || m._FPDFPageObj_HasTransparency(obj)) return null;
  if (!m._FPDFPageObj_GetMatrix(obj, s.ptr)) return null;
  const ctm = multiply([s.f32(0), s.f32(1), s.f32(2), s.f32(3), s.f32(4), s.f32(5)], display.matrix);
  const scale = dpi / 72;
  // pdf.js's viewport size, rounded as render.ts rounds it
  const width = Math.max(1, Math.round(display.width * scale));
  const height = Math.max(1, Math.round(display.height * scale));
  const rect = pixelRect(ctm, scale, display.height);
  if (!rect || (rect.w * rect.h) / (width * height) > MAX_OVERDRAW) return null;
  const clip = clipOf(m, s, obj, display.matrix);
  if (clip && !coversShown(clip, ctm, display)) return null;
  if (!plainColours(page, obj)) return null;
  const image = decodeGrey(m, obj);
  if (!image) return null;
  const scaled = scaleGrey(image.pixels, image.width, image.height, rect.w, rect.h);
  return { width, height, pixels: placed(scaled, rect, width, height), scale };
}

interface PixelRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where the image's unit square falls in the drawn page's pixels, rounded as pdf.js rounds it; null if turned or mirrored. */
function pixelRect([a, b, c, d, e, f]: Matrix, scale: number, pageHeight: number): PixelRect | null {
  if (b !== 0 || c !== 0 || !(a > 0) || !(d > 0)) return null;
  const x = Math.round(e * scale);
  const y = Math.round((pageHeight - f - d) * scale);
  const w = Math.round((e + a) * scale) - x || 1;
  const h = Math.round((pageHeight - f) * scale) - y || 1;
  return { x, y, w, h };
}

/** Whether the clip leaves the image whole where the page shows it. */
function coversShown(clip: number[], ctm: Matrix, display: { width: number; height: number }): boolean {
  const [x0, y0, x1, y1] = boxOf(ctm, [
    [0, 0],
    [1, 1],
  ]);
  const shown = [Math.max(x0, 0), Math.max(y0, 0), Math.min(x1, display.width), Math.min(y1, display.height)];
  const slack = 0.5;
  return (
    clip[0]! <= shown[0]! + slack &&
    clip[1]! <= shown[1]! + slack &&
    clip[2]! >= shown[2]! - slack &&
    clip[3]! >= shown[3]! - slack
  );
}

/**
 * Grey or colour of 8 bits a channel, in a colour space PDFium turns into grey or BGR bytes: an indexed
 * image comes as palette numbers, a 1-bit one as PDFium's own conversion — those are drawn whole.
 */
function plainColours({ m, handle, scratch: s }: PdfiumPage, obj: number): boolean {
  if (!m._FPDFImageObj_GetImageMetadata(obj, handle, s.ptr)) return false;
  const [bits, space] = [s.u32(4), s.u32(5)];
  // a poster-sized image is left to pdf.js, which drops what exceeds the document's image limit
  if (s.u32(0) * s.u32(1) > MAX_PIXELS) return false;
  if (GREY_SPACES.has(space)) return bits === 8;
  return COLOUR_SPACES.has(space) && (bits === 24 || bits === 32);
}

/** The largest image decoded here: an A3 page scanned at 600 ppi has 70 million pixels. */
const MAX_PIXELS = 100e6;

/** FPDF_COLORSPACE_DEVICEGRAY, _CALGRAY, _ICCBASED (one channel when 8 bits a pixel) */
const GREY_SPACES = new Set([1, 4, 7]);
/** FPDF_COLORSPACE_DEVICERGB, _DEVICECMYK, _CALRGB, _ICCBASED */
const COLOUR_SPACES = new Set([2, 3, 5, 7]);

/** The image decoded by PDFium at its own size, one grey byte a pixel; null for a format not known here. */
function decodeGrey(m: Pdfium, obj: number): { width: number; height: number; pixels: Uint8Array } | null {
  const bitmap = m._FPDFImageObj_GetBitmap(obj);
  if (!bitmap) return null;
  try {
    const bytes = BYTES[m._FPDFBitmap_GetFormat(bitmap)];
    const width = m._FPDFBitmap_GetWidth(bitmap);
    const height = m._FPDFBitmap_GetHeight(bitmap);
    if (!bytes || width <= 0 || height <= 0) return null;
    const stride = m._FPDFBitmap_GetStride(bitmap);
    const buf = m._FPDFBitmap_GetBuffer(bitmap);
    const heap = m.HEAPU8;
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      const row = buf + y * stride;
      if (bytes === GREY) pixels.set(heap.subarray(row, row + width), y * width);
      else greyRow(heap, row, bytes, pixels, y * width, width);
    }
    return { width, height, pixels };
  } finally {
    m._FPDFBitmap_Destroy(bitmap);
  }
}

/** A row of BGR(x) pixels made grey by render.ts's rule; only a pixel redder than green and blue can be a seal's. */
function greyRow(heap: Uint8Array, from: number, bytes: number, out: Uint8Array, to: number, width: number): void {
  for (let x = 0, i = from; x < width; x++, i += bytes) {
    const b = heap[i]!;
    const g = heap[i + 1]!;
    const r = heap[i + 2]!;
    out[to + x] = r > g && r > b ? greyOf(r, g, b) : ((r * 299 + g * 587 + b * 114) / 1000) | 0;
  }
}

/** The resized image put at its place on white paper of width × height, cut to it. */
function placed(img: Uint8Array, { x, y, w, h }: PixelRect, width: number, height: number): Uint8Array {
  if (x === 0 && y === 0 && w === width && h === height) return img;
  const out = new Uint8Array(width * height).fill(255);
  const [c0, c1] = [Math.max(x, 0), Math.min(x + w, width)];
  if (c1 <= c0) return out;
  for (let row = Math.max(y, 0); row < Math.min(y + h, height); row++) {
    const from = (row - y) * w + (c0 - x);
    out.set(img.subarray(from, from + (c1 - c0)), row * width + c0);
  }
  return out;
}
