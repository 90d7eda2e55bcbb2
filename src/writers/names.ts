// File names for per-document outputs: made from the input's name, safe
// whatever it holds (separators, .., control characters, reserved device
// names, names longer than a file system allows) and unique within the run,
// case-insensitively. The same inputs always get the same names.
import { createHash } from 'node:crypto';
import path from 'node:path';

/** File names allow 255 bytes; keep room for a suffix, ".json" and the like. */
const MAX_BYTES = 150;
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function safeName(file: string): string {
  let name = path
    .basename(file.replace(/\\/g, '/'))
    .normalize('NFC')
    .replace(/\.pdf$/i, '');
  name = name
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_DEVICES.test(name)) name = `_${name}`;
  name = truncateBytes(name, MAX_BYTES);
  return name.length > 0 ? name : 'document';
}

/** The longest prefix of `s` of at most `max` UTF-8 bytes that does not split a character. */
export function truncateBytes(s: string, max: number): string {
  if (Buffer.byteLength(s) <= max) return s;
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out.replace(/[\s.]+$/, '');
}

/** One name per file, in the same order. Names that clash take a short hash of the input's full path. */
export function uniqueNames(files: string[]): string[] {
  const base = files.map(safeName);
  const count = new Map<string, number>();
  for (const b of base) count.set(b.toLowerCase(), (count.get(b.toLowerCase()) ?? 0) + 1);
  const used = new Set<string>();
  return base.map((b, i) => {
    let name = (count.get(b.toLowerCase()) ?? 0) > 1 ? `${b}-${shortHash(path.resolve(files[i]!))}` : b;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${b}-${shortHash(path.resolve(files[i]!))}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 8);
}
