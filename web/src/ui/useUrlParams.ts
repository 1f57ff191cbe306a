import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

type Patch<K extends string> = Partial<Record<K, string | number | null | undefined>>;

/**
 * Filter and pagination state kept in the URL (shareable, survives reload and back).
 * Changing anything but `page` returns to page 1.
 */
export function useUrlParams<K extends string>(
  keys: readonly K[],
): [Record<K, string>, (patch: Patch<K>) => void] {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const key of keys) out[key] = params.get(key) ?? '';
    return out;
  }, [params, keys]);
  const update = useCallback(
    (patch: Patch<K>) => {
      setParams(
        () => {
          // The router hands over the params of the last render: two changes before the next one
          // would lose the first. The address bar already holds every change made so far.
          const next = new URLSearchParams(window.location.search);
          for (const [key, value] of Object.entries(patch) as [K, Patch<K>[K]][]) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [values, update];
}

export function positiveInt(value: string, fallback: number): number {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
