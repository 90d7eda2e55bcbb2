// Text from a PDF (or a file name) made safe to print: a terminal runs escape
// sequences (\x1b[8m hides the rest of a line), BEL rings, NUL and bidi
// overrides reorder or hide what an auditor reads, and a spreadsheet shows
// control characters as garbage. Every C0 and C1 control, DEL and the bidi
// embeddings, overrides and isolates are shown escaped (\u001b), visibly and
// reversibly. JSON output keeps the text exact (JSON.stringify escapes it).

// C0, DEL, C1, ALM, LRM/RLM, LRE…RLO, LRI…PDI.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** A UTF-16 surrogate without its pair: what a name in another byte encoding can decode to. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNUSUAL = new RegExp(`${UNSAFE.source}|\ufffd|${LONE_SURROGATE.source}`);

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line for a terminal: every control character (newlines and tabs too) and bidi control shown escaped. */
export function showText(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Several lines for a terminal: newlines kept, every other control shown escaped. */
export function showLines(text: string): string {
  return text.replace(UNSAFE_EXCEPT_NEWLINE, escape);
}

/** A CSV cell's text: no control character at all (a newline in a cell is shown \u000a too). */
export function csvText(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * A file name as printed: as it is when plain; quoted, with the quote,
 * backslash and every control shown escaped, when it holds anything unusual
 * (a control or bidi character, a byte that was not UTF-8, a lone surrogate).
 */
export function showPath(name: string): string {
  if (!UNUSUAL.test(name)) return name;
  return `"${name.replace(/["\\]/g, '\\$&').replace(UNSAFE, escape).replace(LONE_SURROGATE, escape)}"`;
}
