// Boxes in PDF points ([x0, y0, x1, y1], y up): the one home of the small
// geometry the stages share, so that every box in the report is made the same way.

export type Box = [number, number, number, number];

/** To a tenth of a point: what the report writes (finer than any glyph, and stable across runs). */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The smallest box holding all of `boxes`; null for none. */
export function unionBox(boxes: readonly (readonly number[])[]): Box | null {
  if (boxes.length === 0) return null;
  // A loop, not Math.min(...boxes): a page of 100,000 items would spread past the call stack.
  const out: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    if (b[0]! < out[0]) out[0] = b[0]!;
    if (b[1]! < out[1]) out[1] = b[1]!;
    if (b[2]! > out[2]) out[2] = b[2]!;
    if (b[3]! > out[3]) out[3] = b[3]!;
  }
  return out;
}

/** unionBox with each side rounded to a tenth of a point, as the report writes boxes. */
export function roundedUnion(boxes: readonly (readonly number[])[]): Box | null {
  const u = unionBox(boxes);
  return u && [round1(u[0]), round1(u[1]), round1(u[2]), round1(u[3])];
}

/**
 * The part of a line's box between two offsets `a` and `b` out of `len`
 * (characters, or ems): cut in proportion along x, full height.
 */
export function sliceBox(box: readonly number[], a: number, b: number, len: number): Box {
  const [x0, y0, x1, y1] = box as Box;
  const w = x1 - x0;
  return [x0 + (w * a) / len, y0, x0 + (w * b) / len, y1];
}
