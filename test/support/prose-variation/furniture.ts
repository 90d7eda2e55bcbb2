// The running header and page number of a style, as both producers write them.
import type { Style } from './types.ts';

/** The page number's text on page n of total, or null for none. */
export function footerText(style: Style, n: number, total: number): string | null {
  switch (style.footer) {
    case null:
      return null;
    case 'dash':
      return `— ${n} —`;
    case 'di-ye':
    case 'in-header':
      return `第 ${n} 页`;
    case 'bare':
      return String(n);
    case 'of-total':
      return `第 ${n} 页 共 ${total} 页`;
  }
}

export const FONT_FAMILY = { serif: 'Noto Serif CJK SC', sans: 'Noto Sans CJK SC' } as const;

/** Where the header's baseline band and the page number sit, points from the page's top and bottom edges. */
export const HEADER_FROM_TOP = 34;
export const FOOTER_FROM_BOTTOM = 34;
export const HEADER_SIZE = 10.5;
export const FOOTER_SIZE = 12;
