// Output files of a run: every path checked to lie inside the output folder,
// every file written whole or not at all (temporary file, fsync, rename).
import { randomBytes } from 'node:crypto';
import { open, readdir, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** `name` resolved inside `root` (an absolute, real folder); throws for anything that would land outside it. */
export function inside(root: string, ...names: string[]): string {
  const target = path.resolve(root, ...names);
  if (target === root || !target.startsWith(root + path.sep))
    throw new Error(`refusing to write outside ${root}: ${names.join('/')}`);
  return target;
}

/** Fails when a folder inside the output folder (say a symlinked docs/) really lives elsewhere. */
export async function assertRealInside(root: string, dir: string): Promise<void> {
  const real = await realpath(dir);
  const realRoot = await realpath(root);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep))
    throw new Error(`${dir} resolves outside the output folder (${real})`);
}

/** A short temporary name next to the target (the target's own name may be near the file-name limit). */
export function tempPath(target: string): string {
  return path.join(path.dirname(target), `.jx-${randomBytes(6).toString('hex')}.tmp`);
}

export const TEMP_FILE = /^\.jx-[0-9a-f]+\.tmp$/;

/** Removes the temporary files a killed run left in these folders. */
export async function removeTempFiles(...dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    for (const name of await readdir(dir)) if (TEMP_FILE.test(name)) await rm(path.join(dir, name), { force: true });
  }
}

/**
 * Writes `data` to `target` atomically and durably: a reader (or a run after a SIGKILL) sees the old file or the new one.
 * `syncFolder: false` skips the folder fsync (a few ms) where a lost rename is harmless: the batch's resume
 * checks that a document's file exists and redoes it otherwise.
 */
export async function writeAtomic(
  target: string,
  data: string | Uint8Array,
  tmp = tempPath(target),
  syncFolder = true,
): Promise<void> {
  const injected = injectedWriteError(target);
  if (injected) throw injected;
  try {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    // Named by the file the user asked for, not by its temporary name (a write's error may name none at all).
    const e = err as NodeJS.ErrnoException;
    if (e && typeof e === 'object' && (e.path === undefined || e.path === tmp)) e.path = target;
    throw err;
  }
  if (syncFolder) await syncDir(path.dirname(target));
}

/** fsync a folder so that a rename in it survives a crash. */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync().catch(() => {}); // some file systems refuse fsync on folders; the rename still happened
  } finally {
    await fh.close();
  }
}

/**
 * A test seam for a full disk where a small file system cannot be mounted: with JIXIAO_INJECT_WRITE_ERROR=CODE:TEXT
 * in the environment, writing any output file whose path contains TEXT fails with errno CODE (ENOSPC, EROFS …) as
 * the file system would fail it. The batch's document workers see the same environment. Unset, nothing happens.
 */
export function injectedWriteError(target: string): NodeJS.ErrnoException | null {
  const spec = process.env.JIXIAO_INJECT_WRITE_ERROR;
  const at = spec ? spec.indexOf(':') : -1;
  if (!spec || at < 1 || !target.includes(spec.slice(at + 1))) return null;
  const code = spec.slice(0, at);
  return Object.assign(new Error(`${code}: injected write error, write '${target}'`), {
    code,
    path: target,
    syscall: 'write',
  });
}
