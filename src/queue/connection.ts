// Redis connections for the queue: the URL parsed and checked, the password
// kept out of every message, the first connection failing fast with a clear
// error, later losses retried with back-off and reported in one line each.
import { Redis, type RedisOptions } from 'ioredis';

export class QueueSetupError extends Error {
  override name = 'QueueSetupError';
}

export interface RedisTarget {
  options: RedisOptions;
  /** the URL with any password replaced by *** — the only form that is ever printed */
  shown: string;
}

/** redis://[user[:password]@]host[:port][/db] or rediss:// (TLS). */
export function parseRedisUrl(url: string): RedisTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new QueueSetupError(`--queue ${maskUrl(url)}: not a URL; expected redis://HOST:PORT/DB`);
  }
  const shown = maskUrl(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new QueueSetupError(`--queue ${shown}: the URL must start with redis:// or rediss:// (got ${u.protocol}//)`);
  }
  if (!u.hostname) throw new QueueSetupError(`--queue ${shown}: no host in the URL; expected redis://HOST:PORT/DB`);
  const port = u.port ? Number(u.port) : 6379;
  const dbText = u.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0 || !/^\d*$/.test(dbText))
    throw new QueueSetupError(
      `--queue ${shown}: the database must be a number (redis://HOST:PORT/DB), got "${dbText}"`,
    );
  if (u.search || u.hash) throw new QueueSetupError(`--queue ${shown}: query strings and fragments are not understood`);
  const options: RedisOptions = {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    // A password kept out of the command line (where process lists show it): JIXIAO_REDIS_PASSWORD.
    ...(u.password
      ? { password: decodeURIComponent(u.password) }
      : process.env.JIXIAO_REDIS_PASSWORD
        ? { password: process.env.JIXIAO_REDIS_PASSWORD }
        : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  return { options, shown };
}

/** The URL with its password (and anything that looks like one) masked; safe on bad input too. */
export function maskUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@/i, (_, scheme: string, cred: string) => {
    const colon = cred.indexOf(':');
    return `${scheme}${colon >= 0 ? `${cred.slice(0, colon)}:***` : '***'}@`;
  });
}

/** Removes a password from any text (an error message that quotes the options, say). */
export function maskSecret(text: string, target: RedisTarget): string {
  const pw = target.options.password;
  let out = text;
  if (pw) out = out.split(pw).join('***');
  return out.replace(/(redis?s?:\/\/[^\s@/]*:)[^\s@/]+@/gi, '$1***@');
}

export interface ConnectOptions {
  /** where one-line reports of lost and regained connections go */
  log: (line: string) => void;
  /** who is speaking, for the lines: "jixiao worker", "jixiao batch" */
  who: string;
  /** give up on the first connection after this long (ms) */
  connectTimeoutMs?: number;
  connectionName?: string;
}

/**
 * Connects and waits until Redis answers. The first connection fails with a QueueSetupError naming the (masked)
 * URL and the cause; once connected, a lost connection is retried for ever with back-off (0.2 s growing to 5 s),
 * reported once when lost and once when back. Commands wait meanwhile (BullMQ needs maxRetriesPerRequest: null).
 */
export async function connectRedis(target: RedisTarget, opts: ConnectOptions): Promise<Redis> {
  let everReady = false;
  let lostAt: number | null = null;
  let lastError = '';
  const client = new Redis({
    ...target.options,
    lazyConnect: true,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectTimeout: 5000,
    ...(opts.connectionName ? { connectionName: opts.connectionName } : {}),
    retryStrategy: (times) => {
      if (!everReady && times > 2) return null;
      return Math.min(200 * 2 ** Math.min(times - 1, 5), 5000);
    },
  });
  client.on('error', (err: Error) => {
    lastError = describe(err, target);
    // A wrong password or database stays wrong: no point retrying the first connection.
    if (!everReady && /^authentication failed|ERR DB index|invalid DB index/i.test(lastError)) client.disconnect();
    if (everReady && lostAt === null) {
      lostAt = Date.now();
      opts.log(`${opts.who}: lost the connection to Redis at ${target.shown} (${lastError}); retrying with back-off`);
    }
  });
  client.on('close', () => {
    if (everReady && lostAt === null && client.status !== 'end' && !closing.has(client)) {
      lostAt = Date.now();
      opts.log(`${opts.who}: lost the connection to Redis at ${target.shown}; retrying with back-off`);
    }
  });
  client.on('ready', () => {
    if (lostAt !== null)
      opts.log(
        `${opts.who}: connected to Redis at ${target.shown} again after ${((Date.now() - lostAt) / 1000).toFixed(1)} s`,
      );
    lostAt = null;
  });
  const timeout = opts.connectTimeoutMs ?? 10_000;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${timeout / 1000} s`)), timeout).unref(),
      ),
    ]);
    await client.ping();
  } catch (err) {
    client.disconnect();
    const why = lastError || describe(err, target);
    throw new QueueSetupError(`cannot reach Redis at ${target.shown}: ${why}`);
  }
  everReady = true;
  return client;
}

const closing = new WeakSet<Redis>();

/** Closes without the "lost the connection" line. */
export async function closeRedis(client: Redis): Promise<void> {
  closing.add(client);
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

function describe(err: unknown, target: RedisTarget): string {
  const e = err as NodeJS.ErrnoException & { message?: string };
  let text =
    e?.code && typeof e.code === 'string' && !String(e.message).includes(e.code)
      ? `${e.code} ${e.message}`
      : String(e?.message ?? err);
  if (/WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(text))
    text = `authentication failed (${text.split('\n')[0]})`;
  return maskSecret(text.split('\n')[0]!, target);
}
