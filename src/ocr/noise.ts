// A cheap look at a page image before OCR: a page of noise (a garbage CCITT or
// JBIG2 stream decoded to random dots) costs a full OCR — over a minute — and
// yields nothing. Text is strokes: ink changes to paper a few times per
// hundred pixels along a row, and covers a few per cent of the page. Noise
// covers half of it and changes at every other pixel.

import type { Grey } from './image.ts';

// Measured on the corpus's 83 scanned pages at 200 dpi: at most 4.9 % ink and
// 0.018 changes per pixel. Random dots: 50 % ink and 0.5 changes at their own
// resolution, 0.15 when drawn three times larger.
/** Ink/paper changes per pixel along rows at or above which an inky page is noise. */
export const NOISE_TRANSITIONS = 0.08;
/** …when ink also covers this share of the page or more (a dithered light background has many changes but little ink). */
export const NOISE_INK = 0.2;

export interface InkStats {
  /** share of sampled pixels that are ink (darker than mid-grey) */
  ink: number;
  /** ink/paper changes per sampled pixel along rows */
  transitions: number;
}

/** Every 4th row: enough for the statistic, a few milliseconds on a 4 MB page. */
export function inkStats(img: Grey): InkStats {
  let ink = 0;
  let changes = 0;
  let n = 0;
  for (let y = 0; y < img.height; y += 4) {
    const row = y * img.width;
    let prev = img.pixels[row]! < 128;
    for (let x = 0; x < img.width; x++) {
      const dark = img.pixels[row + x]! < 128;
      if (dark) ink++;
      if (dark !== prev) changes++;
      prev = dark;
      n++;
    }
  }
  return n === 0 ? { ink: 0, transitions: 0 } : { ink: ink / n, transitions: changes / n };
}

/** Why the image is not worth an OCR, or null when it may hold text. */
export function noiseReason(img: Grey): string | null {
  const s = inkStats(img);
  if (s.transitions < NOISE_TRANSITIONS || s.ink < NOISE_INK) return null;
  return `the page image is noise, not text (ink ${Math.round(s.ink * 100)} %, ${s.transitions.toFixed(2)} ink/paper changes per pixel): not OCR'd`;
}
