// `jixiao queue status --queue redis://…`: where a queue stands — jobs
// waiting, active, done and failed, the workers connected and seen lately,
// pages read per minute.
import { Queue } from 'bullmq';
import { TOOL_VERSION } from '../version.ts';
import { closeRedis, connectRedis, parseRedisUrl } from './connection.ts';
import { checkName, DEFAULT_QUEUE_NAME, pagesKey, PREFIX, queueName, workersKey, type WorkerBeat } from './jobs.ts';

export interface QueueStatus {
  queue: string;
  version: string;
  url: string;
  waiting: number;
  active: number;
  /** waiting to be tried again after a failed attempt */
  delayed: number;
  done: number;
  failed: number;
  workers: {
    /** connected now */
    connected: string[];
    /** heartbeats within the last hour, newest first */
    seen: (WorkerBeat & { secondsAgo: number })[];
  };
  /** pages read in this minute so far, in the last full minute, and on average over the last 10 full minutes */
  pagesPerMinute: { current: number; last: number; average10: number };
}

export async function queueStatus(options: {
  url: string;
  name?: string;
  log?: (line: string) => void;
}): Promise<QueueStatus> {
  const name = options.name ?? DEFAULT_QUEUE_NAME;
  const problem = checkName(name);
  if (problem) throw new Error(problem);
  const target = parseRedisUrl(options.url);
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const client = await connectRedis(target, { log, who: 'jixiao queue' });
  const queue = new Queue(queueName(name), { connection: client, prefix: PREFIX });
  queue.on('error', () => {});
  try {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
    let connected: string[] = [];
    try {
      const names = (await queue.getWorkers()).map((w) => String(w['rawname'] ?? '')).filter((n) => n.includes(':w:'));
      connected = [...new Set(names.map((n) => n.slice(n.indexOf(':w:') + 3)))].sort();
    } catch {
      // CLIENT LIST refused (some hosted Redis): the heartbeats still tell
    }
    const now = Date.now();
    const beats = Object.values(await client.hgetall(workersKey(queue)))
      .map((v) => {
        try {
          return JSON.parse(v) as WorkerBeat;
        } catch {
          return null;
        }
      })
      .filter((b): b is WorkerBeat => !!b && now - b.lastSeen < 3600_000)
      .sort((a, b) => b.lastSeen - a.lastSeen)
      .map((b) => ({ ...b, secondsAgo: Math.round((now - b.lastSeen) / 1000) }));
    const minute = Math.floor(now / 60_000);
    const pages = await client.mget(...Array.from({ length: 11 }, (_, i) => pagesKey(queue, minute - i)));
    const [current, ...perMinute] = pages.map((p) => Number(p ?? 0));
    return {
      queue: name,
      version: TOOL_VERSION,
      url: target.shown,
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      done: counts.completed ?? 0,
      failed: counts.failed ?? 0,
      workers: { connected, seen: beats },
      pagesPerMinute: {
        current: current!,
        last: perMinute[0]!,
        average10: Math.round((perMinute.reduce((a, b) => a + b, 0) / 10) * 10) / 10,
      },
    };
  } finally {
    await queue.close().catch(() => {});
    await closeRedis(client);
  }
}

export function formatStatus(s: QueueStatus): string {
  const lines = [
    `queue ${s.queue} (jixiao ${s.version}) at ${s.url}`,
    `  jobs: ${s.waiting} waiting, ${s.active} active, ${s.delayed} to retry, ${s.done} done, ${s.failed} failed`,
    `  workers: ${s.workers.connected.length} connected${s.workers.connected.length ? ` (${s.workers.connected.join(', ')})` : ''}, ${s.workers.seen.length} seen in the last hour`,
  ];
  for (const w of s.workers.seen) {
    lines.push(
      `    ${w.name}: ${w.stopped ? 'stopped' : 'last heard'} ${w.secondsAgo} s ago, --jobs ${w.jobs}, ${w.done} done, ${w.failed} failed, ${w.pages} pages`,
    );
  }
  lines.push(
    `  pages per minute: ${s.pagesPerMinute.last} in the last minute (${s.pagesPerMinute.current} in this one so far), ${s.pagesPerMinute.average10} on average over 10 minutes`,
  );
  return lines.join('\n') + '\n';
}
