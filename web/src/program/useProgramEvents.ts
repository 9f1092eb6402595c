// Live updates: one EventSource on /api/programs/events. Events carry ids,
// never content, so on any event of this program the page re-reads what it
// shows through the normal (access-checked) API. Bursts (a cascade, the daily
// run) are folded into one refetch by a short debounce; `resync` (the server's
// listener reconnected and may have missed events) refetches everything too.
// A tab left in the background closes its stream after a minute and reopens it
// (re-reading everything) when shown again: browsers allow six HTTP/1.1
// connections per host, and a stream per open tab would use them all up, so
// an officer with many tabs open would see requests hang.
import { useEffect, useRef, useState } from 'react';

export type LiveStatus = 'connecting' | 'live' | 'down';
export const PROGRAM_EVENTS_URL = '/api/programs/events';
const CHANNELS = ['program_task', 'program_report', 'program_warning'];
const DEBOUNCE_MS = 250;
const HIDDEN_CLOSE_MS = 60_000;

export interface ProgramEvent { programId?: number; taskId?: number; taskIds?: number[] | null }

export interface LiveState {
  status: LiveStatus;
  /** Increments once per (debounced) burst of relevant events: a dependency for refetching. */
  tick: number;
  /** Task ids named by the events of the last burst; null when "everything" may have changed. */
  changedTaskIds: number[] | null;
  lastEventAt: Date | null;
}

/** programId: the program whose events matter, 'any' for all programs, null for none (no stream). */
export function useProgramEvents(programId: number | 'any' | null): LiveState {
  const [state, setState] = useState<LiveState>({ status: 'connecting', tick: 0, changedTaskIds: [], lastEventAt: null });
  const pending = useRef<{ timer: number | null; ids: Set<number> | null }>({ timer: null, ids: new Set() });

  useEffect(() => {
    if (programId === null) return;
    const flush = () => {
      const ids = pending.current.ids;
      pending.current = { timer: null, ids: new Set() };
      setState((s) => ({ ...s, tick: s.tick + 1, changedTaskIds: ids ? [...ids] : null, lastEventAt: new Date() }));
    };
    const schedule = (ids: number[] | null) => {
      const p = pending.current;
      if (ids === null) p.ids = null;
      else if (p.ids) for (const id of ids) p.ids.add(id);
      if (p.timer === null) p.timer = window.setTimeout(flush, DEBOUNCE_MS);
    };
    const onEvent = (e: MessageEvent<string>) => {
      let payload: ProgramEvent = {};
      try { payload = JSON.parse(e.data) as ProgramEvent; } catch { /* not ours to judge: refetch anyway */ }
      if (programId !== 'any' && payload.programId !== undefined && payload.programId !== programId) return;
      schedule(payload.taskIds === null ? null : [...(payload.taskIds ?? []), ...(payload.taskId ? [payload.taskId] : [])]);
    };
    let source: EventSource | null = null;
    // Set when events may have been missed (an error, a stream closed while hidden): the next open re-reads everything.
    let missed = false;
    const open = () => {
      if (source) return;
      const s = new EventSource(PROGRAM_EVENTS_URL, { withCredentials: true });
      source = s;
      s.onopen = () => {
        setState((st) => ({ ...st, status: 'live' }));
        if (missed) schedule(null);
        missed = false;
      };
      // EventSource reconnects by itself (retry: 3000 from the server); events missed meanwhile are re-read on open.
      s.onerror = () => { missed = true; setState((st) => (st.status === 'down' ? st : { ...st, status: 'down' })); };
      for (const c of CHANNELS) s.addEventListener(c, onEvent);
      s.addEventListener('resync', () => schedule(null));
    };
    const close = () => { if (source) { source.close(); source = null; missed = true; } };
    let hiddenTimer: number | null = null;
    const onVisibility = () => {
      if (hiddenTimer !== null) { window.clearTimeout(hiddenTimer); hiddenTimer = null; }
      if (document.visibilityState === 'hidden') hiddenTimer = window.setTimeout(close, HIDDEN_CLOSE_MS);
      else open();
    };
    open();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      if (hiddenTimer !== null) window.clearTimeout(hiddenTimer);
      if (source) source.close();
      source = null;
      if (pending.current.timer !== null) window.clearTimeout(pending.current.timer);
      pending.current = { timer: null, ids: new Set() };
    };
  }, [programId]);

  return state;
}
