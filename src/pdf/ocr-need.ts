// Whether a page's text layer may lack text the page shows, so that OCR
// (under --ocr auto) has something to find: when its characters are garbage
// (fonts without a Unicode map), or when it has next to none and the page
// draws an image large enough to hold text — a scan covers the whole page, a
// photographed 盖章 page or a pasted screenshot much of it. A typed page with
// only its page number (第5页), a blank page (此页无正文) or one whose only
// pictures are a seal, a logo, a signature or a QR code (each a few per cent
// of the page) is read as it is: OCR would find nothing its text layer lacks.
import type { PageImage } from './page-images.ts';
import { judgeTextLayer } from './text-quality.ts';
import type { PageText } from './types.ts';

/** Why a page goes to OCR: its characters are garbage, or it has next to none and an image may hold text. */
export type OcrCause = 'garbage' | 'image';

/**
 * The share of the page that images must cover between them. A seal (4 cm across), a logo, a
 * signature or a QR code covers under 5 % of an A4 page; a screenshot of a table half a page wide,
 * a photograph of a stamped page or a scan, from a sixth of it to all of it.
 */
const IMAGE_SHARE = 0.1;
/** Coarser than this (under 24 pixels per inch) an image cannot show a character: a flat or gradient background. */
const MAX_POINTS_PER_PIXEL = 3;

/** Why the page goes to OCR, or null: its text layer is all it has. `images` is asked only for a page with next to no text. */
export async function ocrCause(page: PageText, images: () => Promise<PageImage[]>): Promise<OcrCause | null> {
  const verdict = judgeTextLayer(page);
  if (verdict === 'garbage') return 'garbage';
  if (verdict === 'real') return null;
  // images that cannot be read may be a scan's: OCR, as before they were asked about
  const drawn = await images().catch(() => null);
  return !drawn || imageShare(drawn, page.width, page.height) >= IMAGE_SHARE ? 'image' : null;
}

/** The share of the page covered by images fine enough to show text (overlaps counted twice: OCR is the safe side). */
export function imageShare(images: PageImage[], width: number, height: number): number {
  if (!(width > 0 && height > 0)) return images.length > 0 ? 1 : 0;
  let area = 0;
  for (const { box, pointsPerPixel: ppp } of images) {
    if (ppp && (ppp[0] > MAX_POINTS_PER_PIXEL || ppp[1] > MAX_POINTS_PER_PIXEL)) continue;
    const across = Math.min(box[2], width) - Math.max(box[0], 0);
    const down = Math.min(box[3], height) - Math.max(box[1], 0);
    if (across > 0 && down > 0) area += across * down;
  }
  return Math.min(1, area / (width * height));
}
