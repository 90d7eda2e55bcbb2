// Inputs that are not PDFs at all but file-system objects named *.pdf: a FIFO,
// a socket, links to devices, a file too large to read (sparse, so it costs no
// disk). Reading any of them naively hangs, never ends or fills memory.
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, symlinkSync } from 'node:fs';
import net from 'node:net';

/** A named pipe with no writer: open(2) without O_NONBLOCK blocks for ever, and so does a read. */
export function makeFifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

/** A listening Unix socket bound at `file`; close the server when done. */
export async function makeSocket(file: string): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(file, resolve));
  return server;
}

/** `file` → /dev/zero: endless zeros (the issue's `ln -s /dev/zero d/z.pdf`). */
export function linkToZero(file: string): void {
  symlinkSync('/dev/zero', file);
}

/** A sparse file of `bytes` (no blocks on disk): larger than any input bound without filling the disk. */
export function sparseFile(file: string, bytes: number): void {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}
