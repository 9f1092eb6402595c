// Real-time events for live dashboards: an event bus over PostgreSQL
// LISTEN/NOTIFY, so every server process sharing one database sees every
// change (sseRoute in realtime-sse.ts streams them to browsers).
// Payloads are small (ids and kinds, never documents): NOTIFY refuses 8000 bytes
// or more, and a client must re-read what it may see through the access-checked API.
import type { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/db-schema.ts';
import type { DatabaseHandle } from '../db/db.ts';

export { sseRoute, type SseOptions } from './sse.ts';

export type Listener = (payload: unknown, channel: string) => void;
type Log = Pick<Console, 'warn' | 'error'>;

export interface Realtime {
  /** Sends now (outside any transaction). Inside a transaction use publishAfterCommit. */
  publish(channel: string, payload: unknown): Promise<void>;
  /** Resolves once the channel is being listened to; the returned function stops listening. */
  subscribe(channel: string, listener: Listener): Promise<() => Promise<void>>;
  /** Called after a lost connection came back: events may have been missed, so re-read. */
  onResync(listener: () => void): () => void;
  close(): Promise<void>;
}

/** Postgres refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7999;
const CHANNEL = /^[a-z][a-z0-9_.:-]{0,62}$/;

export function encodeEvent(channel: string, payload: unknown): string {
  if (!CHANNEL.test(channel)) {
    throw new Error(
      `Tên kênh không hợp lệ / Invalid channel name "${channel}": lowercase letters, digits and _ . : -, at most 63`,
    );
  }
  const text = JSON.stringify(payload ?? null);
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw new Error(
      `Sự kiện quá lớn (${bytes} byte) / Event too large (${bytes} bytes, max ${MAX_PAYLOAD_BYTES}) on "${channel}": send ids, not documents`,
    );
  }
  return text;
}

/**
 * Queues an event inside a transaction. PostgreSQL (and PGlite) deliver NOTIFY only when the
 * transaction commits, and drop it on rollback, so listeners never see a change that did not happen.
 */
export async function publishAfterCommit(trx: Kysely<Database>, channel: string, payload: unknown): Promise<void> {
  await publishAllAfterCommit(trx, [{ channel, payload }]);
}

/** Several events in one statement (fewer round trips in a busy transaction); order is kept. */
export async function publishAllAfterCommit(
  trx: Kysely<Database>,
  events: { channel: string; payload: unknown }[],
): Promise<void> {
  if (events.length === 0) return;
  await sql`select ${notifyCalls(events)}`.execute(trx);
}

/** The pg_notify calls that queue these events for the commit, for a statement that also does something else. */
export const notifyCalls = (events: { channel: string; payload: unknown }[]) =>
  sql.join(events.map((e) => sql`pg_notify(${e.channel}, ${encodeEvent(e.channel, e.payload)})`));

/** How the bus listens: the engine's own notification channel, or (without one) this process only. */
interface Transport {
  listen(channel: string): Promise<void>;
  unlisten(channel: string): Promise<void>;
  close(): Promise<void>;
}

export function createRealtime(handle: DatabaseHandle, options: { log?: Log; maxBackoffMs?: number } = {}): Realtime {
  const log = options.log ?? console;
  const listeners = new Map<string, Set<Listener>>();
  const resyncListeners = new Set<() => void>();
  const dispatch = (channel: string, text: string) => {
    const set = listeners.get(channel);
    if (!set || set.size === 0) return;
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      payload = text;
    } // a NOTIFY sent by hand (psql) need not be JSON
    for (const listener of [...set]) {
      try {
        listener(payload, channel);
      } catch (err) {
        log.error(`realtime: listener on "${channel}" failed: ${(err as Error).message}`);
      }
    }
  };
  const resync = () => {
    for (const l of resyncListeners) {
      try {
        l();
      } catch {
        /* a listener's problem, not the bus's */
      }
    }
  };

  const raw = handle.raw;
  const local = !raw;
  const transport: Transport =
    raw?.engine === 'postgres'
      ? postgresTransport(raw.url, dispatch, resync, log, options.maxBackoffMs ?? 5000)
      : raw?.engine === 'pglite'
        ? pgliteTransport(handle.db, raw.pglite, dispatch)
        : { listen: async () => {}, unlisten: async () => {}, close: async () => {} };

  // LISTEN/UNLISTEN run one at a time and bring the listening state in line with the
  // listeners map, so a subscribe racing an unsubscribe on the same channel ends up right.
  const listening = new Set<string>();
  let queue: Promise<void> = Promise.resolve();
  const sync = (channel: string) => {
    const run = queue.then(async () => {
      const wanted = (listeners.get(channel)?.size ?? 0) > 0;
      if (wanted && !listening.has(channel)) {
        await transport.listen(channel);
        listening.add(channel);
      }
      if (!wanted && listening.has(channel)) {
        listening.delete(channel);
        await transport.unlisten(channel);
      }
    });
    queue = run.catch(() => {});
    return run;
  };
  let closed = false;

  return {
    async publish(channel, payload) {
      const text = encodeEvent(channel, payload);
      if (local) {
        queueMicrotask(() => dispatch(channel, text));
        return;
      }
      await sql`select pg_notify(${channel}, ${text})`.execute(handle.db);
    },
    async subscribe(channel, listener) {
      encodeEvent(channel, null); // validates the name before anything is registered
      if (closed) throw new Error('realtime: closed');
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      try {
        await sync(channel);
      } catch (err) {
        set.delete(listener);
        throw err;
      }
      return async () => {
        if (!set.delete(listener) || closed) return;
        await sync(channel);
      };
    },
    onResync(listener) {
      resyncListeners.add(listener);
      return () => {
        resyncListeners.delete(listener);
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      resyncListeners.clear();
      await queue;
      await transport.close();
    },
  };
}

/**
 * PGlite runs in this process with one session: LISTEN goes through Kysely so it waits its turn
 * for the connection instead of landing inside someone else's open transaction. The session is
 * shared by every bus on the handle, so LISTENs are counted: one bus's UNLISTEN must not deafen another.
 */
const pgliteListens = new WeakMap<PGlite, Map<string, number>>();

function pgliteTransport(
  db: Kysely<Database>,
  pglite: PGlite,
  dispatch: (channel: string, text: string) => void,
): Transport {
  const stop = pglite.onNotification(dispatch);
  let counts = pgliteListens.get(pglite);
  if (!counts) pgliteListens.set(pglite, (counts = new Map()));
  const session = counts;
  const mine = new Set<string>();
  const release = async (channel: string) => {
    const left = (session.get(channel) ?? 1) - 1;
    if (left > 0) {
      session.set(channel, left);
      return;
    }
    session.delete(channel);
    await sql`unlisten ${sql.id(channel)}`.execute(db);
  };
  return {
    async listen(channel) {
      const n = session.get(channel) ?? 0;
      if (n === 0) await sql`listen ${sql.id(channel)}`.execute(db);
      session.set(channel, n + 1);
      mine.add(channel);
    },
    async unlisten(channel) {
      if (mine.delete(channel)) await release(channel);
    },
    async close() {
      stop();
      for (const channel of mine) await release(channel).catch(() => {}); // the database may be closing too
      mine.clear();
    },
  };
}

/**
 * One dedicated connection per process, outside the query pool: a pooled connection would be
 * handed to other queries and its LISTENs lost. When it drops, it reconnects with doubling
 * waits (100 ms up to maxBackoffMs, for as long as it takes), LISTENs again and calls resync.
 */
function postgresTransport(
  url: string,
  dispatch: (channel: string, text: string) => void,
  resync: () => void,
  log: Log,
  maxBackoffMs: number,
): Transport {
  const channels = new Set<string>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let backoff = 100;

  const quote = (channel: string) => `"${channel}"`; // names are checked by encodeEvent: no quotes inside

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: url, application_name: 'apparatus-realtime' });
    c.on('notification', (msg) => dispatch(msg.channel, msg.payload ?? ''));
    c.on('error', (err) => {
      log.warn(`realtime: listener connection error: ${err.message}`);
      lost(c);
    });
    c.on('end', () => lost(c));
    await c.connect();
    for (const channel of channels) await c.query(`listen ${quote(channel)}`);
    return c;
  }

  function lost(c: pg.Client) {
    if (client !== c) return; // already replaced
    client = null;
    c.end().catch(() => {});
    if (!closed) scheduleReconnect();
  }

  function scheduleReconnect() {
    if (retryTimer || closed) return;
    retryTimer = setTimeout(async () => {
      retryTimer = null;
      try {
        client = await connect();
        backoff = 100;
        log.warn(`realtime: listener connection restored (${channels.size} channels)`);
        resync();
      } catch (err) {
        log.warn(`realtime: reconnect failed, retrying in ${backoff} ms: ${(err as Error).message}`);
        backoff = Math.min(backoff * 2, maxBackoffMs);
        scheduleReconnect();
      }
    }, backoff);
  }

  async function ready(): Promise<pg.Client | null> {
    if (client) return client;
    if (retryTimer) return null; // reconnecting: the new connection will LISTEN to every channel
    connecting ??= connect()
      .then((c) => {
        client = c;
        return c;
      })
      .finally(() => {
        connecting = null;
      });
    return connecting;
  }

  return {
    async listen(channel) {
      channels.add(channel);
      const c = await ready();
      // A connection opened by ready() already listened to the channel; repeating LISTEN is harmless.
      await c?.query(`listen ${quote(channel)}`);
    },
    async unlisten(channel) {
      channels.delete(channel);
      await client?.query(`unlisten ${quote(channel)}`).catch(() => {}); // a dropped connection has forgotten it anyway
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const c = client ?? (connecting ? await connecting.catch(() => null) : null);
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
