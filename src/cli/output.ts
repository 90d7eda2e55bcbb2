// Where a command's outputs go: the output folder only, written atomically.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A file name made from an input path: no separators, no control characters, bounded length. */
export function safeBaseName(input: string): string {
  const base = path.basename(input).replace(/\.pdf$/i, '');
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_').replace(/^\.+/, '_').trim();
  return (clean.length > 0 ? clean : 'document').slice(0, 120);
}

/** Resolves `name` inside `dir`, refusing anything that would land outside it. */
export function insideDir(dir: string, name: string): string {
  const root = path.resolve(dir);
  const target = path.resolve(root, name);
  if (target !== root && !target.startsWith(root + path.sep)) throw new Error(`refusing to write outside ${root}: ${name}`);
  return target;
}

/** Writes a file so that readers never see a half-written one: temp file in the same folder, then rename. */
export async function writeAtomic(file: string, data: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data, { flush: true });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
