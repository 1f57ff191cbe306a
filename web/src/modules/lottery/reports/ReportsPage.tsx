import { BarChart, LineChart } from '@mantine/charts';
import {
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ChartsView, ReportKind, ReportView } from '@matriz/shared/api/lottery-money';
import { REPORT_KINDS } from '@matriz/shared/api/lottery-money';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../../app/api.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';

/** Dates in the browser's time zone: toISOString is UTC, already tomorrow from 20:00 in Santo Domingo. */
const localDate = (at: Date) => at.toLocaleDateString('en-CA');
const today = () => localDate(new Date());
const monthAgo = () => localDate(new Date(Date.now() - 29 * 86_400_000));

function cell(value: string | number | null | undefined, kind: string, symbol: string) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (kind === 'money')
    return `${value < 0 ? '-' : ''}${symbol}${Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (kind === 'percent') return `${value.toFixed(2)} %`;
  return value.toLocaleString('en-US');
}

function ReportTable() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ReportKind>('daily-sales');
  const [from, setFrom] = useState(monthAgo());
  const [to, setTo] = useState(today());
  const [bancaId, setBancaId] = useState<string | null>(null);
  const [period, setPeriod] = useState<string | null>('day');
  const [page, setPage] = useState(1);
  const bancas = useQuery({
    queryKey: ['lottery', 'bancas', 'all'],
    queryFn: () =>
      api.get<{ items: { id: string; code: string; name: string }[] }>('/lottery/bancas', {
        query: { page_size: 500 },
      }),
  });
  const query = {
    from,
    to,
    banca_id: bancaId ?? undefined,
    period: kind === 'pnl' ? (period ?? undefined) : undefined,
  };
  const report = useQuery({
    queryKey: ['lottery', 'reports', kind, query, page],
    queryFn: () =>
      api.get<ReportView>(`/lottery/reports/${kind}`, { query: { ...query, page, page_size: 100 } }),
    placeholderData: keepPreviousData,
  });
  const data = report.data;
  const exportUrl = (format: 'xlsx' | 'pdf') =>
    downloadUrl(`/lottery/reports/${kind}/export/${format}`, query);
  return (
    <Stack gap="sm">
      <Group align="end" wrap="wrap" className="no-print">
        <Select
          label={t('ui.lottery.reports.kind')}
          data={REPORT_KINDS.map((k) => ({ value: k, label: t(`ui.lottery.reports.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => {
            setKind((v ?? 'daily-sales') as ReportKind);
            setPage(1);
          }}
          w={260}
          allowDeselect={false}
          data-testid="report-kind"
        />
        <TextInput
          type="date"
          label={t('ui.lottery.reports.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('ui.lottery.reports.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Select
          label={t('ui.lottery.reports.banca')}
          placeholder={t('ui.lottery.reports.any')}
          clearable
          searchable
          data={(bancas.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.code} ${b.name}` }))}
          value={bancaId}
          onChange={setBancaId}
          w={220}
        />
        {kind === 'pnl' && (
          <Select
            label={t('ui.lottery.reports.period')}
            data={['day', 'week', 'month'].map((p) => ({
              value: p,
              label: t(`ui.lottery.reports.period_${p}`),
            }))}
            value={period}
            onChange={setPeriod}
            w={140}
          />
        )}
        <Button component="a" href={exportUrl('xlsx')} variant="light" data-testid="report-export-xlsx">
          {t('ui.lottery.reports.excel')}
        </Button>
        <Button component="a" href={exportUrl('pdf')} variant="light" data-testid="report-export-pdf">
          {t('ui.lottery.reports.pdf')}
        </Button>
        <Button variant="subtle" onClick={() => window.print()}>
          {t('ui.lottery.reports.print')}
        </Button>
      </Group>
      {report.error ? <ErrorAlert error={report.error} onRetry={() => report.refetch()} /> : null}
      {data && (
        <Paper withBorder p="sm">
          <Title order={4} data-testid="report-title">
            {data.title}
          </Title>
          <Text size="sm" c="dimmed">
            {data.subtitle} · {t('ui.lottery.reports.rows', { count: data.total })}
          </Text>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover fz="sm" data-testid="report-table">
              <Table.Thead>
                <Table.Tr>
                  {data.columns.map((c) => (
                    <Table.Th key={c.key} ta={c.kind === 'text' ? 'left' : 'right'}>
                      {c.header}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={data.columns.length}>{t('ui.lottery.reports.empty')}</Table.Td>
                  </Table.Tr>
                )}
                {data.rows.map((row) => (
                  <Table.Tr key={data.columns.map((c) => String(row[c.key] ?? '')).join('|')}>
                    {data.columns.map((c) => (
                      <Table.Td key={c.key} ta={c.kind === 'text' ? 'left' : 'right'}>
                        {cell(row[c.key], c.kind, data.currency_symbol)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  {data.columns.map((c, i) => (
                    <Table.Td key={c.key} ta={c.kind === 'text' ? 'left' : 'right'}>
                      {i === 0
                        ? t('ui.lottery.reports.totals')
                        : cell(data.totals[c.key], c.kind, data.currency_symbol)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          {data.total > data.page_size && (
            <Group justify="center" mt="sm" className="no-print">
              <Button variant="subtle" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                ‹
              </Button>
              <Text size="sm">
                {page} / {Math.ceil(data.total / data.page_size)}
              </Text>
              <Button
                variant="subtle"
                disabled={page * data.page_size >= data.total}
                onClick={() => setPage(page + 1)}
              >
                ›
              </Button>
            </Group>
          )}
        </Paper>
      )}
    </Stack>
  );
}

function Charts() {
  const { t } = useTranslation();
  const charts = useQuery({
    queryKey: ['lottery', 'reports', 'charts'],
    queryFn: () => api.get<ChartsView>('/lottery/reports/charts'),
  });
  if (charts.error) return <ErrorAlert error={charts.error} onRetry={() => charts.refetch()} />;
  const c = charts.data;
  if (!c) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="report-charts">
      <Paper withBorder p="sm">
        <Title order={5}>{t('ui.lottery.reports.per_hour')}</Title>
        <LineChart
          h={240}
          data={c.sales_per_hour}
          dataKey="hour"
          series={[
            { name: 'today', label: t('ui.lottery.reports.today'), color: 'blue.6' },
            { name: 'yesterday', label: t('ui.lottery.reports.yesterday'), color: 'gray.5' },
          ]}
          withLegend
        />
      </Paper>
      <Paper withBorder p="sm">
        <Title order={5}>{t('ui.lottery.reports.by_lottery')}</Title>
        <BarChart
          h={240}
          data={c.sales_by_lottery}
          dataKey="lottery"
          series={[{ name: 'sales', color: 'teal.6' }]}
        />
      </Paper>
      <Paper withBorder p="sm">
        <Title order={5}>{t('ui.lottery.reports.ratio_trend')}</Title>
        <LineChart
          h={240}
          data={c.prize_ratio}
          dataKey="date"
          series={[{ name: 'ratio', color: 'red.6' }]}
          unit=" %"
        />
      </Paper>
      <Paper withBorder p="sm">
        <Title order={5}>{t('ui.lottery.reports.top_numbers')}</Title>
        <BarChart
          h={240}
          data={c.top_numbers}
          dataKey="number"
          series={[
            { name: 'sales', color: 'indigo.6' },
            { name: 'exposure', color: 'orange.6' },
          ]}
        />
      </Paper>
    </SimpleGrid>
  );
}

export default function ReportsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle title={t('ui.lottery.reports.title')} subtitle={t('ui.lottery.reports.subtitle')} />
      <Tabs defaultValue="tables" keepMounted={false}>
        <Tabs.List className="no-print">
          <Tabs.Tab value="tables">{t('ui.lottery.reports.tables')}</Tabs.Tab>
          <Tabs.Tab value="charts" data-testid="reports-tab-charts">
            {t('ui.lottery.reports.charts')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tables" pt="sm">
          <ReportTable />
        </Tabs.Panel>
        <Tabs.Panel value="charts" pt="sm">
          <Charts />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
