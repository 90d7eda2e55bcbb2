// Input files are opened only when they are regular files, and read only up
// to a size bound. A `.pdf` that is a device, a FIFO or a socket (or a link
// to one: `ln -s /dev/zero z.pdf`) would hang a read for ever or fill memory;
// it is refused from its fs.stat before it is opened, and opened with
// O_NONBLOCK and checked again (fstat) in case it was swapped in between.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, stat, type FileHandle } from 'node:fs/promises';
import type { PathLike, Stats } from 'node:fs';

/** Input files larger than this are refused unread (hashing, and the batch's document workers). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export type RefusedCode = 'not-a-file' | 'too-large';

/** An input refused for what it is, not for what it holds: recorded with `code` (a manifest code). */
export class RefusedInput extends Error {
  override name = 'RefusedInput';
  readonly code: RefusedCode;
  constructor(code: RefusedCode, reason: string) {
    super(reason);
    this.code = code;
  }
}

/** Opens `file` for reading if it is a regular file of at most `maxBytes`; throws RefusedInput otherwise (or the fs error). */
export async function openRegular(
  file: PathLike,
  maxBytes = MAX_FILE_BYTES,
): Promise<{ fh: FileHandle; size: number }> {
  const s = await stat(file);
  await refuseUnless(file, s, maxBytes);
  const fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
  try {
    const f = await fh.stat();
    await refuseUnless(file, f, maxBytes);
    return { fh, size: f.size };
  } catch (err) {
    await fh.close();
    throw err;
  }
}

/** sha256 and length of a regular file, reading at most `maxBytes` (a file that grows past it is refused). */
export async function hashFile(file: PathLike, maxBytes = MAX_FILE_BYTES): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await readChunks(file, maxBytes, (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  return { sha256: hash.digest('hex'), bytes };
}

/** The whole of a regular file, at most `maxBytes`. */
export async function readInput(file: PathLike, maxBytes = MAX_FILE_BYTES): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  await readChunks(file, maxBytes, (chunk) => {
    chunks.push(new Uint8Array(chunk)); // a copy: the read buffer is reused
    total += chunk.length;
  });
  // One buffer of its own (not a slice of Node's pool): pdf.js may transfer it.
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function readChunks(file: PathLike, maxBytes: number, take: (chunk: Uint8Array) => void): Promise<void> {
  const { fh } = await openRegular(file, maxBytes);
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    let total = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      total += bytesRead;
      // The size was checked, but a file can grow, and some (in /proc) say 0 and hold more.
      if (total > maxBytes) throw tooLarge(maxBytes);
      take(buffer.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
}

async function refuseUnless(file: PathLike, s: Stats, maxBytes: number): Promise<void> {
  if (!s.isFile()) {
    const link = (await lstat(file).catch(() => null))?.isSymbolicLink() ? ' (through a symbolic link)' : '';
    throw new RefusedInput('not-a-file', `is ${kindOf(s)}${link}, not a regular file; not opened`);
  }
  if (s.size > maxBytes) throw tooLarge(maxBytes, s.size);
}

function tooLarge(maxBytes: number, size?: number): RefusedInput {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return new RefusedInput(
    'too-large',
    `${size === undefined ? 'larger' : `${mb(size)}, larger`} than the limit of ${mb(maxBytes)} for an input file; not read`,
  );
}

/** What a file that is not a regular file is, in words. */
export function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}
