import { BarChart } from '@mantine/charts';
import { Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { apiUrl, money, todayInBogota, useSellers } from '../bakery.api.ts';
import { OwnBaskets } from '../baskets/OwnBaskets.tsx';

interface Daily {
  date: string;
  total_sold: number;
}

interface Summary {
  month: string;
  business_days: number;
  elapsed_business_days: number;
  sellers: {
    seller_id: string;
    username: string;
    full_name: string;
    sales: number;
    total_sold: number;
    commission: number;
    payable: number;
    projection: number;
  }[];
  totals: { total_sold: number; commission: number; payable: number; projection: number };
  daily: Daily[];
}

interface OwnPanel {
  month: string;
  month_sales: number;
  commission: number;
  projection: number;
  business_days: number;
  elapsed_business_days: number;
  baskets_lent: number;
  daily: Daily[];
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

function DailyChart({ daily }: { daily: Daily[] }) {
  return (
    <BarChart
      h={220}
      data={daily}
      dataKey="date"
      series={[{ name: 'total_sold', color: 'orange.6' }]}
      valueFormatter={money}
    />
  );
}

/** The seller's own phone panel: month sales, projection, commission so far, baskets lent. */
function OwnPanelView() {
  const { t } = useTranslation();
  const month = todayInBogota().slice(0, 7);
  const panel = useQuery({
    queryKey: ['bakery', 'panel', 'own', month],
    queryFn: ({ signal }) => api.get<OwnPanel>('/bakery/panel/own', { query: { month }, signal }),
  });
  if (panel.error) return <ErrorAlert error={panel.error} onRetry={() => void panel.refetch()} />;
  const data = panel.data;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure
          label={t('ui.bakery.panel.month_sales')}
          value={data ? money(data.month_sales) : '…'}
          testId="own-month-sales"
        />
        <Figure
          label={t('ui.bakery.panel.projection')}
          value={data ? money(data.projection) : '…'}
          testId="own-projection"
        />
        <Figure
          label={t('ui.bakery.panel.commission')}
          value={data ? money(data.commission) : '…'}
          testId="own-commission"
        />
        <Figure
          label={t('ui.bakery.panel.baskets_lent')}
          value={data ? String(data.baskets_lent) : '…'}
          testId="own-baskets"
        />
      </SimpleGrid>
      {data ? (
        <Text size="sm" c="dimmed">
          {t('ui.bakery.panel.days', { elapsed: data.elapsed_business_days, total: data.business_days })}
        </Text>
      ) : null}
      <OwnBaskets />
      {data ? <DailyChart daily={data.daily} /> : null}
      <a
        href={apiUrl(`/bakery/reports/sales?group=date&from=${month}-01&to=${todayInBogota()}&format=pdf`)}
        download
      >
        {t('ui.bakery.panel.download_own')}
      </a>
    </Stack>
  );
}

/** Admin and semiadmin summary per seller, filtered by month or dates and seller. */
function SummaryView() {
  const { t } = useTranslation();
  const sellers = useSellers();
  const [month, setMonth] = useState(todayInBogota().slice(0, 7));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sellerId, setSellerId] = useState<string | null>(null);
  const query = {
    month: from || to ? undefined : month,
    from: from || undefined,
    to: to || undefined,
    seller_id: sellerId ?? undefined,
  };
  const summary = useQuery({
    queryKey: ['bakery', 'panel', 'summary', query],
    queryFn: ({ signal }) => api.get<Summary>('/bakery/panel/summary', { query, signal }),
  });
  const data = summary.data;
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          type="month"
          label={t('ui.bakery.panel.month')}
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('ui.bakery.panel.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('ui.bakery.panel.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Select
          label={t('ui.bakery.common.seller')}
          data={(sellers.data ?? []).map((s) => ({ value: s.id, label: s.full_name }))}
          value={sellerId}
          onChange={setSellerId}
          clearable
          searchable
        />
      </Group>
      {summary.error ? <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      {data ? (
        <>
          <Text size="sm" c="dimmed">
            {t('ui.bakery.panel.days', { elapsed: data.elapsed_business_days, total: data.business_days })}
          </Text>
          <Card withBorder padding={0}>
            <Table.ScrollContainer minWidth={640}>
              <Table striped data-testid="panel-summary">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ui.bakery.common.seller')}</Table.Th>
                    <Table.Th ta="right">{t('ui.bakery.panel.sales')}</Table.Th>
                    <Table.Th ta="right">{t('ui.bakery.panel.total_sold')}</Table.Th>
                    <Table.Th ta="right">{t('ui.bakery.panel.commission')}</Table.Th>
                    <Table.Th ta="right">{t('ui.bakery.panel.projection')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.sellers.map((s) => (
                    <Table.Tr key={s.seller_id}>
                      <Table.Td>{s.full_name}</Table.Td>
                      <Table.Td ta="right">{s.sales}</Table.Td>
                      <Table.Td ta="right">{money(s.total_sold)}</Table.Td>
                      <Table.Td ta="right">{money(s.commission)}</Table.Td>
                      <Table.Td ta="right">{money(s.projection)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr fw={700}>
                    <Table.Td colSpan={2}>{t('ui.bakery.sales.total')}</Table.Td>
                    <Table.Td ta="right">{money(data.totals.total_sold)}</Table.Td>
                    <Table.Td ta="right">{money(data.totals.commission)}</Table.Td>
                    <Table.Td ta="right">{money(data.totals.projection)}</Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          </Card>
          <DailyChart daily={data.daily} />
        </>
      ) : null}
    </Stack>
  );
}

export default function PanelPage() {
  const { t } = useTranslation();
  const seesSummary = useCan('bakery.panel.summary');
  return (
    <Stack>
      <PageTitle title={t(seesSummary ? 'ui.bakery.panel.title' : 'ui.bakery.panel.own_title')} />
      {seesSummary ? <SummaryView /> : <OwnPanelView />}
    </Stack>
  );
}
