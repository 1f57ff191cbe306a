import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import type { BasketView, OwnBaskets as OwnBasketsData } from './baskets.api.ts';

function BasketList({ items, color }: { items: BasketView[]; color: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {items.map((b) => (
        <Group key={b.id} justify="space-between" wrap="nowrap">
          <Text ff="monospace" size="sm" fw={600}>
            {b.code}
          </Text>
          <Badge color={color} variant="light">
            {t('ui.bakery.baskets.own.since', { date: b.lent_date ?? '', days: b.days_out ?? 0 })}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}

/** On the route seller's panel: the baskets they have out and those already counted as lost. */
export function OwnBaskets() {
  const { t } = useTranslation();
  const own = useQuery({
    queryKey: ['bakery', 'baskets', 'own'],
    queryFn: ({ signal }) => api.get<OwnBasketsData>('/bakery/baskets/own', { signal }),
  });
  if (own.error) return <ErrorAlert error={own.error} onRetry={() => void own.refetch()} />;
  const data = own.data;
  if (!data) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Card withBorder padding="sm" data-testid="own-baskets-out">
        <Group justify="space-between" mb="xs">
          <Text fw={700}>{t('ui.bakery.baskets.own.out')}</Text>
          <Badge size="lg">{data.out_count}</Badge>
        </Group>
        {data.out.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('ui.bakery.baskets.own.none')}
          </Text>
        ) : (
          <BasketList items={data.out} color="orange" />
        )}
      </Card>
      <Card withBorder padding="sm" data-testid="own-baskets-lost">
        <Group justify="space-between" mb="xs">
          <Text fw={700}>{t('ui.bakery.baskets.own.lost')}</Text>
          <Badge size="lg" color={data.lost_count > 0 ? 'red' : 'gray'}>
            {data.lost_count}
          </Badge>
        </Group>
        {data.lost.length > 0 ? <BasketList items={data.lost} color="red" /> : null}
      </Card>
    </SimpleGrid>
  );
}
