// Server-sent events for live dashboards: a GET route that streams the events
// of some realtime channels to one browser, with heartbeats, until it leaves.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Listener, Realtime } from './realtime.ts';

export interface SseOptions {
  realtime: Realtime;
  /** Channels this stream carries; a function to choose them per request (e.g. the user's scope). */
  channels: string[] | ((request: FastifyRequest) => string[] | Promise<string[]>);
  /** Throw (e.g. forbidden()) to refuse; runs before the stream opens, so errors are problem+json. */
  authorize?: (request: FastifyRequest) => void | Promise<void>;
  /** Drop events this requester must not see (payloads carry ids, so this is cheap to decide). */
  filter?: (channel: string, payload: unknown, request: FastifyRequest) => boolean;
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
  app.addHook('onClose', async () => { for (const end of [...open]) end(); });
  app.get(path, { schema: { hide: true } }, async (request, reply) => {
    await options.authorize?.(request);
    const channels = typeof options.channels === 'function' ? await options.channels(request) : options.channels;
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
    const send = (event: string, payload: unknown) => { res.write(`id: ${++id}\nevent: ${event}\ndata: ${JSON.stringify(payload)}\n\n`); };
    const listener: Listener = (payload, channel) => {
      if (options.filter && !options.filter(channel, payload, request)) return;
      send(channel, payload);
    };
    const unsubscribes = await Promise.all(channels.map((c) => options.realtime.subscribe(c, listener)));
    const stopResync = options.realtime.onResync(() => send('resync', {}));
    const heartbeat = setInterval(() => res.write(': ping\n\n'), options.heartbeatMs ?? 15_000);
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
