// Options and error reporting shared by the commands that read PDFs.
import { Option, type Command } from 'commander';
import os from 'node:os';
import { DEFAULT_ENGINE, OCR_ENGINES, type OcrEngineName } from '../ocr/types.ts';
import type { OcrMode } from '../api/index.ts';
import { InputError } from '../pipeline/errors.ts';
import { asEnvironmentError } from '../batch/errors.ts';
import { showLines, showPath, showText } from '../writers/safe-text.ts';
import { DEFAULT_LIMITS, type Limits, type ReadSettings } from './isolated.ts';
import * as values from './values.ts';

export interface ReadFlags {
  ocr: string;
  ocrDpi: number;
  ocrEngine: string;
  debug?: boolean;
  jobs?: number;
  timings?: boolean;
}

export interface LimitFlags {
  timeout: number;
  maxMemory: number;
  maxPages: number;
}

export function addReadOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--ocr <mode>', 'OCR pages without a usable text layer')
        .choices(['auto', 'always', 'never'])
        .default('auto'),
    )
    .addOption(
      new Option('--ocr-dpi <dpi>', `resolution pages are rendered at for OCR (${values.OCR_DPI_RANGE.join('–')})`)
        .default(200)
        .argParser(values.ocrDpi),
    )
    .addOption(
      new Option('--ocr-engine <engine>', 'OCR engine: PP-OCR through ONNX Runtime, or tesseract.js')
        .choices([...OCR_ENGINES])
        .default(DEFAULT_ENGINE),
    )
    .option('--debug', 'print stack traces');
}

/** --timings: each stage's time into the report's tool.timings (off by default: reports stay reproducible). */
export function addTimingsOption(cmd: Command): Command {
  return cmd.option('--timings', "write each pipeline stage's time into the report (tool.timings)");
}

/** --jobs for the commands that read files one after another: the OCR workers. */
export function addJobsOption(cmd: Command): Command {
  return cmd.addOption(new Option('--jobs <n>', 'OCR workers (default: the number of cores)').argParser(values.jobs));
}

/** The limits every document is read under, in every command (the batch's defaults). */
export function addLimitOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--timeout <seconds>', 'time limit per document')
        .default(DEFAULT_LIMITS.timeoutSeconds)
        .argParser(values.timeoutSeconds),
    )
    .addOption(
      new Option(
        '--max-memory <mb>',
        `memory limit per document (JavaScript heap + buffers), MB; at least ${values.MIN_MEMORY_MB}`,
      )
        .default(DEFAULT_LIMITS.maxMemoryMb)
        .argParser(values.maxMemoryMb),
    )
    .addOption(
      new Option('--max-pages <n>', 'a document declaring more pages fails unread')
        .default(DEFAULT_LIMITS.maxPages)
        .argParser(values.count('--max-pages')),
    );
}

export function limitsOf(flags: LimitFlags): Limits {
  return { timeoutSeconds: flags.timeout, maxMemoryMb: flags.maxMemory, maxPages: flags.maxPages };
}

/** The read flags as a document worker takes them (src/cli/isolated.ts). */
export function readSettingsOf(flags: ReadFlags): ReadSettings {
  return {
    ocr: flags.ocr as OcrMode,
    ocrDpi: flags.ocrDpi,
    ocrEngine: flags.ocrEngine as OcrEngineName,
    timings: flags.timings,
  };
}

/** OCR workers for a command that reads one document at a time: --jobs, or the cores. */
export function ocrWorkersOf(flags: ReadFlags): number {
  return flags.jobs ?? Math.max(1, os.availableParallelism());
}

/** One line naming the file and the reason, both safe to print; the stack only with --debug. */
export function reportFailure(file: string, err: unknown, debug?: boolean): void {
  const reason =
    err instanceof InputError ? err.message.replace(`${file}: `, '') : err instanceof Error ? err.message : String(err);
  failureLine(file, reason, debug && err instanceof Error ? err.stack : undefined);
}

/** `jixiao: FILE: REASON`, both safe to print; then `stack` (with --debug). */
export function failureLine(file: string, reason: string, stack?: string): void {
  process.stderr.write(`jixiao: ${showPath(file)}: ${showText(reason)}\n`);
  if (stack) process.stderr.write(`${showLines(stack)}\n`);
}

/**
 * The machine stopped the command (a full disk, a read-only or denied output folder, no file descriptors): one line
 * saying what and where, and true (exit status 3); false when `err` is not that.
 */
export async function stoppedByMachine(command: string, err: unknown, where: string, kept: string): Promise<boolean> {
  const machine = await asEnvironmentError(err, (err as NodeJS.ErrnoException | null)?.path ?? where);
  if (!machine) return false;
  process.stderr.write(`jixiao ${command}: stopped: ${showText(machine.message)} — ${kept}\n`);
  return true;
}
