// The jixiao command line: subcommands register themselves here.
import { Command } from 'commander';
import { ignoreStrayPdfRejections } from '../pipeline/errors.ts';
import { SCHEMA_VERSION } from '../schema/version.ts';
import { TOOL_VERSION as VERSION } from '../version.ts';
import { registerBatch } from './batch.ts';
import { registerCheck } from './check.ts';
import { registerDataset } from './dataset.ts';
import { registerExtract } from './extract.ts';
import { registerQueue } from './queue.ts';
import { registerWorker } from './worker.ts';
import { registerReport } from './report.ts';
import { registerRules } from './rules.ts';
import { EXAMPLES } from './examples.ts';
import { addExamples, oneLineUsageErrors } from './usage.ts';
import { registerReview } from './review.ts';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

ignoreStrayPdfRejections();

// No byte leaves the machine: ONNX Runtime's telemetry is off in this process and every one it starts
// (src/ocr/ppocr/pool.ts says why; set here too, before any of them exists).
process.env.ORT_DISABLE_TELEMETRY = '1';

const program = new Command('jixiao')
  .description('Chinese performance self-evaluation reports (绩效自评报告) → structured, schema-checked JSON')
  // Both versions: the tool's, and the output contract's it writes (see README, Versions).
  .version(`${VERSION} (output schema ${SCHEMA_VERSION})`)
  .exitOverride((err) => {
    // commander's own exits: help and version are 0, usage errors are 2.
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

registerExtract(program);
registerCheck(program);
registerBatch(program);
registerWorker(program);
registerQueue(program);
registerReport(program);
registerReview(program);
registerDataset(program);
registerRules(program);

// A mistake is one line pointing at --help (not thirty lines of help); --help ends with examples.
oneLineUsageErrors(program);
for (const cmd of program.commands) {
  const examples = EXAMPLES[cmd.name()];
  if (examples) addExamples(cmd, examples);
}

await program.parseAsync(process.argv);
