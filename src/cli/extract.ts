// `jixiao extract FILE... [-o DIR] [--pretty]`: one JSON to stdout for one
// file, or one <name>.json per input into DIR. A bad file gets a one-line
// error naming it and its reason; the other files still run.
import type { Command } from 'commander';
import type { Report } from '../api/index.ts';
import path from 'node:path';
import { inside, syncDir, writeAtomic } from '../util/files.ts';
import { DOCUMENT_WRITERS, REPORT_JSON, reportJson, writeOtherFormats } from '../writers/index.ts';
import { uniqueNames } from '../writers/names.ts';
import { showPath } from '../writers/safe-text.ts';
import { makeOutputFolder } from '../batch/errors.ts';
import type { Correction } from '../schema/corrections.ts';
import { messageOf } from '../util/errors.ts';
import { addCorrectionsOption, loadCorrections, unmatchedLines, type CorrectionsFlags } from './corrections.ts';
import { IsolatedReader } from './isolated.ts';
import {
  addJobsOption,
  addLimitOptions,
  addReadOptions,
  addTimingsOption,
  failureLine,
  limitsOf,
  ocrWorkersOf,
  readSettingsOf,
  stoppedByMachine,
  type LimitFlags,
  type ReadFlags,
} from './shared.ts';

interface ExtractFlags extends ReadFlags, LimitFlags, CorrectionsFlags {
  output?: string;
  pretty?: boolean;
}

export function registerExtract(program: Command): void {
  const cmd = program
    .command('extract')
    .description('read report PDFs into the JSON of the output contract')
    .argument('<files...>', 'PDF files')
    .option('-o, --output <dir>', 'write one <name>.json per input into this folder instead of stdout')
    .option('--pretty', 'indent the JSON');
  addJobsOption(cmd);
  addLimitOptions(cmd);
  addTimingsOption(cmd);
  addCorrectionsOption(cmd);
  addReadOptions(cmd).action(async (files: string[], flags: ExtractFlags) => {
    process.exitCode = await runExtract(files, flags);
  });
}

export async function runExtract(files: string[], flags: ExtractFlags): Promise<number> {
  if (!flags.output && files.length > 1) {
    process.stderr.write('jixiao extract: several files need -o DIR (one JSON per input)\n');
    return 2;
  }
  const corrections = await loadCorrections('jixiao extract', flags);
  const names = uniqueNames(files);
  const outDir = flags.output ? path.resolve(flags.output) : null;
  const kept = 'fix that and run the same command again (the reports written so far are kept)';
  try {
    if (outDir) await makeOutputFolder(outDir);
  } catch (err) {
    if (await stoppedByMachine('extract', err, outDir!, kept)) return 3;
    process.stderr.write(`jixiao extract: output folder ${showPath(outDir!)}: ${messageOf(err)}\n`);
    return 2;
  }
  // One document worker for all the files, under the batch's limits; its OCR workers start only if a page needs OCR.
  const reader = new IsolatedReader(limitsOf(flags), ocrWorkersOf(flags));
  try {
    const status = await extractEach(files, names, outDir, reader, flags, corrections);
    if (outDir) await syncDir(outDir);
    return status;
  } catch (err) {
    if (await stoppedByMachine('extract', err, outDir ?? process.cwd(), kept)) return 3;
    throw err;
  } finally {
    await reader.close();
  }
}

/** Each file read and written (or printed); a bad file is one line and status 2, the machine's failure stops all. */
async function extractEach(
  files: string[],
  names: string[],
  outDir: string | null,
  reader: IsolatedReader,
  flags: ExtractFlags,
  corrections: Correction[],
): Promise<number> {
  const settings = readSettingsOf(flags);
  let status = 0;
  for (const [i, file] of files.entries()) {
    const target = outDir ? inside(outDir, DOCUMENT_WRITERS[0].documentPath(names[i]!)) : undefined;
    const read = await reader.read(file, settings, target);
    if (!read.ok && read.code === 'environment' && read.errno)
      throw Object.assign(new Error(read.reason), { code: read.errno, path: read.path ?? target });
    if (!read.ok) {
      failureLine(file, read.reason, flags.debug ? read.stack : undefined);
      status = 2;
      continue;
    }
    const report = await emit(file, read.json, target, flags, corrections);
    if (outDir && report) await writeOtherFormats(outDir, names[i]!, () => report);
  }
  return status;
}

/**
 * One report written (or printed): as the worker wrote it, or again with --pretty or the reviewer's corrections.
 * The report written to `target`, for the document's other formats; null when printed.
 */
async function emit(
  file: string,
  read: string,
  target: string | undefined,
  flags: ExtractFlags,
  corrections: Correction[],
): Promise<Report | null> {
  // The worker writes the one-line JSON; --pretty renders it again through the JSON writer.
  const pretty = reportJson({ pretty: true });
  // The reviewer's corrections applied to the fresh read: the JSON rewritten with them.
  const corrected =
    corrections.length > 0
      ? (await import('../corrections/apply.ts')).applyCorrections(JSON.parse(read) as Report, corrections)
      : null;
  if (corrected) process.stderr.write(unmatchedLines('jixiao extract', file, corrected));
  const json = corrected ? (flags.pretty ? pretty : REPORT_JSON).render(corrected) : null;
  if (target) {
    const report = corrected ?? (JSON.parse(read) as Report);
    if (json) await writeAtomic(target, json);
    else if (flags.pretty) await writeAtomic(target, pretty.render(report));
    process.stderr.write(
      `jixiao: ${showPath(file)} → ${showPath(path.relative(process.cwd(), target))} (${summary(report)})\n`,
    );
    return report;
  }
  process.stdout.write(json ?? (flags.pretty ? pretty.render(JSON.parse(read) as Report) : read));
  return null;
}

function summary(r: Report): string {
  const ocr = r.pages.filter((p) => p.method === 'ocr').length;
  return `${r.pages.length} pages${ocr ? `, ${ocr} by OCR` : ''}, ${r.sections.length} sections, ${r.facts.length} facts, ${r.tables.length} tables, ${r.findings.length} findings`;
}
