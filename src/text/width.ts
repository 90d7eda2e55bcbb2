// Full-width forms → ASCII: the one place this fold is written. Reports set
// figures in full-width digits (４９８０．３７, ９８％) as often as in ASCII.

/** Full-width digits and the punctuation inside numbers (．，％) → ASCII, keeping string length. */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９．，％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
