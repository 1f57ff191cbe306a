import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PageProps } from '../../../app/guards.tsx';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { positiveInt, useUrlParams } from '../../../ui/useUrlParams.ts';
import { statusBadge, ticketPath } from './TicketsPage.tsx';
import { money, type TicketListItem, useCurrency, useDrawsOf, useTicketList } from './tickets.api.ts';

const KEYS = ['user', 'date', 'lottery', 'page', 'page_size'] as const;

/** Facturas (spec 000): every sold ticket for the admin, by seller, date and lottery; print and reprint. */
export default function InvoicesPage(_props: PageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const currency = useCurrency();
  const [values, update] = useUrlParams(KEYS);
  const draws = useDrawsOf(values.date || undefined);
  const lotteries = useMemo(() => {
    const byCode = new Map<string, string>();
    for (const d of draws.data?.draws ?? [])
      if (!byCode.has(d.lottery_code)) byCode.set(d.lottery_code, d.id);
    return [...byCode.entries()].map(([code, drawId]) => ({ value: drawId, label: code }));
  }, [draws.data]);
  const page = positiveInt(values.page, 1);
  const pageSize = positiveInt(values.page_size, 25);
  const list = useTicketList({
    user: values.user,
    date: values.date,
    draw: values.lottery,
    page,
    page_size: pageSize,
  });

  // The print page counts the reprint when it prints (every print after the original is one).
  const reprint = (code: string) => navigate(`/lottery/tickets/${code}/print?auto=1`);

  const columns: Column<TicketListItem>[] = [
    {
      key: 'code',
      header: t('ui.lottery.tickets.code'),
      render: (r) => <Link to={ticketPath(r.code)}>{r.code}</Link>,
      nowrap: true,
    },
    {
      key: 'date',
      header: t('ui.lottery.tickets.date'),
      render: (r) => formatDateTime(r.created_at),
      nowrap: true,
    },
    { key: 'seller', header: t('ui.lottery.tickets.seller'), render: (r) => r.seller_username },
    { key: 'banca', header: t('ui.lottery.tickets.banca'), render: (r) => r.banca_name },
    { key: 'lines', header: t('ui.lottery.tickets.lines'), render: (r) => r.total_lines, align: 'right' },
    {
      key: 'total',
      header: t('ui.lottery.tickets.total'),
      render: (r) => money(r.grand_total, currency),
      align: 'right',
      nowrap: true,
    },
    { key: 'status', header: t('ui.lottery.tickets.status'), render: (r) => statusBadge(t, r.status) },
    {
      key: 'actions',
      header: '',
      nowrap: true,
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-xs"
            variant="default"
            component={Link}
            to={`/lottery/tickets/${r.code}/print`}
          >
            {t('ui.lottery.print.print')}
          </Button>
          {r.status !== 'cancelled' ? (
            <Button size="compact-xs" variant="default" onClick={() => void reprint(r.code)}>
              {t('ui.lottery.tickets.reprint')}
            </Button>
          ) : null}
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="sm">
      <PageTitle title={t('ui.lottery.invoices.title')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput
          label={t('ui.lottery.tickets.seller')}
          value={values.user}
          onChange={(e) => update({ user: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('ui.lottery.tickets.date')}
          value={values.date}
          onChange={(e) => update({ date: e.currentTarget.value, lottery: '' })}
        />
        <Select
          label={t('ui.lottery.invoices.lottery')}
          clearable
          searchable
          data={lotteries}
          value={values.lottery || null}
          onChange={(v) => update({ lottery: v ?? '' })}
        />
      </SimpleGrid>
      <DataTable
        columns={columns}
        rows={list.data?.items}
        rowKey={(r) => r.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyText={t('ui.lottery.tickets.empty')}
        page={page}
        pageSize={pageSize}
        total={list.data?.total}
        onPageChange={(p) => update({ page: p })}
        onPageSizeChange={(s) => update({ page_size: s })}
        data-testid="invoices-table"
      />
    </Stack>
  );
}
