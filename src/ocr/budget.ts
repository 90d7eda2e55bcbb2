// What a page image for OCR may cost: a page of 9000 × 12600 pt at 200 dpi is
// 875 million pixels (3.5 GB as RGBA) and crashes the engines. Pages beyond the
// pixel budget are rendered at the resolution that fits it; one so large that
// even that is too coarse to read fails with its reason.

/** The most pixels a page image for OCR may have: an A3 page at 300 dpi (35 Mpx) fits, with room. */
export const MAX_OCR_PIXELS = 40_000_000;
/** Below this resolution (dpi) a fitted page image is too coarse to read. */
export const MIN_FITTED_DPI = 36;

/**
 * The resolution to render a page of `width` × `height` points at for OCR:
 * `dpi`, or less so that the image fits MAX_OCR_PIXELS. Throws when the page
 * would need less than MIN_FITTED_DPI.
 */
export function ocrDpiFor(width: number, height: number, dpi: number): number {
  const pixels = ((width * dpi) / 72) * ((height * dpi) / 72);
  if (!(pixels > MAX_OCR_PIXELS)) return dpi;
  const fitted = Math.floor(dpi * Math.sqrt(MAX_OCR_PIXELS / pixels));
  if (fitted < MIN_FITTED_DPI) {
    throw new Error(
      `page of ${Math.round(width)} × ${Math.round(height)} pt too large for OCR: ${Math.round(pixels / 1e6)} million pixels at ${dpi} dpi, ` +
        `and under ${MIN_FITTED_DPI} dpi within the budget of ${MAX_OCR_PIXELS / 1e6} million`,
    );
  }
  return fitted;
}
