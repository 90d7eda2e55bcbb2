// `jixiao check FILE...`: extraction and checks, findings printed for people
// grouped by file with pages; --json for the contract's JSON (one report per
// line); --fail-on sets the exit status for scripts that gate submissions.
import { Option, type Command } from 'commander';
import { createOcrPool, extractFile, type Finding, type OcrEngine, type OcrMode, type Report, type Severity } from '../api/index.ts';
import { summaryLine } from '../review/summary.ts';
import { addJobsOption, addReadOptions, addTimingsOption, reportFailure, type ReadFlags } from './shared.ts';

interface CheckFlags extends ReadFlags {
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
    .addOption(new Option('--fail-on <level>', 'exit 1 when a finding at or above this severity exists').choices(['error', 'warning', 'never']).default('error'));
  addJobsOption(cmd);
  addTimingsOption(cmd);
  addReadOptions(cmd).action(async (files: string[], flags: CheckFlags) => {
    process.exitCode = await runCheck(files, flags);
  });
}

export async function runCheck(files: string[], flags: CheckFlags): Promise<number> {
  let worst = 0;
  let badInput = false;
  const pool = createOcrPool({ workers: flags.jobs, engine: flags.ocrEngine as OcrEngine });
  try {
    for (const file of files) {
      let report: Report;
      try {
        report = await extractFile(file, { ocr: flags.ocr as OcrMode, ocrDpi: flags.ocrDpi, pool, timings: flags.timings });
      } catch (err) {
        reportFailure(file, err, flags.debug);
        badInput = true;
        continue;
      }
      process.stdout.write(flags.json ? JSON.stringify(report) + '\n' : forPeople(file, report.findings, summaryLine(report)));
      for (const f of report.findings) worst = Math.max(worst, RANK[f.severity]);
    }
  } finally {
    await pool.close();
  }
  if (badInput) return 2;
  if (flags.failOn !== 'never' && worst >= RANK[flags.failOn]) return 1;
  return 0;
}

/** `summary`: the document's one line (as the review site shows it under its title). */
export function forPeople(file: string, findings: Finding[], summary?: string): string {
  const counts = (['error', 'warning', 'info'] as const).map((s) => `${LABEL[s]} ${findings.filter((f) => f.severity === s).length}`).join('，');
  const lines = [`${file}：${findings.length === 0 ? '未发现问题' : counts}`];
  if (summary) lines.push(`  ${summary}`);
  for (const f of findings) lines.push(`  [${LABEL[f.severity]}] 第${f.page ?? '?'}页  ${f.message}  (${f.rule})`);
  return lines.join('\n') + '\n\n';
}
