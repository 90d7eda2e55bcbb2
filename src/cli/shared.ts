// Options and error reporting shared by the commands that read PDFs.
import { Option, type Command } from 'commander';
import { DEFAULT_ENGINE, OCR_ENGINES } from '../ocr/types.ts';
import { InputError } from '../api/index.ts';

export interface ReadFlags {
  ocr: string;
  ocrDpi: number;
  ocrEngine: string;
  debug?: boolean;
  jobs?: number;
  timings?: boolean;
}

export function addReadOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--ocr <mode>', 'OCR pages without a usable text layer').choices(['auto', 'always', 'never']).default('auto'))
    .addOption(new Option('--ocr-dpi <dpi>', 'resolution pages are rendered at for OCR').default(200).argParser(positiveInt))
    .addOption(new Option('--ocr-engine <engine>', 'OCR engine: PP-OCR through ONNX Runtime, or tesseract.js').choices([...OCR_ENGINES]).default(DEFAULT_ENGINE))
    .option('--debug', 'print stack traces');
}

/** --timings: each stage's time into the report's tool.timings (off by default: reports stay reproducible). */
export function addTimingsOption(cmd: Command): Command {
  return cmd.option('--timings', "write each pipeline stage's time into the report (tool.timings)");
}

/** --jobs for the commands that read files one after another: the OCR workers. */
export function addJobsOption(cmd: Command): Command {
  return cmd.addOption(new Option('--jobs <n>', 'OCR workers (default: the number of cores)').argParser(positiveInt));
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`not a positive integer: ${value}`);
  return n;
}

/** One line naming the file and the reason; the stack only with --debug. */
export function reportFailure(file: string, err: unknown, debug?: boolean): void {
  const message = err instanceof InputError ? err.message : `${file}: ${err instanceof Error ? err.message : String(err)}`;
  process.stderr.write(`jixiao: ${message}\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
}
