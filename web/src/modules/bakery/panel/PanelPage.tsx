import { BarChart } from '@mantine/charts';
import { Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { money, todayInBogota, useSellers } from '../bakery.api.ts';
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

/** One figure per card, a card per row on phones: a month's sales in pesos needs the whole width. */
function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

const FIGURE_COLUMNS = { base: 1, xs: 2, lg: 4 };

/** The axis says "$6,5 M": full amounts do not fit its width; the tooltip gives them to the cent. */
function axisAmount(language: string) {
  const format = new Intl.NumberFormat(language === 'en' ? 'en-US' : 'es-CO', {
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return (value: number) => `$${format.format(value)}`;
}

function DailyChart({ daily }: { daily: Daily[] }) {
  const { i18n } = useTranslation();
  return (
    <BarChart
      h={220}
      data={daily}
      dataKey="date"
      series={[{ name: 'total_sold', color: 'orange.6' }]}
      valueFormatter={money}
      yAxisProps={{ tickFormatter: axisAmount(i18n.language), width: 64 }}
      data-testid="panel-chart"
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
      <SimpleGrid cols={FIGURE_COLUMNS} data-testid="own-figures">
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
        href={downloadUrl('/bakery/reports/sales', {
          group: 'date',
          from: `${month}-01`,
          to: todayInBogota(),
          format: 'pdf',
        })}
        download
      >
        {t('ui.bakery.panel.download_own')}
      </a>
    </Stack>
  );
}

function Amount({ label, value }: { label: string; value: number }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="panel-amount">
        {money(value)}
      </Text>
    </Group>
  );
}

/** On a phone a card per seller replaces the table: every amount whole, no sideways scrolling. */
function SellerCards({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const amounts = (row: Pick<Summary['totals'], 'total_sold' | 'commission' | 'projection'>) => (
    <>
      <Amount label={t('ui.bakery.panel.total_sold')} value={row.total_sold} />
      <Amount label={t('ui.bakery.panel.commission')} value={row.commission} />
      <Amount label={t('ui.bakery.panel.projection')} value={row.projection} />
    </>
  );
  return (
    <Stack gap="xs" data-testid="panel-summary-cards">
      {summary.sellers.map((s) => (
        <Card key={s.seller_id} withBorder padding="xs">
          <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
            <Text fw={600} size="sm" style={{ minWidth: 0 }} truncate>
              {s.full_name}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('ui.bakery.panel.sales')}: {s.sales}
            </Text>
          </Group>
          {amounts(s)}
        </Card>
      ))}
      <Card withBorder padding="xs" bg="var(--mantine-color-default-hover)">
        <Text fw={700} size="sm" mb={4}>
          {t('ui.bakery.sales.total')}
        </Text>
        {amounts(summary.totals)}
      </Card>
    </Stack>
  );
}

/** Admin and semiadmin summary per seller, filtered by month or dates and seller. */
function SummaryView() {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 36em)');
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
          {narrow ? (
            <SellerCards summary={data} />
          ) : (
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
          )}
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
