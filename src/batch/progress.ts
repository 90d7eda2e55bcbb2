// Progress of a batch on stderr: a live bar on a terminal, a plain line every
// few seconds otherwise (logs, CI), nothing with --quiet.
import { createRequire } from 'node:module';
import type { SingleBar } from 'cli-progress';

export type ProgressMode = 'bar' | 'lines' | 'none';

export interface ProgressState {
  total: number;
  /** finished before this run (resumed) */
  reused: number;
  done: number;
  failed: number;
  pages: number;
}

export class Progress {
  private readonly mode: ProgressMode;
  private readonly stream: NodeJS.WriteStream;
  private readonly started = performance.now();
  private readonly state: ProgressState;
  private bar: SingleBar | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    mode: ProgressMode,
    state: ProgressState,
    intervalMs = 10_000,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.mode = mode;
    this.state = state;
    this.stream = stream;
    if (mode === 'bar') {
      // Loaded only for a bar (a terminal): a batch in a log, a script or a scheduler never draws one.
      const { SingleBar: Bar } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
      this.bar = new Bar({
        stream,
        format: 'jixiao batch {bar} {value}/{total} docs | {pps} pages/s | {failed} failed | ETA {left}',
        hideCursor: true,
        fps: 5,
        clearOnComplete: false,
      });
      this.bar.start(state.total, state.done, this.payload());
    } else if (mode === 'lines') {
      this.timer = setInterval(() => this.line(), intervalMs);
      this.timer.unref();
    }
  }

  update(): void {
    this.bar?.update(this.state.done, this.payload());
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.bar) {
      this.bar.update(this.state.done, this.payload());
      this.bar.stop();
    }
  }

  /** A line for logs: done/total, failures, speed and time left. */
  line(): void {
    const p = this.payload();
    this.stream.write(
      `jixiao batch: ${this.state.done}/${this.state.total} documents, ${p.failed} failed, ${p.pps} pages/s, ETA ${p.left}\n`,
    );
  }

  private payload() {
    const seconds = (performance.now() - this.started) / 1000;
    const ran = this.state.done - this.state.reused;
    const left = this.state.total - this.state.done;
    const eta = ran > 0 ? (seconds / ran) * left : NaN;
    return {
      pps: seconds > 0 ? (this.state.pages / seconds).toFixed(1) : '0.0',
      failed: this.state.failed,
      left: left === 0 ? '0s' : Number.isFinite(eta) ? formatDuration(eta) : '…',
    };
  }
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
