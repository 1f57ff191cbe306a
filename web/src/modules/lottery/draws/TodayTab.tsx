import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { DRAW_STATUSES } from '@matriz/shared/lottery/schedule';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { type DrawView, useCatalogMutations, useDraws } from '../catalog.api.ts';
import { formatCountdown, timeIn, useNow } from '../common/time.ts';

const STATUS_COLOURS: Record<string, string> = {
  scheduled: 'gray',
  open: 'green',
  closed: 'orange',
  resulted: 'blue',
  settled: 'violet',
};

/** What the filter compares: upper case without accents, so "loteria" finds LOTERÍA REAL. */
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

interface TodayTabProps {
  canManage: boolean;
  operatorZone: string;
  date: string;
  status: string;
  search: string;
  onFilter: (patch: { date?: string; status?: string; search?: string }) => void;
}

/** The draws of a business day with a live countdown to each close, by the server's clock. */
export function TodayTab({ canManage, operatorZone, date, status, search, onFilter }: TodayTabProps) {
  const { t } = useTranslation();
  const draws = useDraws({ date: date || undefined, status: status || undefined });
  const now = useNow();
  const [acting, setActing] = useState<{ draw: DrawView; action: 'close' | 'reopen' } | null>(null);
  // The server's clock decides; the browser only counts down from the offset it reported.
  const skew = useMemo(
    () => (draws.data ? Date.parse(draws.data.server_time) - draws.dataUpdatedAt : 0),
    [draws.data, draws.dataUpdatedAt],
  );
  const serverNow = now + skew;
  const needle = plain(search.trim());
  const rows = draws.data?.draws.filter(
    (d) => !needle || plain(d.lottery_code).includes(needle) || plain(d.lottery_name).includes(needle),
  );

  const columns: Column<DrawView>[] = [
    {
      key: 'lottery',
      header: t('ui.lottery.draws.lottery'),
      render: (d) => (
        <>
          <Text size="sm" fw={600} lh={1.3}>
            {d.lottery_name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" lh={1.3}>
            {d.lottery_code}
          </Text>
          {d.lottery_active === false ? (
            <Badge
              size="xs"
              color="gray"
              variant="outline"
              tt="none"
              data-testid={`draw-lottery-inactive-${d.lottery_code}-${d.draw_time}`}
            >
              {t('ui.lottery.draws.lottery_inactive')}
            </Badge>
          ) : null}
        </>
      ),
    },
    {
      key: 'format',
      header: t('ui.lottery.draws.format'),
      render: (d) => t(`ui.lottery.result_formats.${d.result_format}`),
      nowrap: true,
    },
    {
      key: 'local',
      header: t('ui.lottery.draws.local_time'),
      render: (d) => (
        <Text size="sm" title={d.time_zone}>
          {d.draw_time}{' '}
          <Text span size="xs" c="dimmed">
            {d.time_zone.split('/').pop()?.replace('_', ' ')}
          </Text>
        </Text>
      ),
      nowrap: true,
    },
    {
      key: 'close',
      header: t('ui.lottery.draws.close_at'),
      render: (d) => timeIn(d.close_at, operatorZone),
      nowrap: true,
      align: 'right',
    },
    {
      key: 'draw',
      header: t('ui.lottery.draws.draw_at'),
      render: (d) => timeIn(d.draw_at, operatorZone),
      nowrap: true,
      align: 'right',
    },
    {
      key: 'countdown',
      header: t('ui.lottery.draws.closes_in'),
      render: (d) => {
        const left = Date.parse(d.close_at) - serverNow;
        const status = d.status === 'open' && left <= 0 ? 'closed' : d.status;
        if (status !== 'open')
          return (
            <Text size="sm" c="dimmed">
              —
            </Text>
          );
        return (
          <Text
            size="sm"
            ff="monospace"
            c={left < 10 * 60_000 ? 'red' : undefined}
            fw={left < 10 * 60_000 ? 700 : undefined}
          >
            {formatCountdown(left)}
          </Text>
        );
      },
      nowrap: true,
      align: 'right',
    },
    {
      key: 'status',
      header: t('ui.lottery.common.status'),
      render: (d) => {
        const status = d.status === 'open' && Date.parse(d.close_at) <= serverNow ? 'closed' : d.status;
        return (
          <Badge
            size="sm"
            variant="light"
            color={STATUS_COLOURS[status]}
            tt="none"
            data-testid={`draw-status-${d.lottery_code}-${d.draw_time}`}
          >
            {t(`ui.lottery.draw_status.${status}`)}
          </Badge>
        );
      },
      nowrap: true,
    },
    {
      key: 'actions',
      header: t('ui.common.actions'),
      nowrap: true,
      render: (d) => {
        // Nothing to close or reopen while the lottery itself is switched off.
        if (d.lottery_active === false) return null;
        const closedNow =
          d.status === 'closed' || (d.status === 'open' && Date.parse(d.close_at) <= serverNow);
        if (d.status === 'open' && !closedNow) {
          return (
            <Button
              size="compact-xs"
              variant="light"
              color="orange"
              disabled={!canManage}
              onClick={() => setActing({ draw: d, action: 'close' })}
            >
              {t('ui.lottery.draws.close_early')}
            </Button>
          );
        }
        if (closedNow && Date.parse(d.draw_at) > serverNow) {
          return (
            <Button
              size="compact-xs"
              variant="light"
              color="green"
              disabled={!canManage}
              onClick={() => setActing({ draw: d, action: 'reopen' })}
            >
              {t('ui.lottery.draws.reopen')}
            </Button>
          );
        }
        return null;
      },
    },
  ];

  return (
    <>
      <Paper withBorder p="xs" mb="sm">
        <SimpleGrid cols={{ base: 1, xs: 3, md: 4 }} spacing="xs">
          <TextInput
            type="date"
            size="sm"
            aria-label={t('ui.lottery.draws.date')}
            value={date}
            onChange={(e) => onFilter({ date: e.currentTarget.value })}
            data-testid="draws-filter-date"
          />
          <Select
            size="sm"
            aria-label={t('ui.lottery.common.status')}
            data={[
              { value: '', label: t('ui.lottery.common.all_statuses') },
              ...DRAW_STATUSES.map((s) => ({ value: s, label: t(`ui.lottery.draw_status.${s}`) })),
            ]}
            value={status}
            onChange={(value) => onFilter({ status: value ?? '' })}
            allowDeselect={false}
            data-testid="draws-filter-status"
          />
          <TextInput
            size="sm"
            type="search"
            placeholder={t('ui.lottery.draws.search')}
            value={search}
            onChange={(e) => onFilter({ search: e.currentTarget.value })}
            data-testid="draws-filter-q"
          />
          <Text size="xs" c="dimmed" style={{ alignSelf: 'center' }}>
            {t('ui.lottery.draws.count', { count: rows?.length ?? 0 })} ·{' '}
            {t('ui.lottery.draws.times_in', { zone: operatorZone })}
          </Text>
        </SimpleGrid>
      </Paper>
      <DataTable
        data-testid="draws-table"
        columns={columns}
        rows={rows}
        rowKey={(d) => d.id}
        loading={draws.isFetching}
        error={draws.error}
        onRetry={() => void draws.refetch()}
        emptyText={t('ui.lottery.draws.empty')}
        minWidth={1000}
      />
      {acting ? <DrawActionModal {...acting} onClose={() => setActing(null)} /> : null}
    </>
  );
}

function DrawActionModal({
  draw,
  action,
  onClose,
}: {
  draw: DrawView;
  action: 'close' | 'reopen';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutations = useCatalogMutations();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = `${draw.lottery_code} ${draw.draw_time}`;
  const submit = async () => {
    if (reason.trim().length < 3) {
      setError(t('ui.lottery.draws.reason_rule'));
      return;
    }
    setBusy(true);
    try {
      if (action === 'close') await mutations.closeDraw(draw.id, reason.trim());
      else await mutations.reopenDraw(draw.id, reason.trim());
      notifySuccess(
        t(action === 'close' ? 'ui.lottery.draws.closed_done' : 'ui.lottery.draws.reopened_done', { label }),
      );
      onClose();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(action === 'close' ? 'ui.lottery.draws.close_title' : 'ui.lottery.draws.reopen_title', {
        label,
      })}
    >
      <Stack gap="sm">
        <Text size="sm">
          {t(action === 'close' ? 'ui.lottery.draws.close_message' : 'ui.lottery.draws.reopen_message')}
        </Text>
        <TextInput
          label={t('ui.lottery.draws.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
          data-testid="draw-reason"
        />
        {error ? (
          <Text c="red" size="sm">
            {error}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button
            color={action === 'close' ? 'orange' : 'green'}
            loading={busy}
            onClick={() => void submit()}
            data-testid="draw-action-confirm"
          >
            {t(action === 'close' ? 'ui.lottery.draws.close_early' : 'ui.lottery.draws.reopen')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
