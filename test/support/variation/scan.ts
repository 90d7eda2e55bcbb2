// A harness entry as a scanner gives it back: its pages drawn to grey images
// at a dpi, turned by a small tilt (alternating sides, as sheets go through a
// feeder), specked, and wrapped as an image-only PDF — what OCR must read as
// the typed entry reads. Used by scripts/scan-variation.ts and the scanned
// tables test.
import { readFileSync } from 'node:fs';
import { openPdf } from '../../../src/pdf/open.ts';
import { createCanvas, ImageData } from '@napi-rs/canvas';
import { renderGrey, renderRgba, toGrey } from '../../../src/pdf/render.ts';
import { makePdf, type PageSpec } from '../make-pdf.ts';
import { FIXTURES, type Entry } from './manifest.ts';
import { SEAL_PLACES, sealTexts, stampSeal, type SealPlace } from './seal.ts';

export interface ScanOptions {
  dpi: number;
  /** degrees, one way on odd pages and the other on even ones */
  tilt: number;
  /** a red round seal stamped over the unit's name (the top of the first page), the middle of the first page, or the last rows of the last page */
  seal?: SealPlace;
  /** a scanner's soft focus: a blur of this many pixels' radius */
  blur?: number;
  /** saved in colour as JPEG of this quality (0–100), as scanners save pages */
  jpeg?: number;
}

interface Plane {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** The image turned by `deg` degrees about its centre (bilinear, white where nothing was). */
function tilted(img: Plane, deg: number): Uint8Array {
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

/** A gaussian-like blur (three box passes each way) of `radius` pixels; none below half a pixel. */
function blurred(img: Plane, radius: number): Uint8Array {
  if (radius < 0.5) return img.pixels;
  const r = Math.max(1, Math.round(radius));
  let cur: Float32Array<ArrayBufferLike> = Float32Array.from(img.pixels);
  for (let pass = 0; pass < 3; pass++)
    cur = boxPass(boxPass(cur, img.width, img.height, r, true), img.width, img.height, r, false);
  return Uint8Array.from(cur, (v) => Math.round(v));
}

function boxPass(src: Float32Array<ArrayBufferLike>, w: number, h: number, r: number, across: boolean): Float32Array {
  const out = new Float32Array(src.length);
  const [lines, len] = across ? [h, w] : [w, h];
  const at = (line: number, i: number) => (across ? line * w + i : i * w + line);
  for (let line = 0; line < lines; line++) {
    let sum = 0;
    for (let i = -r; i <= r; i++) sum += src[at(line, Math.min(len - 1, Math.max(0, i)))]!;
    for (let i = 0; i < len; i++) {
      out[at(line, i)] = sum / (2 * r + 1);
      sum += src[at(line, Math.min(len - 1, i + r + 1))]! - src[at(line, Math.max(0, i - r))]!;
    }
  }
  return out;
}

/** One page as scanned: tilted, blurred, specked — each channel alike. */
function scanned(planes: Uint8Array[], width: number, height: number, deg: number, blur: number, seed: number) {
  return planes.map((p) =>
    speckled(blurred({ width, height, pixels: tilted({ width, height, pixels: p }, deg) }, blur), seed),
  );
}

/** Where the seal's centre goes, in pixels: over the printed area's top, middle or last rows. */
function sealCentre(grey: Plane, place: SealPlace, pxPerPt: number): [number, number] {
  const { width: w, height: h, pixels } = grey;
  let [top, bottom, left, right] = [h, 0, w, 0];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (pixels[y * w + x]! < 128)
        [top, bottom, left, right] = [Math.min(top, y), Math.max(bottom, y), Math.min(left, x), Math.max(right, x)];
  const across = (f: number) => left + f * (right - left);
  if (place === 'head') return [across(0.55), top + 20 * pxPerPt];
  if (place === 'middle') return [across(0.6), (top + bottom) / 2];
  return [across(0.7), bottom - 25 * pxPerPt];
}

/** The entry's pages scanned, as an image-only PDF (page 1 is the entry's first page). */
export async function scannedEntry(entry: Entry, options: ScanOptions): Promise<Uint8Array> {
  const pdf = await openPdf(new Uint8Array(readFileSync(`${FIXTURES}${entry.file}`)));
  const pages: PageSpec[] = [];
  const [first, last] = entry.pages;
  try {
    for (let n = first; n <= last; n++) {
      const deg = n % 2 ? options.tilt : -options.tilt;
      const seal = options.seal && n === sealedPage(entry, options.seal) ? options.seal : undefined;
      if (!seal && !options.jpeg) {
        const img = await renderGrey(pdf.doc, n, options.dpi);
        const [gray] = scanned([img.pixels], img.width, img.height, deg, options.blur ?? 0, n);
        pages.push({ runs: [], image: { width: img.width, height: img.height, gray } });
        continue;
      }
      pages.push({ runs: [], image: await colourPage(pdf.doc, n, options, deg, seal && sealSeed(entry, seal)) });
    }
  } finally {
    await pdf.destroy();
  }
  return makePdf({ pages });
}

type Doc = Awaited<ReturnType<typeof openPdf>>['doc'];

/** A page scanned in colour: the seal stamped on the paper before the scanner turns and blurs it. */
async function colourPage(doc: Doc, n: number, options: ScanOptions, deg: number, sealSeed: number | undefined) {
  const page = await renderRgba(doc, n, options.dpi);
  const { width, height, rgba } = page;
  if (options.seal && sealSeed !== undefined) {
    const grey = { width, height, pixels: toGrey(rgba) };
    stampSeal(page, page.scale, sealCentre(grey, options.seal, page.scale), sealSeed);
  }
  const planes = [0, 1, 2].map((ch) => Uint8Array.from({ length: width * height }, (_, i) => rgba[i * 4 + ch]!));
  const [r, g, b] = scanned(planes, width, height, deg, options.blur ?? 0, n);
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) [rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2]] = [r![i]!, g![i]!, b![i]!];
  if (!options.jpeg) return { width, height, rgb };
  const canvas = createCanvas(width, height);
  const out = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let i = 0; i < width * height; i++) out.set(rgb.subarray(i * 3, i * 3 + 3), i * 4);
  canvas.getContext('2d').putImageData(new ImageData(out, width, height), 0, 0);
  return { width, height, jpeg: new Uint8Array(canvas.toBuffer('image/jpeg', options.jpeg)) };
}

/** The page the seal is stamped on: the first (the unit's name, the top rows) or the last (the last rows). */
const sealedPage = (entry: Entry, place: SealPlace) => (place === 'foot' ? entry.pages[1] : entry.pages[0]);
const sealSeed = (entry: Entry, place: SealPlace) => sealedPage(entry, place) + SEAL_PLACES.indexOf(place) * 3;

/** What the entry's seal says, none without one: none of it may come back as text. */
export const sealTextsOf = (entry: Entry, options: ScanOptions): string[] =>
  options.seal ? sealTexts(sealSeed(entry, options.seal)) : [];
