// Why a PDF could not be opened, whichever engine opened it, and the checks
// made on its bytes before any engine sees them.

export class PdfOpenError extends Error {
  readonly reason: 'not-pdf' | 'encrypted' | 'corrupt' | 'empty';
  constructor(reason: PdfOpenError['reason'], message: string) {
    super(message);
    this.name = 'PdfOpenError';
    this.reason = reason;
  }
}

export const NOT_PDF = 'not a PDF (no %PDF- header)';

/** Whether these first bytes of a file (1 KB is enough) hold the header a PDF starts with. */
export function hasPdfHeader(head: Uint8Array): boolean {
  return Buffer.from(head.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/** Empty input and input without a %PDF- header in its first kilobyte are refused before parsing. */
export function checkPdfHeader(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new PdfOpenError('empty', 'empty file (0 bytes)');
  if (!hasPdfHeader(bytes)) throw new PdfOpenError('not-pdf', NOT_PDF);
}
