// `jixiao report INPUT... --out DIR`: a static review site (DIR/index.html,
// opens from disk) showing every fact and finding on its page. INPUT is PDFs
// (read as `check` reads them) or folders written by `jixiao batch`.
// Exit status: 0 every input read, 2 a bad input (the site is still written) or a usage/set-up error.
import { Option, type Command } from 'commander';
import path from 'node:path';
import type { OcrMode } from '../pipeline/read-pages.ts';
import { buildSite } from '../review/site.ts';
import { DEFAULT_DPI } from '../writers/page-images.ts';
import { addJobsOption, addReadOptions, type ReadFlags } from './shared.ts';
import { count } from './values.ts';

interface ReportFlags extends ReadFlags {
  out: string;
  dpi: number;
  quiet?: boolean;
}

export function registerReport(program: Command): void {
  const cmd = program
    .command('report')
    .description('write a static HTML review site: every fact and finding drawn on its PDF page (open DIR/index.html)')
    .argument('<inputs...>', 'PDF files, folders or globs, or folders written by `jixiao batch`')
    .requiredOption('--out <dir>', 'output folder')
    .addOption(new Option('--dpi <n>', 'resolution of the page images').default(DEFAULT_DPI).argParser(count('--dpi')))
    .option('--quiet', 'no summary line at the end');
  addJobsOption(cmd);
  addReadOptions(cmd).action(async (inputs: string[], flags: ReportFlags) => {
    process.exitCode = await runReport(inputs, flags);
  });
}

export async function runReport(inputs: string[], flags: ReportFlags): Promise<number> {
  try {
    const result = await buildSite({
      inputs,
      out: flags.out,
      dpi: flags.dpi,
      jobs: flags.jobs,
      ocr: flags.ocr as OcrMode,
      ocrDpi: flags.ocrDpi,
      onProblem: (input, reason) =>
        process.stderr.write(`jixiao: ${reason.startsWith(input) ? reason : `${input}: ${reason}`}\n`),
    });
    if (!flags.quiet) {
      process.stderr.write(
        `jixiao: ${result.documents} documents (${result.ok} ok, ${result.failed} failed), ${result.pages} page images (${result.drawn} drawn, the rest kept or copied from the batch), ${result.seconds.toFixed(1)} s → ${path.join(result.out, 'index.html')}\n`,
      );
    }
    return result.badInputs > 0 ? 2 : 0;
  } catch (err) {
    process.stderr.write(`jixiao: ${err instanceof Error ? err.message : String(err)}\n`);
    if (flags.debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    // a set-up problem (SiteSetupError) or anything unexpected: nothing usable was written
    return 2;
  }
}
