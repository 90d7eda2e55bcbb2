// Named stages over one document, run in order and each timed. The names are
// what `--timings` reports and what an error says failed; the times are
// measured always (a clock read per stage) and written only when asked, so
// that a report without them stays byte-for-byte the same run after run.
//
// A stage is a function from what the earlier stages made to its own new part;
// the pipeline's type grows by that part at each stage (`S & Out`), so a stage
// can read only what an earlier stage wrote, and each part is written once.
import type { StageTiming } from '../schema/report.ts';
import { InputError, StageError } from './errors.ts';

export type { StageTiming };
export { StageError };

/**
 * A stage's new part: an object of fields none of the earlier stages wrote (its own fields
 * typed `never` where they would overwrite one), and not a promise (`then`), unless awaited.
 */
export type Fresh<S, Out> = Out & { readonly [K in keyof S]?: never };
type NotPromise = { readonly then?: never };

/** Stages that do not wait: `run` gives the input and every stage's part. */
export interface Pipeline<In, S> {
  /** short, stable, kebab-case names, in order: the keys of the timings and the words errors name */
  readonly names: readonly string[];
  /** runs every stage in order, appending one timing per stage to `timings` */
  run(input: In, timings?: StageTiming[]): S;
  /** a pipeline with one more stage after these */
  then<Out extends object>(name: string, stage: (state: S) => Fresh<S, Out> & NotPromise): Pipeline<In, S & Out>;
}

/** The same for stages that may wait (pdf.js, OCR). */
export interface AsyncPipeline<In, S> {
  readonly names: readonly string[];
  run(input: In, timings?: StageTiming[]): Promise<S>;
  then<Out extends object>(
    name: string,
    stage: (state: S) => Fresh<S, Out> | Promise<Fresh<S, Out>>,
  ): AsyncPipeline<In, S & Out>;
}

/** No stages yet: the input is the state the first stage reads. */
export function pipeline<In extends object>(): Pipeline<In, In> {
  return grow<In, In>([], (input) => input);
}

export function asyncPipeline<In extends object>(): AsyncPipeline<In, In> {
  return growAsync<In, In>([], async (input) => input);
}

function grow<In, S extends object>(names: string[], run: (input: In, timings: StageTiming[]) => S): Pipeline<In, S> {
  return {
    names,
    run: (input, timings = []) => run(input, timings),
    then: <Out extends object>(name: string, stage: (state: S) => Out) =>
      grow<In, S & Out>([...names, name], (input, timings) => {
        const state = run(input, timings);
        const started = performance.now();
        let part: Out;
        try {
          part = stage(state);
        } catch (err) {
          throw named(name, err);
        }
        if (part instanceof Promise) throw new StageError(name, new Error('is async: run it in an asyncPipeline'));
        timings.push({ stage: name, ms: roundMs(performance.now() - started) });
        return { ...state, ...part };
      }),
  };
}

function growAsync<In, S extends object>(
  names: string[],
  run: (input: In, timings: StageTiming[]) => Promise<S>,
): AsyncPipeline<In, S> {
  return {
    names,
    run: (input, timings = []) => run(input, timings),
    then: <Out extends object>(name: string, stage: (state: S) => Out | Promise<Out>) =>
      growAsync<In, S & Out>([...names, name], async (input, timings) => {
        const state = await run(input, timings);
        const started = performance.now();
        let part: Out;
        try {
          part = await stage(state);
        } catch (err) {
          throw named(name, err);
        }
        timings.push({ stage: name, ms: roundMs(performance.now() - started) });
        return { ...state, ...part };
      }),
  };
}

/** Milliseconds to a hundredth: finer is noise. */
const roundMs = (ms: number) => Math.round(ms * 100) / 100;

/** An input's own fault stays an InputError (its reason is what the caller acts on); anything else says where it happened. */
function named(stage: string, err: unknown): unknown {
  if (err instanceof InputError || err instanceof StageError) return err;
  return new StageError(stage, err);
}
