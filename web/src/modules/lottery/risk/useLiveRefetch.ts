import { useEffect, useRef } from 'react';
import { useRealtime } from '../../../app/realtime.ts';

/**
 * Calls `refetch` (debounced) whenever a sale or cancellation touches one of the draws — or any, when
 * `drawId` is null. 200 ms of debounce keeps a burst of sales to one request, well within a second.
 */
export function useLiveRefetch(drawId: string | null, refetch: () => void, delayMs = 200): void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(refetch);
  latest.current = refetch;
  useEffect(() => () => clearTimeout(timer.current), []);
  const handler = (payload: { draw_ids?: string[] }) => {
    if (drawId && !payload?.draw_ids?.includes(drawId)) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), delayMs);
  };
  useRealtime<{ draw_ids?: string[] }>('lottery.ticket.sold', handler);
  useRealtime<{ draw_ids?: string[] }>('lottery.ticket.cancelled', handler);
}
