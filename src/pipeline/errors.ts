// Errors about an input file, with a reason a person can act on.
export type InputReason = 'not-found' | 'not-pdf' | 'encrypted' | 'corrupt' | 'empty' | 'unreadable' | 'too-many-pages';

export class InputError extends Error {
  readonly file: string;
  readonly reason: InputReason;
  constructor(file: string, reason: InputReason, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.name = 'InputError';
    this.file = file;
    this.reason = reason;
  }
}

/** A stage of the pipeline that threw (src/pipeline/stages.ts): names the stage, keeps the original error as `cause`. */
export class StageError extends Error {
  readonly stage: string;
  constructor(stage: string, cause: unknown) {
    super(`stage ${stage} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StageError';
    this.stage = stage;
  }
}

/** What pdf.js throws for a damaged file once it is open (opening is classified in pdf/open.ts). */
const PDFJS_FORMAT_ERRORS = new Set([
  'XRefEntryException',
  'XRefParseException',
  'FormatError',
  'InvalidPDFException',
  'UnknownErrorException',
]);

export function isPdfFormatError(err: unknown): boolean {
  return PDFJS_FORMAT_ERRORS.has((err as { name?: string })?.name ?? '');
}

/** A damaged file's error as an InputError (also when a stage threw it); anything else unchanged. */
export function asInputError(file: string, thrown: unknown): unknown {
  const err = thrown instanceof StageError ? thrown.cause : thrown;
  if (isPdfFormatError(err))
    return new InputError(file, 'corrupt', `unreadable PDF: ${(err as Error).message}`, { cause: err });
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return new InputError(file, 'corrupt', `objects nested too deeply to read (${err.message})`, { cause: err });
  }
  return thrown;
}

/**
 * pdf.js leaves some internal promises unobserved; on a damaged file one may
 * reject (XRefEntryException) after the page that caused it was handled. That
 * must not end the process: the document's own result stands. Other stray
 * rejections are bugs and still end it.
 */
export function ignoreStrayPdfRejections(): void {
  process.on('unhandledRejection', (err) => {
    if (!isPdfFormatError(err)) throw err;
  });
}
