// --corrections FILE on the commands that read or show reports, and the lines
// that say what corrections did: how many applied, and each one that no longer
// finds its fact or finding (never dropped silently).
import type { Command } from 'commander';
import type { CorrectionsDone } from '../batch/corrections.ts';
import type { Correction } from '../schema/corrections.ts';
import type { Report, Unmatched } from '../schema/report.ts';
import { readCorrectionFiles } from '../writers/corrections-file.ts';
import { showPath, showText } from '../writers/safe-text.ts';

export interface CorrectionsFlags {
  corrections?: string[];
}

export function addCorrectionsOption(cmd: Command): Command {
  return cmd.option(
    '--corrections <file>',
    "a reviewer's corrections.jsonl (jixiao review) to apply: dismissed findings, corrected and added facts (repeatable)",
    (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
  );
}

/** The corrections of the files given (none without the option); each line that is not one is said on stderr. */
export async function loadCorrections(command: string, flags: CorrectionsFlags): Promise<Correction[]> {
  if (!flags.corrections?.length) return [];
  const { lines, problems } = await readCorrectionFiles(flags.corrections);
  for (const p of problems) process.stderr.write(`${command}: ${showText(p)} (line ignored)\n`);
  return lines.map((l) => l.correction);
}

/** One line per correction of this report that matched nothing. */
export function unmatchedLines(command: string, file: string, report: Report): string {
  return (report.review?.unmatched ?? []).map((u) => unmatchedLine(command, showPath(file), u)).join('');
}

function unmatchedLine(command: string, where: string, u: Unmatched): string {
  const c = u.correction as Record<string, unknown>;
  const what =
    'finding' in c ? `finding ${String(c.finding)}` : c.fact === null ? 'added fact' : `fact ${String(c.fact)}`;
  return `${command}: ${where}: correction of ${showText(what)} not applied: ${showText(u.reason)}\n`;
}

/** What a batch's corrections step did, for stderr; `quiet` leaves only the corrections that did not apply. */
export function correctionLines(command: string, done: CorrectionsDone, quiet?: boolean): string {
  const out = done.problems.map((p) => `${command}: ${showText(p)} (line ignored)\n`);
  if (!quiet)
    out.push(
      `${command}: corrections.jsonl: ${done.lines} lines, ${done.applied} applied, ${done.unmatched.length} not applied; ${done.rewritten} documents rewritten\n`,
    );
  for (const u of done.unmatched) out.push(unmatchedLine(command, showPath(u.doc), u));
  return out.join('');
}
