// The batch's own errors, on their own so that the library's type declarations
// can name them without pulling in the whole batch (and pdf.js's DOM types).
import { statfs } from 'node:fs/promises';
import path from 'node:path';

/** A problem with the command or the output folder: nothing was run (exit status 2). */
export class BatchSetupError extends Error {
  override name = 'BatchSetupError';
}

/** Errors of the machine, not of a document: the batch stops on them and records nothing for what they cut short. */
export const ENVIRONMENT_CODES: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EMFILE', 'ENFILE']);

const WHAT: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files in this process',
  ENFILE: 'too many open files on this system',
};

/**
 * The batch stopped because the machine could not go on (a full disk, a quota, a read-only file system, no file
 * descriptors left). What was recorded stands; the documents it cut short are not recorded, so the same command,
 * run again once the cause is gone, reads them (no --retry-failed). Exit status 3.
 */
export class BatchEnvironmentError extends Error {
  override name = 'BatchEnvironmentError';
  /** the errno code: ENOSPC, EDQUOT, EROFS, EMFILE, ENFILE */
  readonly code: string;
  /** the file being written (or read) */
  readonly path: string;
  /** bytes free for this user on the file system of `path`, when known */
  readonly freeBytes: number | null;
  constructor(code: string, file: string, freeBytes: number | null, action = 'writing', options?: { cause?: unknown }) {
    const free = freeBytes === null ? '' : `; ${(freeBytes / (1024 * 1024)).toFixed(1)} MB free there`;
    super(`${WHAT[code] ?? code} (${code}) ${action} ${file}${free}`, options);
    this.code = code;
    this.path = file;
    this.freeBytes = freeBytes;
  }
}

/** The errno code of `err` when it is one of ENVIRONMENT_CODES, else null. */
export function environmentCode(err: unknown): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && ENVIRONMENT_CODES.has(code) ? code : null;
}

/** `err` as a BatchEnvironmentError (with the free space of `file`'s file system) when it is one; otherwise null. */
export async function asEnvironmentError(
  err: unknown,
  file: string,
  action = 'writing',
): Promise<BatchEnvironmentError | null> {
  if (err instanceof BatchEnvironmentError) return err;
  const code = environmentCode(err);
  if (!code) return null;
  const free = await statfs(path.dirname(file)).then(
    (s) => s.bavail * s.bsize,
    () => null,
  );
  return new BatchEnvironmentError(code, file, free, action, { cause: err });
}
