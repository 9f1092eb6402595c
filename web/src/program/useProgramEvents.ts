// Live updates from /api/programs/events, through the one stream the browser's
// tabs share (liveStream.ts). Events carry ids, never content, so on any event
// of this program the page re-reads what it shows through the normal
// (access-checked) API. Bursts (a cascade, the daily run) are folded into one
// refetch by a short debounce; `resync` (the server's listener reconnected) and
// a stream that may have missed events refetch everything.
import { useEffect, useRef, useState } from 'react';
import { subscribeLive, type LiveStatus } from './liveStream';

export type { LiveStatus } from './liveStream';
export const PROGRAM_EVENTS_URL = '/api/programs/events';
const CHANNELS = ['program_task', 'program_report', 'program_warning'];
const DEBOUNCE_MS = 250;

export interface ProgramEvent {
  programId?: number;
  taskId?: number;
  taskIds?: number[] | null;
}

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
  const [state, setState] = useState<LiveState>({
    status: 'connecting',
    tick: 0,
    changedTaskIds: [],
    lastEventAt: null,
  });
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
    const unsubscribe = subscribeLive(PROGRAM_EVENTS_URL, CHANNELS, {
      onEvent(channel, data) {
        if (channel === 'resync') {
          schedule(null);
          return;
        }
        let payload: ProgramEvent = {};
        try {
          payload = JSON.parse(data) as ProgramEvent;
        } catch {
          /* not ours to judge: refetch anyway */
        }
        if (programId !== 'any' && payload.programId !== undefined && payload.programId !== programId) return;
        schedule(
          payload.taskIds === null ? null : [...(payload.taskIds ?? []), ...(payload.taskId ? [payload.taskId] : [])],
        );
      },
      onStatus(status, missed) {
        setState((st) => (st.status === status ? st : { ...st, status }));
        if (missed) schedule(null);
      },
    });
    return () => {
      unsubscribe();
      if (pending.current.timer !== null) window.clearTimeout(pending.current.timer);
      pending.current = { timer: null, ids: new Set() };
    };
  }, [programId]);

  return state;
}
