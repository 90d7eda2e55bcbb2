// The inputs of a batch: files as given, folders searched recursively for
// *.pdf (any case), glob patterns expanded. Sorted within each folder or
// pattern so that a run started again sees the same order.
import { glob, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface ExpandedInputs {
  files: string[];
  /** inputs that name nothing: a typo the user must fix before a long run */
  problems: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;
const PDF = /\.pdf$/i;

export async function expandInputs(inputs: string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const input of inputs) {
    const kind = await kindOf(input);
    if (kind === 'file') add(input);
    else if (kind === 'dir') (await pdfsUnder(input)).forEach(add);
    else if (GLOB_CHARS.test(input)) {
      const matched: string[] = [];
      for await (const m of glob(input)) matched.push(m);
      matched.sort(byCodePoint);
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
    } else problems.push(`${input}: no such file or folder`);
  }
  return { files, problems };
}

async function kindOf(p: string): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat(p);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

/**
 * Every *.pdf below a folder, not following symlinked folders (loops). A *.pdf that is a FIFO, a device or a socket
 * (or a link to one) is listed too: the batch records it as failed (not-a-file) rather than leave it out unsaid.
 */
async function pdfsUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    if (!PDF.test(e.name)) continue;
    const full = path.join(e.parentPath, e.name);
    if (e.isSymbolicLink() ? (await kindOf(full)) === 'file' : !e.isDirectory()) out.push(full);
  }
  return out.sort(byCodePoint);
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
