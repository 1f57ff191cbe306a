import { BarChart } from '@mantine/charts';
import { Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRealtime } from '../../../app/realtime.ts';
import { useCan } from '../../../app/session.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { formatCountdown, useNow } from '../common/time.ts';
import { COLOUR_STYLE } from '../risk/BoardTab.tsx';
import { type DashboardView, useDashboard } from '../risk/risk.api.ts';
import { useLiveRefetch } from '../risk/useLiveRefetch.ts';

const money = (value: number) =>
  value.toLocaleString('es-DO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function Metric({
  label,
  metric,
  isMoney,
  testId,
}: {
  label: string;
  metric: DashboardView['metrics']['sales'];
  isMoney: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const change = metric.change;
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {isMoney ? money(metric.today) : metric.today}
      </Text>
      <Text size="xs" c={change === null ? 'dimmed' : change >= 0 ? 'green' : 'red'}>
        {change === null
          ? t('ui.lottery.dashboard.no_yesterday')
          : `${change >= 0 ? '↑' : '↓'} ${Math.abs(change)} % ${t('ui.lottery.dashboard.vs_yesterday')}`}
      </Text>
    </Paper>
  );
}

/** /lottery/dashboard: the day for a banca, a zone or the network, live. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const network = useCan('lottery.network.manage');
  const risk = useCan('lottery.risk.read');
  const canSell = useCan('lottery.ticket.sell');
  const canBlock = useCan('lottery.limits.manage');
  const [scope, setScope] = useState<string | undefined>(undefined);
  const query = useDashboard(scope ? { scope } : {});
  useLiveRefetch(null, () => void query.refetch(), 500);
  useRealtime('lottery.anomaly.created', () => void query.refetch());
  const now = useNow();
  const data = query.data;
  const scopes = [
    ...(canSell || risk ? [{ value: 'banca', label: t('ui.lottery.dashboard.scope_banca') }] : []),
    ...(risk ? [{ value: 'zone', label: t('ui.lottery.dashboard.scope_zone') }] : []),
    ...(network ? [{ value: 'network', label: t('ui.lottery.dashboard.scope_network') }] : []),
  ];
  const skew = data ? Date.parse(data.server_time) - Date.now() : 0;
  return (
    <>
      <PageTitle
        title={t('ui.lottery.dashboard.title')}
        subtitle={data?.name ?? (data ? t(`ui.lottery.dashboard.scope_${data.scope}`) : undefined)}
        actions={
          scopes.length > 1 ? (
            <SegmentedControl
              data={scopes}
              value={scope ?? data?.scope ?? scopes[0].value}
              onChange={setScope}
            />
          ) : undefined
        }
      />
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!data ? (
        query.isLoading ? (
          <PageLoader />
        ) : null
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Metric
              label={t('ui.lottery.dashboard.sales')}
              metric={data.metrics.sales}
              isMoney
              testId="metric-sales"
            />
            <Metric
              label={t('ui.lottery.dashboard.tickets')}
              metric={data.metrics.tickets}
              isMoney={false}
              testId="metric-tickets"
            />
            <Metric
              label={t('ui.lottery.dashboard.prizes')}
              metric={data.metrics.prizes}
              isMoney
              testId="metric-prizes"
            />
            <Metric
              label={t('ui.lottery.dashboard.balance')}
              metric={data.metrics.balance}
              isMoney
              testId="metric-balance"
            />
          </SimpleGrid>
          <Paper withBorder p="sm">
            <Title order={5} mb="xs">
              {t('ui.lottery.dashboard.by_hour')}
            </Title>
            <BarChart
              h={180}
              data={data.sales_by_hour.filter((h) => h.hour >= 6).map((h) => ({ ...h, hour: `${h.hour}h` }))}
              dataKey="hour"
              series={[
                { name: 'yesterday', label: t('ui.lottery.dashboard.yesterday'), color: 'gray.4' },
                { name: 'today', label: t('ui.lottery.dashboard.today'), color: 'blue.6' },
              ]}
              withLegend
            />
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Paper withBorder p="sm">
              <Title order={5} mb="xs">
                {t('ui.lottery.dashboard.next_draws')}
              </Title>
              <Stack gap={4}>
                {data.next_draws.map((d) => (
                  <Group key={d.id} justify="space-between">
                    <Text size="sm">
                      {d.lottery_name} {d.draw_time.slice(0, 5)}
                    </Text>
                    <Text size="sm" fw={600}>
                      {formatCountdown(Date.parse(d.close_at) - (now + skew)) ||
                        t('ui.lottery.dashboard.closed')}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Paper>
            <Paper withBorder p="sm">
              <Title order={5} mb="xs">
                {t('ui.lottery.dashboard.hot_numbers')}
              </Title>
              <Stack gap={4}>
                {data.hot_numbers.length === 0 ? <Text c="dimmed">{t('ui.lottery.risk.none')}</Text> : null}
                {data.hot_numbers.map((h, i) => (
                  <Group key={`${h.draw_id}${h.number}`} justify="space-between">
                    <Text size="sm">
                      {i + 1}.{' '}
                      <Badge
                        style={{ background: COLOUR_STYLE[h.colour].bg, color: COLOUR_STYLE[h.colour].fg }}
                      >
                        {h.number}
                      </Badge>{' '}
                      {h.lottery_code}
                    </Text>
                    <Text size="sm">
                      {money(h.sold)} {h.share !== null ? `(${h.share} %)` : ''}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Paper>
            <Paper withBorder p="sm">
              <Title order={5} mb="xs">
                {t('ui.lottery.dashboard.alerts')}
              </Title>
              <Stack gap={4}>
                {data.alerts.length === 0 ? <Text c="dimmed">{t('ui.lottery.risk.none')}</Text> : null}
                {data.alerts.map((a) => (
                  <Text key={a.id} size="sm">
                    • {t(`ui.lottery.risk.kind_${a.kind}`, a.kind)} — {a.entity_id}
                  </Text>
                ))}
              </Stack>
            </Paper>
          </SimpleGrid>
          <Group>
            {canSell ? (
              <Button component={Link} to="/lottery/sell">
                {t('ui.lottery.dashboard.create_ticket')}
              </Button>
            ) : null}
            <Button component={Link} to="/lottery/tickets" variant="light">
              {t('ui.lottery.dashboard.view_sales')}
            </Button>
            {canBlock ? (
              <Button component={Link} to="/lottery/limits?tab=blocks" variant="light" color="dark">
                {t('ui.lottery.dashboard.block_number')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      )}
    </>
  );
}
