// File names in any byte encoding. Node decodes process.argv as UTF-8: a name
// written in GBK bytes arrives with U+FFFD in place of its bytes, and opening
// that string finds no file. The bytes are still in /proc/self/cmdline (Linux);
// a name that decoded with a replacement character is opened from them.
import { readFileSync } from 'node:fs';

let raw: Map<string, Buffer[]> | null = null;

/**
 * The argument's own bytes when it did not decode as UTF-8 and they can be found; otherwise null. Names that
 * decode alike (报告.pdf and 博规.pdf in GBK are both four replacement characters) are told apart by their order:
 * each call takes the next argument that decodes to `arg`, so call it once per argument, in their order.
 */
export function rawBytesOf(arg: string): Buffer | null {
  if (!arg.includes('\ufffd')) return null;
  raw ??= readRaw();
  const left = raw.get(arg);
  if (!left || left.length === 0) return null;
  return left.length > 1 ? left.shift()! : left[0]!;
}

/**
 * The command-line arguments after the script, as bytes: from JIXIAO_RAW_ARGV
 * (hex of them NUL-separated, set by bin/jixiao.js when it re-runs the CLI
 * with another Node, whose argv would hold the replacement characters
 * already) or from /proc/self/cmdline, matched to process.argv by position.
 */
function readRaw(): Map<string, Buffer[]> {
  const out = new Map<string, Buffer[]>();
  const args = process.argv.slice(2);
  let bytes: Buffer[];
  try {
    const env = process.env.JIXIAO_RAW_ARGV;
    if (env) bytes = split(Buffer.from(env, 'hex'));
    else bytes = split(readFileSync('/proc/self/cmdline')).slice(-args.length);
  } catch {
    return out;
  }
  if (bytes.length !== args.length) return out;
  args.forEach((arg, i) => {
    if (bytes[i]!.toString('utf8') !== arg) return;
    const list = out.get(arg);
    if (list) list.push(bytes[i]!);
    else out.set(arg, [bytes[i]!]);
  });
  return out;
}

function split(buf: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 0) {
      parts.push(buf.subarray(start, i));
      start = i + 1;
    }
  }
  if (start < buf.length) parts.push(buf.subarray(start));
  return parts;
}
