// `jixiao worker --queue redis://HOST:PORT/DB [--name NAME] [--jobs N]`: takes
// the documents of `jixiao batch --queue` batches and reads them, until stopped.
// SIGTERM or Ctrl-C: no new jobs, running ones finish (a second signal, or the
// grace time, releases them to other workers). Exit status: 0 stopped, 2 set-up error.
import { Option, type Command } from 'commander';
import os from 'node:os';
import { jobs, wholeSeconds } from './values.ts';

interface WorkerFlags {
  queue: string;
  name?: string;
  jobs: number;
  stallTimeout: number;
  grace: number;
  verbose?: boolean;
  debug?: boolean;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'read the documents of `jixiao batch --queue` batches from a Redis queue, on any machine, until stopped',
    )
    .requiredOption('--queue <url>', 'Redis URL: redis://[:PASSWORD@]HOST:PORT/DB')
    .option('--name <name>', 'queue name, as given to jixiao batch', 'jixiao')
    .addOption(
      new Option('--jobs <n>', 'documents read at once')
        .default(os.availableParallelism(), 'the number of cores')
        .argParser(jobs),
    )
    .addOption(
      new Option('--stall-timeout <seconds>', 'a worker silent this long loses its job to another')
        .default(30)
        .argParser(wholeSeconds('--stall-timeout')),
    )
    .addOption(
      new Option('--grace <seconds>', 'after SIGTERM, how long running documents may finish before they are released')
        .default(60)
        .argParser(wholeSeconds('--grace')),
    )
    .option('--verbose', 'one line per document')
    .option('--debug', 'print stack traces')
    .action(async (flags: WorkerFlags) => {
      process.exitCode = await runWorkerCommand(flags);
    });
}

async function runWorkerCommand(flags: WorkerFlags): Promise<number> {
  const stop = new AbortController();
  const release = new AbortController();
  const onSignal = () => (stop.signal.aborted ? release.abort() : stop.abort());
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    // BullMQ is loaded only by the commands that use it.
    const { runWorker } = await import('../queue/worker.ts');
    const s = await runWorker({
      url: flags.queue,
      name: flags.name,
      jobs: flags.jobs,
      stallSeconds: flags.stallTimeout,
      graceSeconds: flags.grace,
      verbose: flags.verbose,
      signal: stop.signal,
      releaseSignal: release.signal,
    });
    process.stderr.write(
      `jixiao worker ${s.name}: stopped: ${s.done} ok, ${s.failed} failed, ${s.pages} pages${s.released > 0 ? `, ${s.released} released to other workers` : ''}\n`,
    );
    return 0;
  } catch (err) {
    const message =
      err instanceof Error ? (flags.debug && err.name !== 'QueueSetupError' ? err.stack : err.message) : String(err);
    process.stderr.write(`jixiao worker: ${message}\n`);
    return 2;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
