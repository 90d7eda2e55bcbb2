// The corrections step of a batch: DIR/corrections.jsonl (written by `jixiao
// review`, or by hand) applied to every document of the run before the
// tables are built. A document's JSON is rewritten only when what the
// corrections make of it changed; the PDF is not read again — corrections are
// applied to the report as read, which the JSON keeps (review.asRead).
import { readFile, stat } from 'node:fs/promises';
import type { Correction } from '../schema/corrections.ts';
import type { Report, Unmatched } from '../schema/report.ts';
import { CORRECTIONS_FILE, readCorrections } from '../writers/corrections-file.ts';
import { inside, writeAtomic } from '../util/files.ts';
import { DOCUMENT_WRITERS, writeOtherFormats } from '../writers/index.ts';
import type { ManifestRecord } from '../writers/manifest.ts';

export interface CorrectionsDone {
  /** correction lines in the file */
  lines: number;
  /** documents whose JSON now differs from what it was (corrections new, or gone) */
  rewritten: number;
  /** corrections that found their fact or finding, over all documents */
  applied: number;
  /** those that did not, each with its document's JSON and why */
  unmatched: (Unmatched & { doc: string })[];
  /** lines that are not corrections (FILE:LINE: why) */
  problems: string[];
}

/**
 * Applies the folder's corrections.jsonl to the documents of `records` that read ok; null when the folder has
 * no such file (its documents are then not read: an emptied file, not a removed one, takes corrections back).
 * A rewritten document's other formats are rendered again too: `names` gives each `doc` its document's name.
 */
export async function honourCorrections(
  root: string,
  records: readonly ManifestRecord[],
  names: ReadonlyMap<string, string>,
): Promise<CorrectionsDone | null> {
  const file = inside(root, CORRECTIONS_FILE);
  if (!(await stat(file).catch(() => null))) return null;
  // Loaded only for a folder that has corrections: applying them runs the checks again, which a plain batch's own process never needs.
  const { applyCorrections } = await import('../corrections/apply.ts');
  const { lines, problems } = await readCorrections(file);
  const done: CorrectionsDone = { lines: lines.length, rewritten: 0, applied: 0, unmatched: [], problems };
  const bySha = new Map<string, Correction[]>();
  for (const { correction } of lines)
    bySha.set(correction.document, [...(bySha.get(correction.document) ?? []), correction]);
  const seen = new Set<string>();
  for (const r of records) {
    if (r.status !== 'ok' || !r.doc || seen.has(r.doc)) continue;
    seen.add(r.doc);
    const file = inside(root, r.doc);
    const text = await readFile(file, 'utf8');
    const mine = r.sha256 ? bySha.get(r.sha256) : undefined;
    // A document with no corrections is read only if an earlier run applied some (they may have been removed since).
    if (!mine && !text.includes('"asRead"')) continue;
    const report = applyCorrections(JSON.parse(text) as Report, mine ?? []);
    const json = DOCUMENT_WRITERS[0].render(report);
    if (json !== text) {
      await writeAtomic(file, json);
      const name = names.get(r.doc);
      if (name) await writeOtherFormats(inside(root, 'docs'), name, () => report);
      done.rewritten++;
    }
    done.applied += report.review?.applied ?? 0;
    for (const u of report.review?.unmatched ?? []) done.unmatched.push({ ...u, doc: r.doc });
  }
  return done;
}
