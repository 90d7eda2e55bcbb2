// pdf.js leaves some internal promises unobserved; on a damaged file one may
// reject after the document's own result is known (pipeline/errors.ts). In a
// library that must not end the host's process. Installed once, on first use;
// any other unhandled rejection is left to the host: rethrown (Node's default)
// only when no handler of the host's is listening.
import { isPdfFormatError } from '../pipeline/errors.ts';

let installed = false;

export function guardStrayPdfRejections(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (err) => {
    if (isPdfFormatError(err)) return;
    if (process.listenerCount('unhandledRejection') > 1) return;
    throw err;
  });
}
