// `jixiao report INPUT... --out DIR`: a static review site (DIR/index.html,
// opens from disk) showing every fact and finding on its page. INPUT is PDFs
// (read as `check` reads them) or folders written by `jixiao batch`.
// Exit status: 0 every input read, 2 a bad input (the site is still written) or a usage/set-up error,
// 3 stopped by the machine (a full disk, a read-only or denied output folder).
import { Option, type Command } from 'commander';
import path from 'node:path';
import type { OcrMode } from '../pipeline/read-pages.ts';
import { asEnvironmentError } from '../batch/errors.ts';
import type { Report } from '../schema/report.ts';
import { DEFAULT_DPI } from '../writers/page-images.ts';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { addCorrectionsOption, loadCorrections, type CorrectionsFlags } from './corrections.ts';
import { IsolatedReader } from './isolated.ts';
import { rawBytesOf } from './raw-args.ts';
import {
  addJobsOption,
  addLimitOptions,
  addReadOptions,
  limitsOf,
  readSettingsOf,
  type LimitFlags,
  type ReadFlags,
} from './shared.ts';
import { count } from './values.ts';

interface ReportFlags extends ReadFlags, LimitFlags, CorrectionsFlags {
  out: string;
  dpi: number;
  allPages?: boolean;
  quiet?: boolean;
}

export function registerReport(program: Command): void {
  const cmd = program
    .command('report')
    .description('write a static HTML review site: every fact and finding drawn on its PDF page (open DIR/index.html)')
    .argument('<inputs...>', 'PDF files, folders or globs, or folders written by `jixiao batch`')
    .requiredOption('--out <dir>', 'output folder')
    .addOption(new Option('--dpi <n>', 'resolution of the page images').default(DEFAULT_DPI).argParser(count('--dpi')))
    .option(
      '--all-pages',
      'draw every page now (default: only the pages holding a finding; `jixiao review` draws the others when opened)',
    )
    .option('--quiet', 'no summary line at the end');
  addJobsOption(cmd);
  addLimitOptions(cmd);
  addCorrectionsOption(cmd);
  addReadOptions(cmd).action(async (inputs: string[], flags: ReportFlags) => {
    process.exitCode = await runReport(inputs, flags);
  });
}

/** The pages left undrawn, and how to see them. */
function undrawnNote(undrawn: number): string {
  return undrawn > 0
    ? `; ${undrawn} pages without a finding not drawn (jixiao review draws them when opened, --all-pages draws them now)`
    : '';
}

export async function runReport(inputs: string[], flags: ReportFlags): Promise<number> {
  // PDF inputs read as `check` reads them: each in a document worker under the batch's limits, its pages drawn there.
  const size = Math.max(1, flags.jobs ?? os.availableParallelism());
  const reader = new IsolatedReader(limitsOf(flags), Math.max(1, Math.floor(os.availableParallelism() / size)), size);
  const settings = readSettingsOf(flags);
  try {
    const corrections = await loadCorrections('jixiao report', flags);
    // The site's modules are loaded by the command that builds one, not by every command.
    const { buildSite } = await import('../review/site.ts');
    const result = await buildSite({
      corrections,
      readPdf: async (file, draw, raw) => {
        const read = await reader.read(file, settings, undefined, draw, raw);
        // Drawing its pages into the site failed for want of space (…): the machine's, the site stops.
        if (!read.ok && read.code === 'environment' && read.errno)
          throw await asEnvironmentError({ code: read.errno }, read.path ?? draw.dir);
        if (!read.ok) throw new Error(read.reason);
        return { report: JSON.parse(read.json) as Report, drewPages: read.drewPages };
      },
      // A name not in UTF-8 is passed on as its own bytes (src/cli/raw-args.ts): found and read like any other.
      inputs: inputs.map((a) => (existsSync(a) ? a : (rawBytesOf(a) ?? a))),
      out: flags.out,
      dpi: flags.dpi,
      allPages: !!flags.allPages,
      limits: limitsOf(flags),
      jobs: flags.jobs,
      ocr: flags.ocr as OcrMode,
      ocrDpi: flags.ocrDpi,
      onProblem: (input, reason) =>
        process.stderr.write(`jixiao: ${reason.startsWith(input) ? reason : `${input}: ${reason}`}\n`),
    });
    if (!flags.quiet) {
      process.stderr.write(
        `jixiao: ${result.documents} documents (${result.ok} ok, ${result.failed} failed), ${result.pages} page images (${result.drawn} drawn now, the rest kept from an earlier run or copied from the batch)${undrawnNote(result.undrawn)}, ${result.seconds.toFixed(1)} s → ${path.join(result.out, 'index.html')}\n`,
      );
    }
    return result.badInputs > 0 ? 2 : 0;
  } catch (err) {
    const machine = await asEnvironmentError(err, (err as NodeJS.ErrnoException).path ?? flags.out);
    if (machine) {
      process.stderr.write(
        `jixiao report: stopped: ${machine.message} — fix that and run the same command again (pages drawn so far are kept)\n`,
      );
      return 3;
    }
    process.stderr.write(`jixiao: ${err instanceof Error ? err.message : String(err)}\n`);
    if (flags.debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    // a set-up problem (SiteSetupError) or anything unexpected: nothing usable was written
    return 2;
  } finally {
    await reader.close();
  }
}
