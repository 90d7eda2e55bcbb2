// A page drawn by PDFium into a BGRA bitmap in the wasm heap, white first,
// annotations' appearances included (as pdf.js draws them), then made grey by
// the same rule as pdf.js's rendering (render.ts: red seals fade). Drawn in
// bands of rows, so that the wasm heap (which never shrinks) holds at most a
// band of colour, not a whole poster-sized page: a 40-million-pixel page
// would otherwise take 160 MB of it.
import { toGrey, type GreyImage } from '../render.ts';
import type { PdfiumPage } from './page.ts';

const BGRA = 4;
const FPDF_ANNOT = 0x01;
/** RGBA order in the bitmap, as toGrey reads it */
const FPDF_REVERSE_BYTE_ORDER = 0x10;
const WHITE = 0xffffffff;
/** The most bytes of colour one band may take. */
const BAND_BYTES = 16 * 1024 * 1024;

export function renderPage(page: PdfiumPage, dpi: number): GreyImage {
  const { m, handle, display, scratch: s } = page;
  const scale = dpi / 72;
  // pdf.js's viewport size, rounded as render.ts rounds it
  const width = Math.max(1, Math.round(display.width * scale));
  const height = Math.max(1, Math.round(display.height * scale));
  const rows = Math.max(1, Math.min(height, Math.floor(BAND_BYTES / (4 * width))));
  const bitmap = m._FPDFBitmap_CreateEx(width, rows, BGRA, 0, 0);
  if (!bitmap) throw new Error(`no memory for a ${width} × ${rows} band`);
  const pixels = new Uint8Array(width * height);
  try {
    for (let top = 0; top < height; top += rows) {
      const band = Math.min(rows, height - top);
      m._FPDFBitmap_FillRect(bitmap, 0, 0, width, rows, WHITE);
      // after PDFium's own display matrix (the page shown, turned by /Rotate, in points, y down): scaled, the band's top at 0
      new Float32Array(m.HEAPU8.buffer, s.ptr, 10).set([scale, 0, 0, scale, 0, -top, 0, 0, width, band]);
      m._FPDF_RenderPageBitmapWithMatrix(bitmap, handle, s.ptr, s.at(24), FPDF_ANNOT | FPDF_REVERSE_BYTE_ORDER);
      // made grey in place: no band-sized copy for the collector
      toGrey(bandOf(page, bitmap, width, band), pixels.subarray(top * width, (top + band) * width));
    }
  } finally {
    m._FPDFBitmap_Destroy(bitmap);
  }
  return { width, height, pixels, scale };
}

/** The band's first `rows` rows as RGBA, packed (the bitmap's stride may be wider). */
function bandOf({ m }: PdfiumPage, bitmap: number, width: number, rows: number): Uint8ClampedArray {
  const stride = m._FPDFBitmap_GetStride(bitmap);
  const buf = m._FPDFBitmap_GetBuffer(bitmap);
  if (stride === width * 4) return new Uint8ClampedArray(m.HEAPU8.buffer, buf, width * rows * 4);
  const out = new Uint8ClampedArray(width * rows * 4);
  for (let y = 0; y < rows; y++)
    out.set(m.HEAPU8.subarray(buf + y * stride, buf + y * stride + width * 4), y * width * 4);
  return out;
}
