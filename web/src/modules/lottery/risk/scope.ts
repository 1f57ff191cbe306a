import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import type { BancaView } from '../catalog.api.ts';

/** The bancas the user may filter by (every banca for network managers, else their own), and their zones. */
export function useScopeOptions() {
  const network = useCan('lottery.network.manage');
  const query = useQuery({
    queryKey: ['lottery', 'scope-bancas', network],
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api.get<{ items: BancaView[] }>(network ? '/lottery/bancas' : '/lottery/my-bancas', {
        query: network ? { page_size: 500 } : undefined,
        signal,
      }),
  });
  const bancas = query.data?.items ?? [];
  const zones = [...new Map(bancas.map((b) => [b.zone_id, { id: b.zone_id, name: b.zone_name }])).values()];
  return { bancas, zones, network };
}
