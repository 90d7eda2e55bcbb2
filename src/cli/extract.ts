// `jixiao extract FILE... [-o DIR] [--pretty]`: one JSON to stdout for one
// file, or one <name>.json per input into DIR. A bad file gets a one-line
// error naming it and its reason; the other files still run.
import type { Command } from 'commander';
import { mkdir } from 'node:fs/promises';
import { createOcrPool, extractFile, type OcrEngine, type OcrMode, type Report } from '../api/index.ts';
import path from 'node:path';
import { reportJson, writeDocument } from '../writers/index.ts';
import { uniqueNames } from '../writers/names.ts';
import { addJobsOption, addReadOptions, addTimingsOption, reportFailure, type ReadFlags } from './shared.ts';

interface ExtractFlags extends ReadFlags {
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
  addTimingsOption(cmd);
  addReadOptions(cmd).action(async (files: string[], flags: ExtractFlags) => {
    process.exitCode = await runExtract(files, flags);
  });
}

export async function runExtract(files: string[], flags: ExtractFlags): Promise<number> {
  if (!flags.output && files.length > 1) {
    process.stderr.write('jixiao extract: several files need -o DIR (one JSON per input)\n');
    return 2;
  }
  const names = uniqueNames(files);
  const outDir = flags.output ? path.resolve(flags.output) : null;
  if (outDir) await mkdir(outDir, { recursive: true });
  // One OCR pool for all the files; its workers start only if a page needs OCR.
  const pool = createOcrPool({ workers: flags.jobs, engine: flags.ocrEngine as OcrEngine });
  const json = reportJson({ pretty: flags.pretty });
  let status = 0;
  try {
    for (const [i, file] of files.entries()) {
      try {
        const report = await extractFile(file, { ocr: flags.ocr as OcrMode, ocrDpi: flags.ocrDpi, pool, timings: flags.timings });
        if (outDir) {
          const target = await writeDocument(json, outDir, names[i]!, report);
          process.stderr.write(`jixiao: ${file} → ${path.relative(process.cwd(), target)} (${summary(report)})\n`);
        } else process.stdout.write(json.render(report));
      } catch (err) {
        reportFailure(file, err, flags.debug);
        status = 2;
      }
    }
  } finally {
    await pool.close();
  }
  return status;
}

function summary(r: Report): string {
  const ocr = r.pages.filter((p) => p.method === 'ocr').length;
  return `${r.pages.length} pages${ocr ? `, ${ocr} by OCR` : ''}, ${r.sections.length} sections, ${r.facts.length} facts, ${r.tables.length} tables, ${r.findings.length} findings`;
}
