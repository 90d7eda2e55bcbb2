// `jixiao rules [--json]`: the finding rules a report is checked against —
// id, default severity, what it finds in Chinese and in English — in the order
// the engine ranks them where two see the same inconsistency (most specific
// first). Read from the registry (src/checks/index.ts, through the library's RULES).
import type { Command } from 'commander';
import type { RuleInfo } from '../api/index.ts';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the finding rules: id, default severity, what each finds')
    .option('--json', 'one JSON array')
    .action(async (flags: { json?: boolean }) => {
      // The checks are loaded by this command only, not with the command line.
      const { RULES } = await import('../api/check.ts');
      const rules: RuleInfo[] = Object.values(RULES).sort((a, b) => a.precedence - b.precedence);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
        return;
      }
      const width = Math.max(...rules.map((r) => r.id.length));
      for (const r of rules)
        process.stdout.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.descriptionZh} — ${r.description}\n`);
    });
}
