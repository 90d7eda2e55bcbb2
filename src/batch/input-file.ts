// Input files are opened only when they are regular files, and read only up
// to a size bound. A `.pdf` that is a device, a FIFO or a socket (or a link
// to one: `ln -s /dev/zero z.pdf`) would hang a read for ever or fill memory;
// it is refused from its fs.stat before it is opened, and opened with
// O_NONBLOCK and checked again (fstat) in case it was swapped in between.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, stat, type FileHandle } from 'node:fs/promises';
import type { PathLike, Stats } from 'node:fs';
import { hasPdfHeader, NOT_PDF, PdfOpenError } from '../pdf/errors.ts';

/** Input files larger than this are refused unread (hashing, and the batch's document workers). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

const MB = 1024 * 1024;

/**
 * What a document may bring within a memory bound of `maxMemoryMb` (its process's resident memory): a file that
 * pdf.js holds whole, and images it decodes whole (the stream, then four bytes a pixel, then the page canvas's
 * copy). Measured: a %PDF file of 1000 MB peaked at 3.3 GB when it was copied twice on its way to pdf.js; read
 * once and given to pdf.js, 800 MB of it peaked at 1.9 GB before pdf.js gave up (a string too long). What pdf.js
 * then builds is bounded by the sampled bound alone: rebuilding a 300 MB file without a cross-reference table in
 * strings took 8 GB. An image of 20,480 × 20,480 (400 million pixels) peaked at 5.1 GB.
 */
export function inputBounds(maxMemoryMb: number): { fileBytes: number; imagePixels: number } {
  // What a document process holds before it reads anything: Node, pdf.js and the pipeline (measured 150 MB).
  const room = Math.max(0, maxMemoryMb - 160) * MB;
  return { fileBytes: Math.min(MAX_FILE_BYTES, Math.floor(room / 2.5)), imagePixels: Math.floor(room / 12) };
}

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

/**
 * sha256 and length of a regular file, reading at most `maxBytes` (a file that grows past it is refused); a file
 * that does not start as a PDF starts is not read past its first megabyte: `sha256` null, `pdf` false.
 */
export async function hashFile(
  file: PathLike,
  maxBytes = MAX_FILE_BYTES,
): Promise<{ sha256: string | null; bytes: number; pdf: boolean }> {
  const { fh, size } = await openRegular(file, maxBytes);
  try {
    const hash = createHash('sha256');
    // Sized to the file (a batch hashes thousands of small ones), not zero-filled: only what was read is looked at.
    const buffer = Buffer.allocUnsafe(Math.min(MB, Math.max(64 * 1024, size + 1)));
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buffer, 0, buffer.length, null);
      if (bytes === 0 && bytesRead > 0 && !hasPdfHeader(buffer.subarray(0, bytesRead)))
        return { sha256: null, bytes: size, pdf: false };
      if (bytesRead === 0) return { sha256: hash.digest('hex'), bytes, pdf: bytes > 0 };
      bytes += bytesRead;
      if (bytes > maxBytes) throw tooLarge(maxBytes);
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
}

/**
 * The whole of a regular file of at most `maxBytes`, in one buffer of its own (pdf.js may take it whole: no copy).
 * A file that does not start as a PDF starts is not read further: PdfOpenError not-pdf after its first kilobyte,
 * whatever its size.
 */
export async function readInput(file: PathLike, maxBytes = MAX_FILE_BYTES): Promise<Uint8Array> {
  // Its size is judged after its header: a file that is no PDF is said to be none, however large.
  const { fh, size } = await openRegular(file, Number.MAX_SAFE_INTEGER);
  try {
    const head = new Uint8Array(1024);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    if (bytesRead > 0 && !hasPdfHeader(head.subarray(0, bytesRead))) throw new PdfOpenError('not-pdf', NOT_PDF);
    if (size > maxBytes) throw tooLarge(maxBytes, size);
    let out = new Uint8Array(Math.max(size, 1024));
    let at = 0;
    for (;;) {
      if (at === out.length) {
        // Full: is there more (it grew since its size was taken, or says 0 as files in /proc do)?
        const probe = Buffer.alloc(64 * 1024);
        const { bytesRead } = await fh.read(probe, 0, probe.length, null);
        if (bytesRead === 0) return out;
        if (at + bytesRead > maxBytes) throw tooLarge(maxBytes);
        const bigger = new Uint8Array(Math.min(maxBytes, Math.max(out.length * 2, at + bytesRead)));
        bigger.set(out);
        bigger.set(probe.subarray(0, bytesRead), at);
        out = bigger;
        at += bytesRead;
        continue;
      }
      const { bytesRead } = await fh.read(out, at, out.length - at, null);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === out.length ? out : out.slice(0, at);
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
