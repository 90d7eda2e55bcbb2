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

/** Empty input and input without a %PDF- header in its first kilobyte are refused before parsing. */
export function checkPdfHeader(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new PdfOpenError('empty', 'empty file (0 bytes)');
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new PdfOpenError('not-pdf', 'not a PDF (no %PDF- header)');
}
