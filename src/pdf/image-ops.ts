// The images of a page as pdf.js's operator list paints them, with the
// transform and clip in force (the same question PDFium answers from its page
// objects, pdfium/objects.ts). Each image is painted as the unit square under
// the transform; groups of small images bring each one's own.
import { AnnotationMode, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Rect } from './boxes.ts';
import { displayOf, multiply, type Matrix } from './display.ts';
import { walkOps } from './ops-walk.ts';
import { pageImage, type PageImage } from './page-images.ts';

interface Sized {
  width?: number;
  height?: number;
  transform?: number[];
}

export async function readPageImages(doc: PDFDocumentProxy, pageNumber: number): Promise<PageImage[]> {
  const page = await doc.getPage(pageNumber);
  try {
    const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
    return imagesFromOps(ops.fnArray, ops.argsArray, displayOf(page).matrix);
  } finally {
    page.cleanup();
  }
}

/** The images an operator list paints; base maps user space to the shown page. */
export function imagesFromOps(fnArray: ArrayLike<number>, argsArray: unknown[], base: Matrix): PageImage[] {
  const images: PageImage[] = [];
  walkOps(fnArray, argsArray, base, {
    other(fn, args, ctm, clip) {
      imagesOfOp(fn, args ?? [], ctm, clip, images);
    },
  });
  return images;
}

function imagesOfOp(fn: number, args: unknown[], ctm: Matrix, clip: Rect | null, out: PageImage[]): void {
  const add = (m: Matrix, w = 0, h = 0) => out.push(pageImage(m, clip, w, h));
  const sized = (x: unknown) => (x ?? {}) as Sized;
  if (fn === OPS.paintImageXObject) add(ctm, Number(args[1]) || 0, Number(args[2]) || 0);
  else if (fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
    const img = sized(args[0]);
    add(ctm, img.width, img.height);
  } else if (fn === OPS.paintImageXObjectRepeat || fn === OPS.paintImageMaskXObjectRepeat) {
    // [image, scaleX, (skewX, skewY,) scaleY, positions]: the same image at each position
    const xobj = fn === OPS.paintImageXObjectRepeat;
    const [sx, kx, ky, sy] = xobj ? [args[1], 0, 0, args[2]] : args.slice(1, 5);
    const positions = (args[xobj ? 3 : 5] ?? []) as ArrayLike<number>;
    const img = xobj ? {} : sized(args[0]);
    for (let i = 0; i + 1 < positions.length; i += 2) {
      const m: Matrix = [Number(sx), Number(kx), Number(ky), Number(sy), positions[i]!, positions[i + 1]!];
      add(multiply(m, ctm), img.width, img.height);
    }
  } else if (fn === OPS.paintImageMaskXObjectGroup) {
    for (const img of (args[0] ?? []) as Sized[]) {
      if (img.transform?.length === 6) add(multiply(img.transform as Matrix, ctm), img.width, img.height);
    }
  } else if (fn === OPS.paintInlineImageXObjectGroup) {
    for (const part of (args[1] ?? []) as (Sized & { w?: number; h?: number })[]) {
      if (part.transform?.length === 6) add(multiply(part.transform as Matrix, ctm), part.w, part.h);
    }
  }
}
