// Starts the chatty thread, waits until its output has been shown, marks the
// moment of the stop on stderr itself (synchronously), then stops the thread.
import { writeSync } from 'node:fs';
import { startThread, stopThread } from '../../../src/util/threads.ts';

const worker = startThread(new URL('./chatty.ts', import.meta.url));
worker.stderr.once('data', () => {
  setTimeout(() => {
    writeSync(2, 'STOP\n');
    void stopThread(worker).then(() => setTimeout(() => process.exit(0), 50));
  }, 30);
});
