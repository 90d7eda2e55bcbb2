// DuckDB reports the machine's failures in its own words, inside its messages
// ('Failed to commit: Could not write file "x.duckdb.wal": No space left on
// device'): read back into the errno and the file they name, so that the
// dataset stops with the batch's one line (what, where, how much is free) and
// exit status 3.
import { asEnvironmentError, type BatchEnvironmentError } from '../batch/errors.ts';

const ERRNO_TEXT: [RegExp, string][] = [
  [/No space left on device/i, 'ENOSPC'],
  [/Disk quota exceeded/i, 'EDQUOT'],
  [/Read-only file system/i, 'EROFS'],
  [/Too many open files in system/i, 'ENFILE'],
  [/Too many open files/i, 'EMFILE'],
];

/** `err` (a Node error or DuckDB's) as the machine's failure on the file it names (else `file`), or null. */
export async function datasetEnvironmentError(err: unknown, file: string): Promise<BatchEnvironmentError | null> {
  const direct = await asEnvironmentError(err, (err as NodeJS.ErrnoException)?.path ?? file);
  if (direct) return direct;
  const message = err instanceof Error ? err.message : String(err);
  const code = ERRNO_TEXT.find(([re]) => re.test(message))?.[1];
  if (!code) return null;
  const named = /(?:file|directory) "([^"]+)"/.exec(message)?.[1] ?? file;
  return asEnvironmentError(Object.assign(new Error(message), { code }), named);
}
