// Character classes and joining rules for Chinese text mixed with digits and Latin.

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]/;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/**
 * Joins two pieces of one text flow (items of a line, or lines of a paragraph):
 * no space next to Chinese, none inside a wrapped number, one between Latin words.
 */
export function joinPieces(left: string, right: string, gapIsSpace: boolean): string {
  if (left.length === 0) return right;
  if (right.length === 0) return left;
  const a = left[left.length - 1]!;
  const b = right[0]!;
  if (a === ' ' || b === ' ') return left + right;
  if (!gapIsSpace) return left + right;
  if (isCjk(a) && isCjk(b)) return left + right;
  if (/[0-9.,%]/.test(a) && /[0-9.,%]/.test(b)) return left + right;
  return `${left} ${right}`;
}

/**
 * Joins the lines of one paragraph: a line break is a space only between two
 * Latin words; next to Chinese (punctuation included) or inside a wrapped
 * number it is nothing.
 */
export function joinLines(left: string, right: string): string {
  const a = left[left.length - 1];
  const b = right[0];
  return joinPieces(left, right, !isCjk(a) && !isCjk(b));
}

/** Collapses runs of spaces and removes spaces between two Chinese characters. */
export function tidySpaces(text: string): string {
  return (
    text
      .replace(/[ \t\u00a0\u3000]+/g, ' ')
      // Full-width forms (８５２．８７, （）, ，) are set as Chinese: a space between them is layout (letter-spacing).
      .replace(/(?<=[\u3400-\u9fff\u3001\u3002\uff01-\uff5e])\s+(?=[\u3400-\u9fff\u3001\u3002\uff01-\uff5e])/g, '')
      .trim()
  );
}
