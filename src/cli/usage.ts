// How the command line answers a mistake and a request for help: a usage
// error is one line naming the command, what was wrong and where help is;
// each command's --help ends with a few examples people can copy.
import type { Command } from 'commander';

/** `jixiao extract: unknown option '--bogus' (see jixiao extract --help)` — commander's own message, on one line. */
export function usageLine(command: string, message: string): string {
  const what = message
    .replace(/^error:\s*/i, '')
    .replace(/\s*\n+\s*/g, ' ')
    .trim();
  const help = command === 'jixiao' ? 'jixiao --help' : `jixiao ${command} --help`;
  const who = command === 'jixiao' ? 'jixiao' : `jixiao ${command}`;
  return `${who}: ${what} (see ${help})\n`;
}

/** Every command and subcommand under `program` answers a usage error with usageLine, never the whole help. */
export function oneLineUsageErrors(program: Command): void {
  const visit = (cmd: Command, path: string) => {
    cmd.configureOutput({ outputError: (str, write) => write(usageLine(path, str)) });
    for (const sub of cmd.commands) visit(sub, path === 'jixiao' ? sub.name() : `${path} ${sub.name()}`);
  };
  visit(program, 'jixiao');
}

/** Appends "Examples:" to a command's --help: each example a command line and what it does. */
export function addExamples(cmd: Command, examples: readonly [command: string, what: string][]): Command {
  const width = Math.max(...examples.map(([c]) => c.length));
  const lines = examples.map(([c, what]) => `  $ ${c.padEnd(width)}  # ${what}`);
  return cmd.addHelpText('after', `\nExamples:\n${lines.join('\n')}\n`);
}
