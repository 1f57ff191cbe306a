import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { RESULT_FORMATS } from '@matriz/shared/lottery/games';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { type LotteryView, useCatalogMutations, useLotteries, useOptions } from '../catalog.api.ts';
import { ListFilters } from '../common/ListFilters.tsx';
import { ActiveBadge, RecordActions } from '../common/RecordActions.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { ScheduleModal } from './ScheduleModal.tsx';

export function LotteriesTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const list = usePagedList('lotteries', ['format']);
  const lotteries = useLotteries({ ...list.query, result_format: list.get('format') || undefined });
  const all = useOptions<LotteryView>('/lottery/lotteries');
  const [editing, setEditing] = useState<LotteryView | 'new' | null>(null);
  const [scheduling, setScheduling] = useState<LotteryView | null>(null);
  const nameOf = (id: string | null) => all.data?.find((l) => l.id === id)?.code ?? '—';

  const columns: Column<LotteryView>[] = [
    {
      key: 'code',
      header: t('ui.lottery.fields.code'),
      // Code and zone stay on one line, cut short (whole in the tooltip) so the actions fit 1366 px.
      render: (l) => (
        <Text ff="monospace" fw={600} size="sm" truncate maw={110} title={l.code}>
          {l.code}
        </Text>
      ),
      nowrap: true,
    },
    { key: 'name', header: t('ui.lottery.fields.name'), render: (l) => l.name },
    { key: 'country', header: t('ui.lottery.lotteries.country'), render: (l) => l.country, nowrap: true },
    {
      key: 'zone',
      header: t('ui.lottery.lotteries.time_zone'),
      render: (l) => (
        <Text size="sm" truncate maw={175} title={l.time_zone}>
          {l.time_zone}
        </Text>
      ),
      nowrap: true,
    },
    {
      key: 'format',
      header: t('ui.lottery.draws.format'),
      render: (l) =>
        l.result_format === 'composite'
          ? `${t('ui.lottery.result_formats.composite')} (${nameOf(l.source_a_id)} + ${nameOf(l.source_b_id)})`
          : t(`ui.lottery.result_formats.${l.result_format}`),
    },
    {
      key: 'week',
      // "Sorteos/semana" may break after the slash.
      header: t('ui.lottery.lotteries.draws_per_week').replace('/', '/\u200b'),
      render: (l) => l.draws_per_week,
      align: 'right',
    },
    {
      key: 'active',
      header: t('ui.lottery.common.status'),
      render: (l) => <ActiveBadge active={l.active} />,
      nowrap: true,
    },
    {
      key: 'actions',
      header: t('ui.common.actions'),
      nowrap: true,
      render: (l) => (
        <RecordActions path="lotteries" id={l.id} label={l.code} active={l.active} canManage={canManage}>
          <Button
            size="compact-xs"
            variant="light"
            disabled={!canManage}
            onClick={() => setEditing(l)}
            data-testid={`lottery-edit-${l.code}`}
          >
            {t('ui.common.edit')}
          </Button>
          <Button
            size="compact-xs"
            variant="light"
            color="grape"
            disabled={!canManage}
            onClick={() => setScheduling(l)}
            data-testid={`schedule-${l.code}`}
          >
            {t('ui.lottery.lotteries.schedule')}
          </Button>
        </RecordActions>
      ),
    },
  ];

  return (
    <>
      <Group justify="flex-end" mb="xs">
        <Button
          size="sm"
          disabled={!canManage}
          onClick={() => setEditing('new')}
          data-testid="lottery-create"
        >
          {t('ui.lottery.lotteries.create')}
        </Button>
      </Group>
      <ListFilters q={list.get('q')} active={list.get('active')} onChange={list.set} testId="lotteries">
        <Select
          size="sm"
          aria-label={t('ui.lottery.draws.format')}
          data={[
            { value: '', label: t('ui.lottery.lotteries.all_formats') },
            ...RESULT_FORMATS.map((f) => ({ value: f, label: t(`ui.lottery.result_formats.${f}`) })),
          ]}
          value={list.get('format')}
          onChange={(value) => list.set({ format: value })}
          allowDeselect={false}
        />
      </ListFilters>
      <DataTable
        data-testid="lotteries-table"
        columns={columns}
        rows={lotteries.data?.items}
        rowKey={(l) => l.id}
        loading={lotteries.isFetching}
        error={lotteries.error}
        onRetry={() => void lotteries.refetch()}
        minWidth={960}
        {...list.paging(lotteries.data?.total)}
      />
      {editing ? (
        <LotteryFormModal
          lottery={editing === 'new' ? null : editing}
          all={all.data ?? []}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {scheduling ? <ScheduleModal lottery={scheduling} onClose={() => setScheduling(null)} /> : null}
    </>
  );
}

function LotteryFormModal({
  lottery,
  all,
  onClose,
}: {
  lottery: LotteryView | null;
  all: LotteryView[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { save } = useCatalogMutations();
  const [form, setForm] = useState({
    code: lottery?.code ?? '',
    name: lottery?.name ?? '',
    country: lottery?.country ?? 'DO',
    time_zone: lottery?.time_zone ?? 'America/Santo_Domingo',
    result_format: lottery?.result_format ?? 'quiniela',
    source_a_id: lottery?.source_a_id ?? null,
    source_b_id: lottery?.source_b_id ?? null,
    sort_order: lottery?.sort_order ?? 0,
  });
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const composite = form.result_format === 'composite';
  const sources = all
    .filter((l) => l.result_format === 'quiniela' && l.id !== lottery?.id)
    .map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = composite ? form : { ...form, source_a_id: null, source_b_id: null };
    try {
      await save.mutateAsync({ path: 'lotteries', id: lottery?.id, body });
      notifySuccess(t('ui.lottery.common.saved', { label: form.code.trim().toUpperCase() }));
      onClose();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={lottery ? t('ui.lottery.lotteries.edit') : t('ui.lottery.lotteries.create')}
    >
      <form onSubmit={submit} noValidate data-testid="lottery-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('ui.lottery.fields.code')}
              value={form.code}
              onChange={(e) => set({ code: e.currentTarget.value })}
              required
            />
            <TextInput
              label={t('ui.lottery.fields.name')}
              value={form.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              required
            />
            <TextInput
              label={t('ui.lottery.lotteries.country')}
              maxLength={2}
              value={form.country}
              onChange={(e) => set({ country: e.currentTarget.value })}
            />
            <TextInput
              label={t('ui.lottery.lotteries.time_zone')}
              value={form.time_zone}
              onChange={(e) => set({ time_zone: e.currentTarget.value })}
              description="America/New_York"
              data-testid="lottery-time-zone"
            />
            <Select
              label={t('ui.lottery.draws.format')}
              data={RESULT_FORMATS.map((f) => ({ value: f, label: t(`ui.lottery.result_formats.${f}`) }))}
              value={form.result_format}
              onChange={(value) => value && set({ result_format: value as typeof form.result_format })}
              allowDeselect={false}
              data-testid="lottery-format"
            />
            <NumberInput
              label={t('ui.lottery.lotteries.sort_order')}
              min={0}
              value={form.sort_order}
              onChange={(value) => set({ sort_order: Number(value) || 0 })}
            />
            {composite ? (
              <>
                <Select
                  label={t('ui.lottery.lotteries.source_a')}
                  searchable
                  data={sources}
                  value={form.source_a_id}
                  onChange={(value) => set({ source_a_id: value })}
                />
                <Select
                  label={t('ui.lottery.lotteries.source_b')}
                  searchable
                  data={sources}
                  value={form.source_b_id}
                  onChange={(value) => set({ source_b_id: value })}
                />
              </>
            ) : null}
          </SimpleGrid>
          {error ? (
            <Text c="red" size="sm" data-testid="lottery-error">
              {error}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="lottery-save">
              {t('ui.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
