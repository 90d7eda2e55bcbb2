// The batch's own errors, on their own so that the library's type declarations
// can name them without pulling in the whole batch (and pdf.js's DOM types).
import { mkdir, stat, statfs } from 'node:fs/promises';
import path from 'node:path';

/** A problem with the command or the output folder: nothing was run (exit status 2). */
export class BatchSetupError extends Error {
  override name = 'BatchSetupError';
}

/** Errors of the machine, not of a document: the batch stops on them and records nothing for what they cut short. */
export const ENVIRONMENT_CODES: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EMFILE', 'ENFILE']);

/**
 * Writing the output where the user may not (a read-only folder of another owner): the machine's failure too,
 * but only for writes — a PDF that cannot be read for want of permission is that document's failure.
 */
export const OUTPUT_DENIED_CODES: ReadonlySet<string> = new Set(['EACCES', 'EPERM']);

const WHAT: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files in this process',
  ENFILE: 'too many open files on this system',
  EACCES: 'no permission to write',
  EPERM: 'not permitted to write',
};

/** Where the free space says something (a full disk, a quota); for a read-only or denied folder it is noise. */
const SPACE_CODES = new Set(['ENOSPC', 'EDQUOT']);

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
    const free =
      freeBytes === null || !SPACE_CODES.has(code) ? '' : `; ${(freeBytes / (1024 * 1024)).toFixed(1)} MB free there`;
    super(`${WHAT[code] ?? code} (${code}) ${action} ${file}${free}`, options);
    this.code = code;
    this.path = file;
    this.freeBytes = freeBytes;
  }
}

/** The errno code of `err` when it is one of ENVIRONMENT_CODES (or, `writing`, of OUTPUT_DENIED_CODES), else null. */
export function environmentCode(err: unknown, writing = false): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return null;
  return ENVIRONMENT_CODES.has(code) || (writing && OUTPUT_DENIED_CODES.has(code)) ? code : null;
}

/**
 * Makes an output folder (and its parents). Node's recursive mkdir says ENOENT where a parent cannot be written
 * (a read-only file system, no permission): the first missing folder is made alone to learn the true reason.
 */
export async function makeOutputFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    let missing = path.resolve(dir);
    while ((await stat(path.dirname(missing)).catch(() => null)) === null && path.dirname(missing) !== missing)
      missing = path.dirname(missing);
    await mkdir(missing); // throws the true reason; if it does not, the rest can be made now
    await mkdir(dir, { recursive: true });
  }
}

/** `err` as a BatchEnvironmentError (with the free space of `file`'s file system) when it is one; otherwise null. */
export async function asEnvironmentError(
  err: unknown,
  file: string,
  action = 'writing',
): Promise<BatchEnvironmentError | null> {
  if (err instanceof BatchEnvironmentError) return err;
  const code = environmentCode(err, action === 'writing');
  if (!code) return null;
  const free = await statfs(path.dirname(file)).then(
    (s) => s.bavail * s.bsize,
    () => null,
  );
  return new BatchEnvironmentError(code, file, free, action, { cause: err });
}
