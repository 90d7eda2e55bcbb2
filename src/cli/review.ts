// `jixiao review DIR`: the review site of a batch folder on a local server
// (127.0.0.1, a random token in the address it prints) where a reviewer
// confirms or dismisses findings and corrects or adds facts; each decision is
// a line of DIR/corrections.jsonl, honoured by every later batch, report and
// dataset. Runs until Ctrl-C. Exit status: 0 stopped, 2 a usage or set-up error.
import { Option, type Command } from 'commander';
import os from 'node:os';
import { DEFAULT_DPI } from '../writers/page-images.ts';
import { showPath } from '../writers/safe-text.ts';
import { addJobsOption, addLimitOptions, limitsOf, type LimitFlags } from './shared.ts';
import { count, integer } from './values.ts';

interface ReviewFlags extends LimitFlags {
  port: number;
  by?: string;
  dpi: number;
  jobs?: number;
}

export function registerReview(program: Command): void {
  const cmd = program
    .command('review')
    .description(
      'review a batch folder in the browser: confirm or dismiss findings, correct or add facts (into DIR/corrections.jsonl)',
    )
    .argument('<dir>', 'a folder written by jixiao batch')
    .addOption(new Option('--port <n>', 'port on 127.0.0.1').default(0, 'a free one').argParser(port))
    .option('--by <name>', "the reviewer's name written with each decision (default: the user's login name)")
    .addOption(new Option('--dpi <n>', 'resolution of the page images').default(DEFAULT_DPI).argParser(count('--dpi')));
  addJobsOption(cmd);
  addLimitOptions(cmd).action(async (dir: string, flags: ReviewFlags) => {
    process.exitCode = await runReview(dir, flags);
  });
}

function port(v: string): number {
  return integer('--port', v, 0, 65535, 'takes a port, 0–65535 (0: a free one)');
}

export async function runReview(dir: string, flags: ReviewFlags): Promise<number> {
  let server;
  try {
    // The server's modules (hono, the site) are loaded by this command only.
    const { startReview } = await import('../review/server.ts');
    server = await startReview({
      folder: dir,
      port: flags.port,
      by: flags.by ?? os.userInfo().username,
      dpi: flags.dpi,
      jobs: flags.jobs,
      limits: limitsOf(flags),
      onProblem: (input, reason) => process.stderr.write(`jixiao review: ${showPath(input)}: ${reason}\n`),
    });
  } catch (err) {
    process.stderr.write(`jixiao review: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  process.stderr.write(
    `jixiao review: ${server.site.documents} documents; decisions go to ${showPath(server.corrections)}; open this address (only on this machine; Ctrl-C to stop):\n`,
  );
  process.stdout.write(`${server.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}
