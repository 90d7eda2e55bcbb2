// The batch's set-up error, on its own so that the library's type declarations
// can name it without pulling in the whole batch (and pdf.js's DOM types).

/** A problem with the command or the output folder: nothing was run (exit status 2). */
export class BatchSetupError extends Error {
  override name = 'BatchSetupError';
}
