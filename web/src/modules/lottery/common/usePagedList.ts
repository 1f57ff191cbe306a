import { positiveInt, useUrlParams } from '../../../ui/useUrlParams.ts';

/**
 * Filter and page state of one list tab, in the URL under a prefix (`zones_q`, `bancas_page` …) so
 * several tabs of a page keep their own filters.
 */
export function usePagedList(prefix: string, extra: readonly string[] = []) {
  const keys = ['q', 'active', 'page', 'page_size', ...extra].map((k) => `${prefix}_${k}`);
  const [params, setParams] = useUrlParams(keys);
  const get = (key: string) => params[`${prefix}_${key}`] ?? '';
  const set = (patch: Record<string, string | number | null | undefined>) => {
    const withPage = 'page' in patch ? patch : { ...patch, page: null };
    setParams(Object.fromEntries(Object.entries(withPage).map(([k, v]) => [`${prefix}_${k}`, v])));
  };
  const page = positiveInt(get('page'), 1);
  const pageSize = positiveInt(get('page_size'), 50);
  return {
    get,
    set,
    page,
    pageSize,
    query: {
      q: get('q') || undefined,
      active: get('active') || undefined,
      page,
      page_size: pageSize,
    },
    /** Props for DataTable's pagination. */
    paging: (total: number | undefined) => ({
      page,
      pageSize,
      total: total ?? 0,
      onPageChange: (value: number) => set({ page: value }),
      onPageSizeChange: (value: number) => set({ page_size: value }),
    }),
  };
}
