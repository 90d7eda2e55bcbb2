// Is a page's text layer real text? Not when it is empty or nearly so (a
// scan), or when most of its characters are private-use, replacement or
// control characters (fonts without a Unicode map).
import type { PageText } from './types.ts';

export type TextVerdict = 'real' | 'empty' | 'garbage';

/** Fewer non-space characters than this on a page is no text layer to speak of. */
const MIN_CHARS = 10;
const GARBAGE_SHARE = 0.3;

export function judgeTextLayer(page: PageText): TextVerdict {
  let total = 0;
  let bad = 0;
  for (const it of page.items) {
    for (const ch of it.str) {
      if (/\s/.test(ch)) continue;
      total++;
      const c = ch.codePointAt(0)!;
      if (
        (c >= 0xe000 && c <= 0xf8ff) ||
        c === 0xfffd ||
        c < 0x20 ||
        (c >= 0x7f && c < 0xa0) ||
        (c >= 0xf0000 && c <= 0x10ffff)
      )
        bad++;
    }
  }
  if (total < MIN_CHARS) return 'empty';
  return bad / total > GARBAGE_SHARE ? 'garbage' : 'real';
}
