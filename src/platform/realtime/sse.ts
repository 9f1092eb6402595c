// Server-sent events for live dashboards: a GET route that streams the events
// of some realtime channels to one browser, with heartbeats, until it leaves.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Listener, Realtime } from './realtime.ts';
import type { NamedRule } from '../policy/policy.ts';

export type Selector = (channel: string, payload: unknown) => unknown | null | Promise<unknown | null>;

export interface SseOptions {
  realtime: Realtime;
  /** The access rule of the stream (src/platform/policy/policy.ts): its role half is checked before it opens. */
  policy: NamedRule;
  /** Channels this stream carries; a function to choose them per request (e.g. the user's scope). */
  channels: string[] | ((request: FastifyRequest) => string[] | Promise<string[]>);
  /** Throw (e.g. forbidden()) to refuse; runs before the stream opens, so errors are problem+json. */
  authorize?: (request: FastifyRequest) => void | Promise<void>;
  /**
   * What of an event this requester may see: the payload to send (possibly with ids out of their scope
   * removed), or null to drop it. May be async (it may look the ids up); events keep their order.
   * Prepared once per stream by `prepare`, so per-requester facts (the scope) are read once.
   */
  select?: (request: FastifyRequest) => Promise<Selector> | Selector;
  /**
   * Ends the stream when the requester's sign-in ends: a channel announcing ended sessions and whether an
   * announcement concerns this requester, and when the sign-in expires by itself.
   */
  session?: {
    channel: string;
    ended: (payload: unknown, request: FastifyRequest) => boolean;
    expiresAt: (request: FastifyRequest) => Date | null;
  };
  /** Comment line every N ms, well under the 60 s idle timeout of common proxies. Default 15 000. */
  heartbeatMs?: number;
}

/**
 * GET `path` streams text/event-stream: `event: <channel>` + `data: <json>` per event, `event: resync`
 * after the server's listener reconnected (re-read everything), and a `: ping` comment as heartbeat.
 */
export function sseRoute(app: FastifyInstance, path: string, options: SseOptions): void {
  const open = new Set<() => void>();
  // Streams never go idle, so the server would wait for them forever on close: end them first.
  app.addHook('onClose', async () => {
    for (const end of [...open]) end();
  });
  app.get(path, { config: { policy: options.policy }, schema: { hide: true } }, async (request, reply) => {
    await options.authorize?.(request);
    const channels = typeof options.channels === 'function' ? await options.channels(request) : options.channels;
    const select = options.select ? await options.select(request) : null;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // nginx would otherwise buffer the stream
    });
    res.write('retry: 3000\n\n');
    let id = 0;
    const send = (event: string, payload: unknown) => {
      if (!res.destroyed) res.write(`id: ${++id}\nevent: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    };
    // Events are decided one after the other, so an async selection cannot reorder them.
    let queue: Promise<void> = Promise.resolve();
    const listener: Listener = (payload, channel) => {
      queue = queue
        .then(async () => {
          const shown = select ? await select(channel, payload) : payload;
          if (shown !== null && shown !== undefined) send(channel, shown);
        })
        .catch((err: Error) => {
          request.log.error({ err }, 'sse: selecting an event failed; the stream asks for a re-read');
          send('resync', {});
        });
    };
    const ended: Listener = (payload) => {
      if (options.session!.ended(payload, request)) end();
    };
    const unsubscribes = await Promise.all([
      ...channels.map((c) => options.realtime.subscribe(c, listener)),
      ...(options.session ? [options.realtime.subscribe(options.session.channel, ended)] : []),
    ]);
    const stopResync = options.realtime.onResync(() => send('resync', {}));
    const expiresAt = options.session?.expiresAt(request) ?? null;
    const heartbeat = setInterval(() => {
      if (expiresAt && expiresAt.getTime() <= Date.now()) return end();
      res.write(': ping\n\n');
    }, options.heartbeatMs ?? 15_000);
    const end = () => {
      if (!open.delete(end)) return;
      clearInterval(heartbeat);
      stopResync();
      for (const u of unsubscribes) u().catch(() => {});
      res.end();
    };
    open.add(end);
    res.on('close', end);
    if (res.destroyed) end(); // the client left while we were subscribing
    res.write(': open\n\n'); // tells the client (and tests) that it is subscribed
  });
}
