// `jixiao batch INPUT... --out DIR`: many reports in one run, in parallel,
// resumable; every input ends with a line in DIR/manifest.jsonl.
// Exit status: 0 all ok, 1 some failed, 2 usage or set-up error, 3 stopped by the
// machine (disk full, quota, read-only, out of file descriptors: run it again once
// that is fixed), 130 interrupted.
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import os from 'node:os';
import type { OcrEngine, OcrMode, runBatch } from '../api/index.ts';
import { BatchEnvironmentError, BatchSetupError } from '../batch/errors.ts';
import { addLimitOptions, addReadOptions, addTimingsOption, type ReadFlags } from './shared.ts';
import { correctionLines } from './corrections.ts';
import { rawBytesOf } from './raw-args.ts';
import { count, jobs } from './values.ts';

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
  queue?: string;
  name: string;
  inline?: boolean;
  attempts: number;
  pageImages?: boolean;
  findingPageImages?: boolean;
}

export function registerBatch(program: Command): void {
  const cmd = program
    .command('batch')
    .description(
      'read many report PDFs (files, folders, globs) into DIR: docs/*.json, manifest.jsonl and CSV tables; resumable',
    )
    .argument('<inputs...>', 'PDF files, folders (searched recursively for *.pdf) or glob patterns')
    .requiredOption('--out <dir>', 'output folder')
    .addOption(
      new Option('--jobs <n>', 'documents read at once')
        .default(os.availableParallelism(), 'the number of cores')
        .argParser(jobs),
    )
    .option('--force', 'redo every document, ignoring what earlier runs in DIR finished')
    .option('--retry-failed', 'redo documents that failed in an earlier run')
    .option('--quiet', 'no progress output')
    .option(
      '--page-images',
      'also draw every page into DIR/pages/ while its document is open, so that `jixiao report DIR` need not draw them',
    )
    .option(
      '--finding-page-images',
      'as --page-images, but only the pages a first `jixiao report DIR` draws: those of the findings and of the facts they name',
    )
    .addOption(
      new Option('--progress <style>', 'progress output (default: bar on a terminal, lines otherwise)').choices([
        'bar',
        'lines',
      ]),
    )
    .option(
      '--queue <url>',
      'enqueue the documents on this Redis (redis://HOST:PORT/DB) for `jixiao worker` processes to read',
    )
    .option('--name <name>', 'with --queue: the queue name', 'jixiao')
    .option(
      '--inline',
      'with --queue: send each file (up to 16 MB) in its job, so workers need not see the input folders',
    )
    .addOption(
      new Option('--attempts <n>', 'with --queue: tries before a document that kills its worker ends failed')
        .default(3)
        .argParser(count('--attempts')),
    );
  addLimitOptions(cmd);
  addTimingsOption(cmd);
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
    const options: Parameters<typeof runBatch>[1] = {
      out: flags.out,
      jobs: flags.jobs,
      timeoutSeconds: flags.timeout,
      maxMemoryMb: flags.maxMemory,
      maxPages: flags.maxPages,
      force: flags.force,
      retryFailed: flags.retryFailed,
      ocr: flags.ocr as OcrMode,
      ocrDpi: flags.ocrDpi,
      ocrEngine: flags.ocrEngine as OcrEngine,
      timings: flags.timings,
      pageImages: flags.pageImages ? true : flags.findingPageImages ? 'findings' : false,
      progress: flags.quiet ? 'none' : (flags.progress ?? (process.stderr.isTTY ? 'bar' : 'lines')),
      signal: controller.signal,
    };
    // A name not in UTF-8 is passed on as its own bytes (src/cli/raw-args.ts): found and read like any other.
    const given = inputs.map((a) => (existsSync(a) ? a : (rawBytesOf(a) ?? a)));
    // Loaded here, not with the command line: the batch's own process reads no PDF (its workers do).
    const result = flags.queue
      ? await queueBatch(given, options, flags)
      : await (await import('../api/batch.ts')).runBatch(given, options);
    if (result.interrupted) {
      process.stderr.write(
        `jixiao batch: interrupted; run the same command again to go on (${result.out}/manifest.jsonl keeps what is done${flags.queue ? '; the queue keeps the rest and its workers go on' : ''})\n`,
      );
    } else if (!flags.quiet) {
      process.stderr.write(
        `jixiao batch: ${result.total} documents: ${result.ok} ok, ${result.failed} failed, ${result.skipped} skipped` +
          `${result.reused > 0 ? ` (${result.reused} done by an earlier run)` : ''}, ${result.pages} pages read in ${result.seconds.toFixed(1)} s → ${result.out}\n`,
      );
    }
    // Corrections that no longer find their fact or finding are said even with --quiet: a reviewer's word is not dropped silently.
    if (result.corrections) process.stderr.write(correctionLines('jixiao batch', result.corrections, flags.quiet));
    return result.interrupted ? 130 : result.failed > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof BatchEnvironmentError) {
      // One line: what, where, how much is free; what is recorded stands, the rest is read by the next run.
      process.stderr.write(
        `jixiao batch: stopped: ${err.message}; documents done so far are kept in ${flags.out}/manifest.jsonl — fix that and run the same command again to read the rest\n`,
      );
      return 3;
    }
    if (err instanceof BatchSetupError) {
      process.stderr.write(`jixiao batch: ${err.message.split('\n').join('\njixiao batch: ')}\n`);
      return 2;
    }
    process.stderr.write(
      `jixiao batch: ${err instanceof Error ? (flags.debug ? err.stack : err.message) : String(err)}\n`,
    );
    return 2;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** `--queue`: the same batch, its documents read by `jixiao worker` processes. BullMQ is loaded only here: the local batch needs no Redis. */
async function queueBatch(inputs: (string | Buffer)[], options: Parameters<typeof runBatch>[1], flags: BatchFlags) {
  const { runQueueBatch } = await import('../queue/coordinator.ts');
  const r = await runQueueBatch({
    ...options,
    inputs,
    queue: flags.queue!,
    name: flags.name,
    inline: flags.inline,
    attempts: flags.attempts,
  });
  return { ...r, interrupted: r.exitCode === 130 };
}
