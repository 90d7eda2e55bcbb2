// `jixiao queue status --queue redis://… [--name NAME] [--json]`: where a
// queue stands. Exit status: 0, 2 for a bad or unreachable URL.
import type { Command } from 'commander';

export function registerQueue(program: Command): void {
  const queue = program.command('queue').description('look at the Redis queue of `jixiao batch --queue`');
  queue
    .command('status')
    .description('jobs waiting, active, done and failed; workers connected and seen; pages per minute')
    .requiredOption('--queue <url>', 'Redis URL: redis://[:PASSWORD@]HOST:PORT/DB')
    .option('--name <name>', 'queue name, as given to jixiao batch', 'jixiao')
    .option('--json', 'one JSON object on stdout')
    .action(async (flags: { queue: string; name: string; json?: boolean }) => {
      try {
        const { formatStatus, queueStatus } = await import('../queue/status.ts');
        const s = await queueStatus({ url: flags.queue, name: flags.name });
        process.stdout.write(flags.json ? JSON.stringify(s) + '\n' : formatStatus(s));
      } catch (err) {
        process.stderr.write(`jixiao queue: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 2;
      }
    });
}
