// Child processes that do the work that may have to be stopped at any moment.
// A worker thread cannot be: ending one while native code runs in it (ONNX
// Runtime, the canvas, tesseract's WebAssembly) tears its objects down under
// it and aborts the whole process ("terminate called after throwing an
// instance of 'Napi::Error'"). A process is ended with SIGKILL: nothing of it
// runs again, and everything it held — its OCR threads and their memory
// included — is given back at once.
//
// Its stderr is passed on, line by line, until it is being stopped; V8's own
// report of a heap that hit its limit is not shown (the caller says it in one
// line) but remembered. It ignores the terminal's and a scheduler's signals
// (its parent decides when it ends) and kills itself when its parent is gone.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessOptions {
  /** V8's heap limit (old generation), MB */
  heapMb: number;
  /** passed as process.argv[2..] */
  args?: string[];
}

interface State {
  stopping: boolean;
  heapFull: boolean;
  /** lines left of V8's report of a stack overflow in a promise callback (see passLines) */
  skipping: number;
}

const states = new WeakMap<ChildProcess, State>();

/** Flags of this process a child must not inherit: its own heap limit, a debugger's port. */
const NOT_INHERITED = /^--(max-old-space-size|max-semi-space-size|inspect|heapsnapshot|heap-prof|cpu-prof)/;

/**
 * This process's Node flags a child takes: all but NOT_INHERITED, and with one of those its value
 * when written as the next argument (--cpu-prof-interval 250: the 250 would be the child's module).
 */
export function inheritedFlags(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i]!;
    if (!NOT_INHERITED.test(a)) out.push(a);
    else if (!a.includes('=') && execArgv[i + 1] !== undefined && !execArgv[i + 1]!.startsWith('-')) i++;
  }
  return out;
}

/** A module run in a child process with an IPC channel (structured clone), its stderr passed on. */
export function startProcess(modulePath: string, options: ProcessOptions): ChildProcess {
  const execArgv = [
    ...inheritedFlags(process.execArgv),
    `--max-old-space-size=${Math.max(16, Math.floor(options.heapMb))}`,
    '--max-semi-space-size=32',
  ];
  const child = fork(modulePath, options.args ?? [], {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const state: State = { stopping: false, heapFull: false, skipping: 0 };
  states.set(child, state);
  // Nothing a child prints belongs on stdout (it carries the reports): both go to stderr.
  passLines(child.stdout!, state);
  passLines(child.stderr!, state);
  // Its pipes do not keep this process alive: whoever waits for the child holds a reference of its own.
  for (const s of [child.stdout, child.stderr] as unknown as ({ unref?: () => void } | null)[]) s?.unref?.();
  return child;
}

/** Ends a child started by startProcess at once (SIGKILL); nothing it writes from now on is shown. */
export function stopProcess(child: ChildProcess): Promise<void> {
  const state = states.get(child);
  if (state) state.stopping = true;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.ref(); // its exit is waited for
  child.kill('SIGKILL');
  return exited;
}

/** Whether V8 reported the child's heap at its limit (it then aborts): out of memory, not a crash. */
export function heapWasFull(child: ChildProcess): boolean {
  return states.get(child)?.heapFull ?? false;
}

/** Resident memory of a process in bytes (Linux /proc), or null where that cannot be read. */
export function residentBytes(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const HEAP_REPORT = /^(<--- Last few GCs --->|FATAL ERROR: .*heap|.*JavaScript heap out of memory)/;
/**
 * V8 writes this itself (from C++, past any JavaScript) when a promise callback overflows the stack — pdf.js on a
 * 20,000-deep chain of forms, dozens of times: a source line, a caret, the RangeError. The document ends as it ends
 * (read, or stopped with its one line); the report of each overflow is not shown.
 */
const OVERFLOW_REPORT = /^Exception in PromiseRejectCallback:$/;
const OVERFLOW_END = /^RangeError: Maximum call stack size exceeded$/;

/** Whether a line is shown: not once the child is being stopped, nor V8's reports above. */
function shown(line: string, state: State): boolean {
  if (HEAP_REPORT.test(line)) state.heapFull = true;
  if (OVERFLOW_REPORT.test(line)) state.skipping = 6;
  if (state.skipping > 0) {
    state.skipping = OVERFLOW_END.test(line) ? -1 : state.skipping - 1;
    return false;
  }
  if (state.skipping === -1) {
    // the blank line after the RangeError
    state.skipping = 0;
    if (line === '') return false;
  }
  return !state.stopping && !state.heapFull;
}

function passLines(stream: NodeJS.ReadableStream, state: State): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) if (shown(line, state)) process.stderr.write(line + '\n');
  });
  stream.on('end', () => {
    if (rest && !state.stopping && !state.heapFull && !HEAP_REPORT.test(rest)) process.stderr.write(rest + '\n');
  });
}

/**
 * In the child: the parent alone decides when it ends. Ctrl-C and a scheduler's SIGTERM reach the whole
 * process group; the parent hears them and stops its children itself, recording nothing for what they cut short.
 * When the parent is gone (even by SIGKILL) its channel closes, and the child ends at once.
 */
export function belongToParent(): void {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => {});
  process.once('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}
