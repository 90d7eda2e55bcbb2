// A page drawn by PDFium into a BGRA bitmap in the wasm heap, white first,
// annotations' appearances included (as pdf.js draws them), then made grey by
// the same rule as pdf.js's rendering (render.ts: red seals fade).
import { toGrey, type GreyImage } from '../render.ts';
import type { PdfiumPage } from './page.ts';

const BGRA = 4;
const FPDF_ANNOT = 0x01;
/** RGBA order in the bitmap, as toGrey reads it */
const FPDF_REVERSE_BYTE_ORDER = 0x10;
const WHITE = 0xffffffff;

export function renderPage(page: PdfiumPage, dpi: number): GreyImage {
  const { m, handle, display } = page;
  const scale = dpi / 72;
  // pdf.js's viewport size, rounded as render.ts rounds it
  const width = Math.max(1, Math.round(display.width * scale));
  const height = Math.max(1, Math.round(display.height * scale));
  const bitmap = m._FPDFBitmap_CreateEx(width, height, BGRA, 0, 0);
  if (!bitmap) throw new Error(`no memory for a ${width} × ${height} image`);
  try {
    m._FPDFBitmap_FillRect(bitmap, 0, 0, width, height, WHITE);
    m._FPDF_RenderPageBitmap(bitmap, handle, 0, 0, width, height, 0, FPDF_ANNOT | FPDF_REVERSE_BYTE_ORDER);
    const stride = m._FPDFBitmap_GetStride(bitmap);
    const buf = m._FPDFBitmap_GetBuffer(bitmap);
    const rgba =
      stride === width * 4
        ? new Uint8ClampedArray(m.HEAPU8.buffer, buf, width * height * 4)
        : packRows(m.HEAPU8, buf, stride, width, height);
    return { width, height, pixels: toGrey(rgba), scale };
  } finally {
    m._FPDFBitmap_Destroy(bitmap);
  }
}

function packRows(heap: Uint8Array, buf: number, stride: number, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    out.set(heap.subarray(buf + y * stride, buf + y * stride + width * 4), y * width * 4);
  return out;
}
