// The batch's output folder: created with its docs/, and refused when a link
// inside it would lead the batch's writes somewhere else.
import { lstat, mkdir, realpath } from 'node:fs/promises';
import { assertRealInside, inside } from '../writers/files.ts';
import { asEnvironmentError, BatchSetupError, makeOutputFolder } from './errors.ts';

/** The files a batch writes at the top of its folder. */
export const TOP_FILES = ['manifest.jsonl', 'facts.csv', 'findings.csv', 'documents.csv', 'facts.jsonl'];

/** Creates the output folder and its docs/, and refuses links that would lead writes elsewhere; the folder's real path. */
export async function prepareOutput(out: string): Promise<string> {
  try {
    await makeOutputFolder(out);
    const root = await realpath(out);
    const docs = inside(root, 'docs');
    await mkdir(docs, { recursive: true });
    await assertRealInside(root, docs);
    for (const name of TOP_FILES) {
      const s = await lstat(inside(root, name)).catch(() => null);
      if (s && !s.isFile()) throw new Error(`${name} in the output folder is not a regular file`);
    }
    return root;
  } catch (err) {
    // A read-only or full file system, a folder not ours to write: the machine's (exit 3), in one line.
    const machine = await asEnvironmentError(err, (err as NodeJS.ErrnoException).path ?? out);
    if (machine) throw machine;
    throw new BatchSetupError(`output folder ${out}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
