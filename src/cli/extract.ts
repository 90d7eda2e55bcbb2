// `jixiao extract FILE... [-o DIR] [--pretty]`: one JSON to stdout for one
// file, or one <name>.json per input into DIR. A bad file gets a one-line
// error naming it and its reason; the other files still run.
import type { Command } from 'commander';
import { mkdir } from 'node:fs/promises';
import type { Report } from '../api/index.ts';
import path from 'node:path';
import { inside, syncDir, writeAtomic } from '../writers/files.ts';
import { REPORT_JSON, reportJson } from '../writers/index.ts';
import { uniqueNames } from '../writers/names.ts';
import { showPath } from '../writers/safe-text.ts';
import { applyCorrections } from '../corrections/apply.ts';
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
  if (outDir) await mkdir(outDir, { recursive: true });
  // One document worker for all the files, under the batch's limits; its OCR workers start only if a page needs OCR.
  const reader = new IsolatedReader(limitsOf(flags), ocrWorkersOf(flags));
  const settings = readSettingsOf(flags);
  // The worker writes the one-line JSON; --pretty renders it again through the JSON writer.
  const pretty = reportJson({ pretty: true });
  let status = 0;
  try {
    for (const [i, file] of files.entries()) {
      const target = outDir ? inside(outDir, `${names[i]}.json`) : undefined;
      const read = await reader.read(file, settings, target);
      if (!read.ok) {
        failureLine(file, read.reason, flags.debug ? read.stack : undefined);
        status = 2;
        continue;
      }
      // The reviewer's corrections applied to the fresh read: the JSON rewritten with them.
      const corrected = corrections.length > 0 ? applyCorrections(JSON.parse(read.json) as Report, corrections) : null;
      if (corrected) process.stderr.write(unmatchedLines('jixiao extract', file, corrected));
      const json = corrected ? (flags.pretty ? pretty : REPORT_JSON).render(corrected) : null;
      if (target) {
        const report = corrected ?? (JSON.parse(read.json) as Report);
        if (json) await writeAtomic(target, json);
        else if (flags.pretty) await writeAtomic(target, pretty.render(report));
        process.stderr.write(
          `jixiao: ${showPath(file)} → ${showPath(path.relative(process.cwd(), target))} (${summary(report)})\n`,
        );
      } else process.stdout.write(json ?? (flags.pretty ? pretty.render(JSON.parse(read.json) as Report) : read.json));
    }
  } finally {
    await reader.close();
  }
  if (outDir) await syncDir(outDir);
  return status;
}

function summary(r: Report): string {
  const ocr = r.pages.filter((p) => p.method === 'ocr').length;
  return `${r.pages.length} pages${ocr ? `, ${ocr} by OCR` : ''}, ${r.sections.length} sections, ${r.facts.length} facts, ${r.tables.length} tables, ${r.findings.length} findings`;
}
