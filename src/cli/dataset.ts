// `jixiao dataset BATCH_DIR... --out FILE.duckdb [--parquet DIR] [--check]`:
// batch folders into one DuckDB database (appended to when it exists; a
// document already present by sha256 is skipped), Parquet files, and the
// checks across reports. Exit status: 0 done, 1 --check found an error, 2 usage
// or set-up error, 3 stopped by the machine (a full disk, a read-only folder).
import type { Command } from 'commander';
import { addCorrectionsOption } from './corrections.ts';

interface DatasetFlags {
  corrections?: string[];
  out: string;
  parquet?: string;
  check?: boolean;
}

export function registerDataset(program: Command): void {
  const cmd = program
    .command('dataset')
    .description(
      'batch folders (of jixiao batch) into one DuckDB database: documents, pages, sections, facts, table_cells, findings, views concept_values and concept_matrix, cross_findings',
    )
    .argument('<batches...>', 'folders written by jixiao batch --out')
    .requiredOption('--out <file>', 'the DuckDB database file (appended to when it exists)')
    .option('--parquet <dir>', 'also write each table as DIR/<table>.parquet (zstd)')
    .option('--check', 'print the checks across reports (cross_findings); exit 1 when one is an error');
  // Each batch folder's own corrections.jsonl is applied as well.
  addCorrectionsOption(cmd).action(async (batches: string[], flags: DatasetFlags) => {
    try {
      // Loaded here, not at start: DuckDB's native library is only for this command.
      const { buildDataset } = await import('../dataset/build.ts');
      const { describeRepairs } = await import('../dataset/repair.ts');
      const r = await buildDataset(batches, {
        out: flags.out,
        parquet: flags.parquet,
        corrections: flags.corrections,
      });
      for (const p of r.correctionProblems) process.stderr.write(`jixiao dataset: ${p} (line ignored)\n`);
      const repaired = describeRepairs(r.repairs);
      if (repaired) process.stderr.write(`${flags.out}: ${repaired}\n`);
      const updated = r.updated > 0 ? `${r.updated} updated (their corrections changed), ` : '';
      process.stderr.write(
        `${flags.out}: ${r.added} documents added, ${updated}${r.replaced > 0 ? `${r.replaced} repaired, ` : ''}${r.skipped} already present, ${r.documents} in all (${r.seconds.toFixed(1)} s)\n`,
      );
      if (flags.check) {
        for (const f of r.crossFindings) process.stdout.write(`[${f.severity}] ${f.rule}: ${f.message}\n`);
        process.stderr.write(`${r.crossFindings.length} findings across reports\n`);
        if (r.crossFindings.some((f) => f.severity === 'error')) process.exitCode = 1;
      }
    } catch (err) {
      const { datasetEnvironmentError } = await import('../dataset/errors.ts');
      const machine = await datasetEnvironmentError(err, flags.out);
      if (machine) {
        // Every document is in whole or not at all: what was added stands, the same command adds the rest.
        process.stderr.write(
          `jixiao dataset: stopped: ${machine.message}; the documents added so far are kept, each whole — fix that and run the same command again to add the rest\n`,
        );
        process.exitCode = 3;
        return;
      }
      process.stderr.write(`jixiao dataset: ${firstLine(err)}\n`);
      process.exitCode = 2;
    }
  });
}

/** DuckDB's messages can run over lines (a hint, a stack of causes): the first says what happened. */
function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}
