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
      // Full-width forms (８５２．８７, （）, ，), CJK punctuation (、。《》【】) and the quotation marks
      // of Chinese text (“三公”) are set as Chinese: a space between them is layout (letter-spacing).
      .replace(
        /(?<=[\u3400-\u9fff\u3001-\u303f\uff01-\uff5e\u201c\u201d\u2018\u2019])\s+(?=[\u3400-\u9fff\u3001-\u303f\uff01-\uff5e\u201c\u201d\u2018\u2019])/g,
        '',
      )
      .trim()
  );
}

/**
 * Spaces inside a number: a letter-spaced or justified line comes from pdf.js
 * with a space after every glyph of a number (占 7 2 . 5 1 %, 3 月 1 5 日) where
 * its text run was not spaced throughout. A run of single figure glyphs
 * (digits, decimal points, thousands commas, a per cent sign) each one space
 * from the next is one figure spaced out; where any of the run's pieces is
 * longer (12 8 5, 10849 10700: two labels of a chart) the spaces part numbers
 * and stay.
 */
const SPACED_FIGURE = /(?<![0-9.,%]|[0-9.,%][ \u00a0])[0-9.,%](?:[ \u00a0][0-9.,%])+(?![0-9.,%]|[ \u00a0][0-9.,%])/g;

export function closeNumberSpaces(text: string): string {
  return text.replace(SPACED_FIGURE, (run) => (/[0-9]/.test(run) ? run.replace(/[ \u00a0]/g, '') : run));
}
