// `jixiao check FILE...`: extraction and checks, findings printed for people
// grouped by file with pages; --json for the contract's JSON (one report per
// line); --fail-on sets the exit status for scripts that gate submissions.
import { Option, type Command } from 'commander';
import type { Finding, Report, Severity } from '../api/index.ts';
import { summaryLine } from '../review/summary.ts';
import { showPath, showText } from '../writers/safe-text.ts';
import { REPORT_JSON } from '../writers/index.ts';
import { addCorrectionsOption, loadCorrections, unmatchedLines, type CorrectionsFlags } from './corrections.ts';
import { IsolatedReader } from './isolated.ts';
import {
  addJobsOption,
  addLimitOptions,
  addReadOptions,
  addTimingsOption,
  failureLine,
  limitsOf,
  ocrWorkersOf,
  readSettingsOf,
  type LimitFlags,
  type ReadFlags,
} from './shared.ts';

interface CheckFlags extends ReadFlags, LimitFlags, CorrectionsFlags {
  json?: boolean;
  failOn: 'error' | 'warning' | 'never';
}

const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function registerCheck(program: Command): void {
  const cmd = program
    .command('check')
    .description('find what reports contradict in themselves (for auditors)')
    .argument('<files...>', 'PDF files')
    .option('--json', 'print the JSON report of each file, one per line')
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding at or above this severity exists')
        .choices(['error', 'warning', 'never'])
        .default('error'),
    );
  addJobsOption(cmd);
  addLimitOptions(cmd);
  addTimingsOption(cmd);
  addCorrectionsOption(cmd);
  addReadOptions(cmd).action(async (files: string[], flags: CheckFlags) => {
    process.exitCode = await runCheck(files, flags);
  });
}

export async function runCheck(files: string[], flags: CheckFlags): Promise<number> {
  let worst = 0;
  let badInput = false;
  // Each file read in a document worker under the batch's limits (src/cli/isolated.ts).
  const reader = new IsolatedReader(limitsOf(flags), ocrWorkersOf(flags));
  const settings = readSettingsOf(flags);
  const corrections = await loadCorrections('jixiao check', flags);
  // The commands' modules are loaded by the command that runs (`jixiao batch` needs none of these).
  const { applyCorrections, openFindings } = await import('../corrections/apply.ts');
  try {
    for (const file of files) {
      const read = await reader.read(file, settings);
      if (!read.ok) {
        failureLine(file, read.reason, flags.debug ? read.stack : undefined);
        badInput = true;
        continue;
      }
      const report = applyCorrections(JSON.parse(read.json) as Report, corrections);
      process.stderr.write(unmatchedLines('jixiao check', file, report));
      // A finding the reviewer dismissed is not printed and does not fail the check; how many there were is said.
      const open = openFindings(report);
      const dismissed = report.findings.length - open.length;
      const json = report.review ? REPORT_JSON.render(report) : read.json;
      process.stdout.write(flags.json ? json : forPeople(file, open, summaryLine(report), dismissed));
      for (const f of open) worst = Math.max(worst, RANK[f.severity]);
    }
  } finally {
    await reader.close();
  }
  if (badInput) return 2;
  if (flags.failOn !== 'never' && worst >= RANK[flags.failOn]) return 1;
  return 0;
}

/** `summary`: the document's one line (as the review site shows it under its title). */
export function forPeople(file: string, findings: Finding[], summary?: string, dismissed = 0): string {
  const counts = (['error', 'warning', 'info'] as const)
    .map((s) => `${LABEL[s]} ${findings.filter((f) => f.severity === s).length}`)
    .join('，');
  // Messages quote the PDF's text: shown with its control characters escaped, one line each.
  const left = dismissed > 0 ? `（另有 ${dismissed} 条已被审阅者驳回，未列出）` : '';
  const lines = [`${showPath(file)}：${findings.length === 0 ? '未发现问题' : counts}${left}`];
  if (summary) lines.push(`  ${showText(summary)}`);
  for (const f of findings)
    lines.push(
      `  [${LABEL[f.severity]}] 第${f.page ?? '?'}页  ${showText(f.message)}  (${showText(f.rule)})${f.review ? `  [审阅者已确认${f.review.note ? `：${showText(f.review.note)}` : ''}]` : ''}`,
    );
  return lines.join('\n') + '\n\n';
}
