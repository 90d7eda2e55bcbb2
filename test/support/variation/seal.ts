// A red round official seal (公章) as a unit stamps it on a printed report: a
// ring, the unit's name set round the upper arc, a star in the middle, and
// often a line under the star and a code of digits round the foot — in red
// ink, uneven, laid over the black print (the ink darkens what it covers and
// never hides it). Stamped over the unit's name and date, and often over the
// last rows of a table and their figures. Drawn for the scanned table harness.
import { createCanvas } from '@napi-rs/canvas';

export type SealPlace = 'head' | 'middle' | 'foot';
export const SEAL_PLACES: SealPlace[] = ['head', 'middle', 'foot'];

const NAMES = ['江山市住房和城乡建设局', '某某县财政局', '市农业农村局', '区教育体育局', '县卫生健康委员会'];
const LINES = ['', '财务专用章', '', '业务专用章'];

/** A 42 mm seal's parts, in points. */
const R = 59.5;
const RING = 3.2;

/** What the seal of `seed` says: the unit's name, the line under the star (or none), the code round its foot (or none). */
export function sealTexts(seed: number): string[] {
  const code = seed % 2 ? String(3307810012345 + seed * 7919).slice(0, 13) : '';
  return [NAMES[seed % NAMES.length]!, LINES[seed % LINES.length]!, code].filter(Boolean);
}

/** The seal drawn alone: alpha of its red ink per pixel, `size` pixels square. */
function sealMask(pxPerPt: number, seed: number): { size: number; alpha: Float32Array } {
  const size = Math.ceil(2 * (R + RING) * pxPerPt) + 2;
  const c = createCanvas(size, size);
  const x = c.getContext('2d');
  const k = pxPerPt;
  x.translate(size / 2, size / 2);
  x.rotate(((seed % 7) - 3) * 0.09);
  x.strokeStyle = x.fillStyle = '#000';
  x.lineWidth = RING * k;
  x.beginPath();
  x.arc(0, 0, (R - RING / 2) * k, 0, 2 * Math.PI);
  x.stroke();
  star(x, 0, 0, 19 * k);
  const [name, ...rest] = sealTexts(seed);
  arcText(x, name!, 44 * k, 15 * k, Math.min(250, 27 * [...name!].length));
  const line = rest.find((t) => !/^[0-9]+$/.test(t));
  x.font = `bold ${11 * k}px "Noto Serif CJK JP"`;
  x.textAlign = 'center';
  if (line) x.fillText(line, 0, 30 * k);
  const code = rest.find((t) => /^[0-9]+$/.test(t));
  if (code) arcText(x, code, 51 * k, 6 * k, 75, true);
  const rgba = x.getImageData(0, 0, size, size).data;
  const alpha = new Float32Array(size * size);
  for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3]! / 255;
  return { size, alpha };
}

type Ctx = ReturnType<ReturnType<typeof createCanvas>['getContext']>;

function star(x: Ctx, cx: number, cy: number, r: number) {
  x.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 ? r * 0.38 : r;
    x.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
  }
  x.closePath();
  x.fill();
}

/**
 * Characters round an arc of radius r, each upright to the centre, spread
 * over `spanDeg` degrees: over the top, or along the foot (`foot`), read left
 * to right.
 */
function arcText(x: Ctx, text: string, r: number, px: number, spanDeg: number, foot = false) {
  const chars = [...text];
  const span = (spanDeg * Math.PI) / 180;
  const step = (span / Math.max(1, chars.length)) * (foot ? -1 : 1);
  const start = foot ? Math.PI / 2 + span / 2 - step / 2 : -Math.PI / 2 - span / 2 + step / 2;
  x.font = `bold ${px}px "Noto Serif CJK JP"`;
  x.textAlign = 'center';
  x.textBaseline = 'middle';
  chars.forEach((ch, i) => {
    const a = start + i * step;
    x.save();
    x.translate(r * Math.cos(a), r * Math.sin(a));
    x.rotate(foot ? a - Math.PI / 2 : a + Math.PI / 2);
    x.fillText(ch, 0, 0);
    x.restore();
  });
}

/** Seal ink (a scanned 印泥 red) and how thick it lies: dense in the middle of a stroke, thin in patches. */
const INK: [number, number, number] = [214, 38, 52];
/** How much of the print the ink hides where it is dense (black under it scans dark red, not black). */
const COVER = 0.35;

/**
 * Stamps the seal on an RGBA page at (cx, cy) pixels: each channel multiplied
 * by the ink where the mask has it and drawn a little towards the ink's red
 * (it partly covers the print), the ink's density varying in patches
 * (seeded, so runs compare).
 */
export function stampSeal(
  page: { width: number; height: number; rgba: Uint8ClampedArray },
  pxPerPt: number,
  [cx, cy]: [number, number],
  seed: number,
): void {
  const { size, alpha } = sealMask(pxPerPt, seed);
  const patch = Math.max(4, Math.round(6 * pxPerPt));
  const density = (x: number, y: number) => 0.6 + 0.35 * hash(Math.floor(x / patch), Math.floor(y / patch), seed);
  const [x0, y0] = [Math.round(cx - size / 2), Math.round(cy - size / 2)];
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const a = alpha[y * size + x]!;
      const [px, py] = [x0 + x, y0 + y];
      if (a === 0 || px < 0 || py < 0 || px >= page.width || py >= page.height) continue;
      const d = a * density(x, y);
      const i = (py * page.width + px) * 4;
      for (let ch = 0; ch < 3; ch++) {
        const under = page.rgba[i + ch]! * (1 - d + (d * INK[ch]!) / 255);
        page.rgba[i + ch] = Math.round(under * (1 - COVER * d) + INK[ch]! * COVER * d);
      }
    }
}

function hash(a: number, b: number, seed: number): number {
  let h = (a * 374761393 + b * 668265263 + seed * 2147483647) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 0xffffffff;
}
