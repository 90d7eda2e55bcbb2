// Errors about an input file, with a reason a person can act on.
export type InputReason = 'not-found' | 'not-pdf' | 'encrypted' | 'corrupt' | 'empty' | 'unreadable';

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
