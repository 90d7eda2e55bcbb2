// The inputs of a batch: files as given, folders searched recursively for
// *.pdf (any case), glob patterns expanded. Sorted within each folder or
// pattern so that a run started again sees the same order.
//
// Names are bytes: a file named in another encoding than UTF-8 (GBK, from an
// older Windows share) is found and read like any other. Its name is shown as
// UTF-8 decodes it (a replacement character for each byte that is not, as
// `extract` shows it) and opened by its own bytes (`raws`), which also tell
// apart two names that decode alike.
import { glob, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface ExpandedInputs {
  files: string[];
  /** for each file, its name's own bytes when they are not UTF-8 (what to open), else null */
  raws: (Buffer | null)[];
  /** inputs that name nothing: a typo the user must fix before a long run */
  problems: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;
const PDF = /\.pdf$/i;
/** What a name is printed as: its bytes decoded as UTF-8, a replacement character for each that is not. */
export const shown = (bytes: Buffer): string => bytes.toString('utf8');
/** The bytes of a name when they are not UTF-8 (decoding loses them), else null. */
export const rawIfNeeded = (bytes: Buffer): Buffer | null =>
  Buffer.from(shown(bytes), 'utf8').equals(bytes) ? null : bytes;

/** `inputs`: strings as given, or a name's own bytes (the CLI passes those of an argument that was not UTF-8). */
export async function expandInputs(inputs: readonly (string | Buffer)[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const raws: (Buffer | null)[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (name: Buffer) => {
    const raw = rawIfNeeded(name);
    const key = raw ? `raw:${path.resolve(name.toString('latin1'))}` : path.resolve(shown(name));
    if (seen.has(key)) return;
    seen.add(key);
    files.push(shown(name));
    raws.push(raw);
  };
  for (const input of inputs) {
    const bytes = typeof input === 'string' ? Buffer.from(input) : input;
    const kind = await kindOf(bytes);
    if (kind === 'file') add(bytes);
    else if (kind === 'dir') (await pdfsUnder(bytes)).forEach(add);
    else if (typeof input === 'string' && GLOB_CHARS.test(input)) {
      const matched = await globBytes(input);
      let any = false;
      for (const m of matched) {
        const k = await kindOf(m);
        if (k === 'file') {
          add(m);
          any = true;
        } else if (k === 'dir') {
          const under = await pdfsUnder(m);
          under.forEach(add);
          any ||= under.length > 0;
        }
      }
      if (!any) problems.push(`${input}: no file matches this pattern`);
    } else problems.push(`${typeof input === 'string' ? input : shown(input)}: no such file or folder`);
  }
  return { files, raws, problems };
}

async function kindOf(p: Buffer): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat(p);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

/** A pattern's matches as bytes, sorted: fs.glob gives names decoded, so one that was not UTF-8 is found again by its bytes. */
async function globBytes(pattern: string): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const m of glob(pattern)) {
    if (m.includes('\ufffd')) out.push(...(await bytesOf(m)));
    else out.push(Buffer.from(m));
  }
  return dedupe(out).sort(byShown);
}

/** Every path whose bytes, decoded as UTF-8, read `shownPath` (names that were not UTF-8 decode alike). */
async function bytesOf(shownPath: string): Promise<Buffer[]> {
  const parts = shownPath.split(path.sep);
  let found: Buffer[] = [Buffer.from(parts[0] === '' ? path.sep : parts[0]!)];
  for (const part of parts.slice(1)) {
    if (part === '') continue;
    const next: Buffer[] = [];
    for (const dir of found) {
      if (!part.includes('\ufffd')) next.push(join(dir, Buffer.from(part)));
      else {
        const names = await readdir(dir, { encoding: 'buffer' }).catch(() => [] as Buffer[]);
        for (const n of names) if (shown(n) === part) next.push(join(dir, n));
      }
    }
    found = next;
  }
  return found;
}

/**
 * Every *.pdf below a folder, as bytes, not following symlinked folders (loops). A *.pdf that is a FIFO, a device
 * or a socket (or a link to one) is listed too: the batch records it as failed (not-a-file) rather than leave it
 * out unsaid. (Node's recursive readdir cannot give names as bytes: the folders are walked here.)
 */
async function pdfsUnder(dir: Buffer): Promise<Buffer[]> {
  const out: Buffer[] = [];
  const walk = async (d: Buffer) => {
    for (const e of await readdir(d, { withFileTypes: true, encoding: 'buffer' })) {
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (!PDF.test(e.name.toString('latin1'))) continue;
      else if (e.isSymbolicLink() ? (await kindOf(full)) === 'file' : true) out.push(full);
    }
  };
  await walk(dir);
  return out.sort(byShown);
}

/** path.join on bytes (as latin1 each byte is one character, and path.join touches only / and .): the same names as for strings. */
function join(dir: Buffer, name: Buffer): Buffer {
  return Buffer.from(path.join(dir.toString('latin1'), name.toString('latin1')), 'latin1');
}

function dedupe(list: Buffer[]): Buffer[] {
  const seen = new Set<string>();
  return list.filter((b) => {
    const k = b.toString('latin1');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** In the order of the names as shown (what a person sees sorted), then by bytes. */
function byShown(a: Buffer, b: Buffer): number {
  const x = shown(a);
  const y = shown(b);
  return x < y ? -1 : x > y ? 1 : Buffer.compare(a, b);
}
