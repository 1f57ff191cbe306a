import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  useMantineTheme,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PageProps } from '../../../app/guards.tsx';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { positiveInt, useUrlParams } from '../../../ui/useUrlParams.ts';
import { drawLabel } from '../sell/draw-label.ts';
import { ScanButton } from './ScanButton.tsx';
import {
  money,
  STATUS_COLOURS,
  TICKET_STATUSES,
  type TicketListItem,
  todaysTicketCode,
  useCurrency,
  useDrawsOf,
  useOperatorZone,
  useTicketList,
} from './tickets.api.ts';

/** The trailing number of a ticket code alone (`0001`, `17`): one of today's tickets. */
const SEQUENCE = /^\d{1,6}$/;

/** What the search box got: a ticket code, a scanned QR (`MTZ1:…`) or a code typed without dashes. */
export function ticketPath(scanned: string): string {
  return `/lottery/tickets/${encodeURIComponent(scanned.trim())}`;
}

export function statusBadge(t: (key: string) => string, status: string) {
  return (
    <Badge color={STATUS_COLOURS[status] ?? 'gray'} variant={status === 'winner' ? 'filled' : 'light'}>
      {t(`ui.lottery.ticket_status.${status}`)}
    </Badge>
  );
}

/** Ticket search: by code, USB scanner (it types and presses Enter), camera, or filters. */
export default function TicketsPage(_props: PageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const currency = useCurrency();
  const zone = useOperatorZone();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useTicketFilters();
  const list = useTicketList(filters);
  const draws = useDrawsOf(filters.date || undefined);
  const open = useCallback((code: string) => navigate(ticketPath(code)), [navigate]);
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, undefined, {
    getInitialValueInEffect: false,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = search.trim();
    if (!text) return;
    // Unresolved, the number opens as typed and the ticket page says why it is not found.
    open(SEQUENCE.test(text) ? ((await todaysTicketCode(text).catch(() => null)) ?? text) : text);
  };

  const code = (r: TicketListItem) => (
    <Link to={ticketPath(r.code)} data-testid="tickets-row-code">
      {r.code}
    </Link>
  );
  const status = (r: TicketListItem) => (
    <span data-testid="tickets-row-status">{statusBadge(t, r.status)}</span>
  );
  const total = (r: TicketListItem) => (
    <span data-testid="tickets-row-total">{money(r.grand_total, currency)}</span>
  );
  const prize = (r: TicketListItem) =>
    r.prize_total > 0 ? (
      <b style={{ color: 'var(--mantine-color-green-8)' }}>{money(r.prize_total, currency)}</b>
    ) : null;
  const columns: Column<TicketListItem>[] = wide
    ? [
        { key: 'code', header: t('ui.lottery.tickets.code'), render: code, nowrap: true },
        {
          key: 'date',
          header: t('ui.lottery.tickets.date'),
          render: (r) => formatDateTime(r.created_at),
          nowrap: true,
        },
        {
          key: 'banca',
          header: t('ui.lottery.tickets.banca'),
          render: (r) => `${r.banca_code} ${r.banca_name}`,
        },
        { key: 'seller', header: t('ui.lottery.tickets.seller'), render: (r) => r.seller_username },
        { key: 'status', header: t('ui.lottery.tickets.status'), render: status },
        { key: 'total', header: t('ui.lottery.tickets.total'), render: total, align: 'right', nowrap: true },
        {
          key: 'prize',
          header: t('ui.lottery.tickets.prize'),
          render: (r) => prize(r) ?? '—',
          align: 'right',
          nowrap: true,
        },
      ]
    : // A phone gets two columns: what the ticket is on the left, its status and money on the right.
      [
        {
          key: 'ticket',
          header: t('ui.lottery.tickets.code'),
          render: (r) => (
            <Stack gap={0}>
              {code(r)}
              <Text size="xs" c="dimmed">
                {formatDateTime(r.created_at)} · {r.banca_code} · {r.seller_username}
              </Text>
            </Stack>
          ),
        },
        {
          key: 'money',
          header: t('ui.lottery.tickets.total'),
          render: (r) => (
            <Stack gap={2} align="flex-end">
              {status(r)}
              {total(r)}
              {prize(r)}
            </Stack>
          ),
          align: 'right',
          nowrap: true,
        },
      ];

  return (
    <Stack gap="sm">
      <PageTitle title={t('ui.lottery.tickets.title')} />
      <Paper withBorder p="sm">
        <form onSubmit={(e) => void submit(e)}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              autoFocus
              flex={1}
              label={t('ui.lottery.tickets.search')}
              placeholder="LAN-20260129-0001"
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              autoComplete="off"
              data-testid="tickets-search"
            />
            <Button type="submit" data-testid="tickets-search-go">
              {t('ui.lottery.tickets.find')}
            </Button>
            <ScanButton onCode={open} />
          </Group>
        </form>
      </Paper>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
        <TextInput
          type="date"
          label={t('ui.lottery.tickets.date')}
          value={filters.date}
          onChange={(e) => setFilters({ date: e.currentTarget.value })}
        />
        <TextInput
          label={t('ui.lottery.tickets.banca')}
          value={filters.banca}
          onChange={(e) => setFilters({ banca: e.currentTarget.value })}
        />
        <TextInput
          label={t('ui.lottery.tickets.seller')}
          value={filters.user}
          onChange={(e) => setFilters({ user: e.currentTarget.value })}
        />
        <Select
          label={t('ui.lottery.tickets.draw')}
          clearable
          searchable
          data={(draws.data?.draws ?? []).map((d) => ({
            value: d.id,
            label: drawLabel(d, zone),
          }))}
          value={filters.draw || null}
          onChange={(v) => setFilters({ draw: v ?? '' })}
        />
        <Select
          label={t('ui.lottery.tickets.status')}
          clearable
          data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`ui.lottery.ticket_status.${s}`) }))}
          value={filters.status || null}
          onChange={(v) => setFilters({ status: v ?? '' })}
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
        page={filters.page}
        pageSize={filters.page_size}
        total={list.data?.total}
        onPageChange={(page) => setFilters({ page })}
        onPageSizeChange={(size) => setFilters({ page_size: size })}
        minWidth={wide ? undefined : 0}
        data-testid="tickets-table"
      />
    </Stack>
  );
}

const FILTER_KEYS = ['date', 'banca', 'user', 'draw', 'status', 'page', 'page_size'] as const;

/** The list filters live in the URL, so a search can be shared or reloaded. */
export function useTicketFilters() {
  const [values, update] = useUrlParams(FILTER_KEYS);
  const query = {
    date: values.date,
    banca: values.banca,
    user: values.user,
    draw: values.draw,
    status: values.status,
    page: positiveInt(values.page, 1),
    page_size: positiveInt(values.page_size, 25),
  };
  return [query, update] as const;
}
