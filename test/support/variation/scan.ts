// A harness entry as a scanner gives it back: its pages drawn to grey images
// at a dpi, turned by a small tilt (alternating sides, as sheets go through a
// feeder), specked, and wrapped as an image-only PDF — what OCR must read as
// the typed entry reads. Used by scripts/scan-variation.ts and the scanned
// tables test.
import { readFileSync } from 'node:fs';
import { openPdf } from '../../../src/pdf/open.ts';
import { renderGrey, type GreyImage } from '../../../src/pdf/render.ts';
import { makePdf, type PageSpec } from '../make-pdf.ts';
import { FIXTURES, type Entry } from './manifest.ts';

export interface ScanOptions {
  dpi: number;
  /** degrees, one way on odd pages and the other on even ones */
  tilt: number;
}

/** The image turned by `deg` degrees about its centre (bilinear, white where nothing was). */
function tilted(img: GreyImage, deg: number): Uint8Array {
  if (deg === 0) return img.pixels;
  const { width: w, height: h, pixels: src } = img;
  const out = new Uint8Array(w * h).fill(255);
  const [c, s] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
  const [cx, cy] = [w / 2, h / 2];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const sx = c * (x - cx) + s * (y - cy) + cx;
      const sy = -s * (x - cx) + c * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) continue;
      const [fx, fy] = [sx - x0, sy - y0];
      const at = (xx: number, yy: number) => src[yy * w + xx]!;
      const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
      const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
      out[y * w + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  return out;
}

/** Speckle as a scanner leaves it: a few dark dots on the paper, seeded so runs compare. */
function speckled(pixels: Uint8Array, seed: number): Uint8Array {
  let r = seed;
  const next = () => ((r = (r * 1103515245 + 12345) & 0x7fffffff), r / 0x7fffffff);
  for (let i = 0; i < pixels.length / 4000; i++) pixels[Math.floor(next() * pixels.length)] = 60;
  return pixels;
}

/** The entry's pages scanned, as an image-only PDF (page 1 is the entry's first page). */
export async function scannedEntry(entry: Entry, { dpi, tilt }: ScanOptions): Promise<Uint8Array> {
  const pdf = await openPdf(new Uint8Array(readFileSync(`${FIXTURES}${entry.file}`)));
  const pages: PageSpec[] = [];
  try {
    for (let n = entry.pages[0]; n <= entry.pages[1]; n++) {
      const img = await renderGrey(pdf.doc, n, dpi);
      const gray = speckled(tilted(img, n % 2 ? tilt : -tilt), n);
      pages.push({ runs: [], image: { width: img.width, height: img.height, gray } });
    }
  } finally {
    await pdf.destroy();
  }
  return makePdf({ pages });
}
