// useApiGet that also re-reads when the live tick moves, keeping the old data
// on screen meanwhile (no spinner flash on every event).
import { useEffect, useRef } from 'react';
import { useApiGet, type ApiGetState } from '../common/useApiGet';

export function useLiveGet<T>(path: string | null, tick: number): ApiGetState<T> {
  const state = useApiGet<T>(path);
  const seen = useRef(tick);
  const { reload } = state;
  useEffect(() => {
    if (seen.current === tick) return;
    seen.current = tick;
    reload();
  }, [tick, reload]);
  return state;
}
