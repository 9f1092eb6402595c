// One live-event stream per browser, shared by all its tabs.
//
// Why: browsers allow six HTTP/1.1 connections per host, and an EventSource
// holds one for as long as it is open. With a stream per tab, an officer with
// six tabs of the app open had every later request hang. So the tabs elect one
// leader with a Web Lock: the tab holding the lock opens the only EventSource
// and relays what it receives (events and the stream's status) to the other
// tabs over a BroadcastChannel. When the leader's tab closes, the browser
// releases its lock and the next waiting tab opens the stream; everyone then
// re-reads what they show, since events may have been missed in between.
// Where Web Locks or BroadcastChannel are missing, each tab keeps its own stream.
export type LiveStatus = 'connecting' | 'live' | 'down';

export interface StreamListener {
  /** An event of `channel` ('resync' when the server says events may have been missed). */
  onEvent(channel: string, data: string): void;
  /** The stream's state; `missed` when events may have been lost before it (re-read everything). */
  onStatus(status: LiveStatus, missed: boolean): void;
}

type Relay =
  | { kind: 'event'; channel: string; data: string }
  | { kind: 'status'; status: LiveStatus; missed: boolean }
  | { kind: 'hello' };

const NAME = 'apparatus-live-events';
const listeners = new Set<StreamListener>();
let url = '';
let channels: readonly string[] = [];
let status: LiveStatus = 'connecting';
let relay: BroadcastChannel | null = null;
let source: EventSource | null = null;
let stopLeading: (() => void) | null = null;
let abortWaiting: AbortController | null = null;
/** Set once this tab has seen a stream (its own or a leader's): a new stream after that may have missed events. */
let seenStream = false;

const shared = () => typeof BroadcastChannel !== 'undefined' && typeof navigator !== 'undefined' && !!navigator.locks;

function deliver(message: Relay) {
  if (message.kind === 'event') for (const l of listeners) l.onEvent(message.channel, message.data);
  else if (message.kind === 'status') {
    status = message.status;
    if (message.status === 'live') seenStream = true;
    for (const l of listeners) l.onStatus(message.status, message.missed);
  }
}

/** Here and in the other tabs. */
function announce(message: Relay) {
  deliver(message);
  relay?.postMessage(message);
}

function lead(): Promise<void> {
  let missed = seenStream; // taking over from another tab's stream: events may have been missed in between
  const s = new EventSource(url, { withCredentials: true });
  source = s;
  s.onopen = () => {
    announce({ kind: 'status', status: 'live', missed });
    missed = false;
  };
  // EventSource reconnects by itself (the server sends retry: 3000); what was missed meanwhile is re-read on open.
  s.onerror = () => {
    missed = true;
    if (status !== 'down') announce({ kind: 'status', status: 'down', missed: false });
  };
  for (const c of [...channels, 'resync'])
    s.addEventListener(c, (e) => announce({ kind: 'event', channel: c, data: (e as MessageEvent<string>).data }));
  // Held until this tab stops needing the stream (or closes, which releases the lock by itself).
  return new Promise<void>((resolve) => {
    stopLeading = () => {
      s.close();
      source = null;
      stopLeading = null;
      resolve();
    };
  });
}

function start() {
  status = 'connecting';
  if (!shared()) {
    void lead();
    return;
  }
  relay = new BroadcastChannel(NAME);
  relay.onmessage = (e: MessageEvent<Relay>) => {
    if (e.data.kind === 'hello') {
      if (source) relay?.postMessage({ kind: 'status', status, missed: false } satisfies Relay);
    } else deliver(e.data);
  };
  relay.postMessage({ kind: 'hello' } satisfies Relay); // a leader answers with its stream's status
  const waiting = new AbortController();
  abortWaiting = waiting;
  navigator.locks
    .request(NAME, { signal: waiting.signal }, () => {
      if (waiting.signal.aborted) return undefined; // granted just as this tab stopped needing it: pass it on
      if (abortWaiting === waiting) abortWaiting = null;
      return lead();
    })
    .catch(() => {
      /* aborted while waiting: this tab no longer needs the stream */
    });
}

function stop() {
  abortWaiting?.abort();
  abortWaiting = null;
  stopLeading?.();
  relay?.close();
  relay = null;
  seenStream = false;
}

// A frozen tab (Chrome freezes some background tabs) runs nothing: it hands the stream over
// while frozen and, when it resumes, re-reads everything, as it may have missed events.
if (typeof document !== 'undefined') {
  document.addEventListener('freeze', () => {
    if (listeners.size) stop();
  });
  document.addEventListener('resume', () => {
    if (!listeners.size) return;
    seenStream = true;
    start();
    for (const l of listeners) l.onStatus(status, true);
  });
}

/**
 * Listens to the live stream at `streamUrl` for `streamChannels` (the first subscriber's, as the
 * app has one stream). Returns the unsubscribe function; the stream closes with the last one.
 */
export function subscribeLive(
  streamUrl: string,
  streamChannels: readonly string[],
  listener: StreamListener,
): () => void {
  if (listeners.size === 0) {
    url = streamUrl;
    channels = streamChannels;
    listeners.add(listener);
    start();
  } else listeners.add(listener);
  listener.onStatus(status, false);
  return () => {
    if (!listeners.delete(listener) || listeners.size > 0) return;
    stop();
  };
}
