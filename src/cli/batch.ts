// `jixiao batch INPUT... --out DIR`: many reports in one run, in parallel,
// resumable; every input ends with a line in DIR/manifest.jsonl.
// Exit status: 0 all ok, 1 some failed, 2 usage or set-up error, 130 interrupted.
import { Option, type Command } from 'commander';
import os from 'node:os';
import { BatchSetupError, runBatch, type OcrMode } from '../api/index.ts';
import { DEFAULTS } from '../batch/run.ts';
import { addReadOptions, positiveInt, type ReadFlags } from './shared.ts';

interface BatchFlags extends ReadFlags {
  out: string;
  jobs: number;
  timeout: number;
  maxMemory: number;
  maxPages: number;
  force?: boolean;
  retryFailed?: boolean;
  quiet?: boolean;
  progress?: 'bar' | 'lines';
}

export function registerBatch(program: Command): void {
  const cmd = program
    .command('batch')
    .description('read many report PDFs (files, folders, globs) into DIR: docs/*.json, manifest.jsonl and CSV tables; resumable')
    .argument('<inputs...>', 'PDF files, folders (searched recursively for *.pdf) or glob patterns')
    .requiredOption('--out <dir>', 'output folder')
    .addOption(new Option('--jobs <n>', 'documents read at once').default(os.availableParallelism(), 'the number of cores').argParser(positiveInt))
    .addOption(new Option('--timeout <seconds>', 'time limit per document').default(DEFAULTS.timeoutSeconds).argParser(positiveNumber))
    .addOption(new Option('--max-memory <mb>', 'memory limit per document (JavaScript heap + buffers), MB').default(DEFAULTS.maxMemoryMb).argParser(positiveInt))
    .addOption(new Option('--max-pages <n>', 'a document declaring more pages fails unread').default(DEFAULTS.maxPages).argParser(positiveInt))
    .option('--force', 'redo every document, ignoring what earlier runs in DIR finished')
    .option('--retry-failed', 'redo documents that failed in an earlier run')
    .option('--quiet', 'no progress output')
    .addOption(new Option('--progress <style>', 'progress output (default: bar on a terminal, lines otherwise)').choices(['bar', 'lines']));
  addReadOptions(cmd).action(async (inputs: string[], flags: BatchFlags) => {
    process.exitCode = await runBatchCommand(inputs, flags);
  });
}

export async function runBatchCommand(inputs: string[], flags: BatchFlags): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const result = await runBatch(inputs, {
      out: flags.out,
      jobs: flags.jobs,
      timeoutSeconds: flags.timeout,
      maxMemoryMb: flags.maxMemory,
      maxPages: flags.maxPages,
      force: flags.force,
      retryFailed: flags.retryFailed,
      ocr: flags.ocr as OcrMode,
      ocrDpi: flags.ocrDpi,
      progress: flags.quiet ? 'none' : (flags.progress ?? (process.stderr.isTTY ? 'bar' : 'lines')),
      signal: controller.signal,
    });
    if (result.interrupted) {
      process.stderr.write(`jixiao batch: interrupted; run the same command again to go on (${result.out}/manifest.jsonl keeps what is done)\n`);
    } else if (!flags.quiet) {
      process.stderr.write(
        `jixiao batch: ${result.total} documents: ${result.ok} ok, ${result.failed} failed, ${result.skipped} skipped` +
          `${result.reused > 0 ? ` (${result.reused} done by an earlier run)` : ''}, ${result.pages} pages read in ${result.seconds.toFixed(1)} s → ${result.out}\n`,
      );
    }
    return result.interrupted ? 130 : result.failed > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof BatchSetupError) {
      process.stderr.write(`jixiao batch: ${err.message.split('\n').join('\njixiao batch: ')}\n`);
      return 2;
    }
    process.stderr.write(`jixiao batch: ${err instanceof Error ? (flags.debug ? err.stack : err.message) : String(err)}\n`);
    return 2;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`not a positive number: ${value}`);
  return n;
}
