// Named stages over one document's state, run in order and each timed. The
// names are what `--timings` reports and what an error says failed; the times
// are measured always (a clock read per stage) and written only when asked,
// so that a report without them stays byte-for-byte the same run after run.
import type { StageTiming } from '../schema/report.ts';
import { InputError, StageError } from './errors.ts';

export type { StageTiming };
export { StageError };

/** One step of the pipeline: reads what earlier stages left in the state and adds its own part. */
export interface Stage<S> {
  /** short, stable, kebab-case: the key of its timing and the word an error names */
  readonly name: string;
  /** does the work; may be async for the stages that wait on pdf.js or OCR */
  run(state: S): void | Promise<void>;
}

/** Milliseconds to a hundredth: finer is noise. */
const roundMs = (ms: number) => Math.round(ms * 100) / 100;

/** Runs synchronous stages in order, appending one timing per stage to `timings`. */
export function runStages<S>(stages: readonly Stage<S>[], state: S, timings: StageTiming[] = []): StageTiming[] {
  for (const stage of stages) {
    const started = performance.now();
    let result: void | Promise<void>;
    try {
      result = stage.run(state);
    } catch (err) {
      throw named(stage.name, err);
    }
    if (result instanceof Promise) throw new StageError(stage.name, new Error('is async: run it with runStagesAsync'));
    timings.push({ stage: stage.name, ms: roundMs(performance.now() - started) });
  }
  return timings;
}

/** The same for stages that may wait (pdf.js, OCR). */
export async function runStagesAsync<S>(
  stages: readonly Stage<S>[],
  state: S,
  timings: StageTiming[] = [],
): Promise<StageTiming[]> {
  for (const stage of stages) {
    const started = performance.now();
    try {
      await stage.run(state);
    } catch (err) {
      throw named(stage.name, err);
    }
    timings.push({ stage: stage.name, ms: roundMs(performance.now() - started) });
  }
  return timings;
}

/** An input's own fault stays an InputError (its reason is what the caller acts on); anything else says where it happened. */
function named(stage: string, err: unknown): unknown {
  if (err instanceof InputError || err instanceof StageError) return err;
  return new StageError(stage, err);
}
