import { Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import {
  type BancaView,
  type CommissionSchemeView,
  type LotteryView,
  useCatalogMutations,
  useCommissionScheme,
  useOptions,
} from '../catalog.api.ts';

type Entry = CommissionSchemeView['entries'][number];

/** Commission per bet type for a banca (or every banca), optionally for one lottery. */
export function CommissionsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const bancas = useOptions<BancaView>('/lottery/bancas');
  const lotteries = useOptions<LotteryView>('/lottery/lotteries');
  const [bancaId, setBancaId] = useState<string>('');
  const [lotteryId, setLotteryId] = useState<string>('');
  const scheme = useCommissionScheme(bancaId || null, lotteryId || null);
  const mutations = useCatalogMutations();
  const [edits, setEdits] = useState<Record<string, number | string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (scheme.data)
      setEdits(Object.fromEntries(scheme.data.entries.map((e) => [e.bet_type, e.percent ?? ''])));
  }, [scheme.data]);

  const save = async () => {
    setBusy(true);
    try {
      const entries = Object.entries(edits)
        .filter(([, value]) => value !== '')
        .map(([bet_type, value]) => ({ bet_type, percent: Number(value) }));
      await mutations.putCommissions({ banca_id: bancaId || null, lottery_id: lotteryId || null, entries });
      notifySuccess(t('ui.lottery.commissions.saved'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<Entry>[] = [
    {
      key: 'bet',
      header: t('ui.lottery.prizes.bet_type'),
      render: (e) => (
        <Text ff="monospace" size="sm">
          {e.bet_type}
        </Text>
      ),
      nowrap: true,
    },
    {
      key: 'percent',
      header: t('ui.lottery.commissions.rate'),
      render: (e) => (
        <NumberInput
          size="xs"
          w={110}
          min={0}
          max={100}
          decimalScale={2}
          suffix=" %"
          placeholder={t('ui.lottery.prizes.inherited')}
          disabled={!canManage}
          value={edits[e.bet_type] ?? ''}
          onChange={(value) => setEdits((all) => ({ ...all, [e.bet_type]: value }))}
          data-testid={`commission-${e.bet_type}`}
        />
      ),
    },
    {
      key: 'effective',
      header: t('ui.lottery.prizes.effective'),
      render: (e) => `${e.effective_percent} %`,
      align: 'right',
      nowrap: true,
    },
    {
      key: 'source',
      header: t('ui.lottery.prizes.source'),
      render: (e) => (
        <Badge size="sm" variant="light" tt="none">
          {t(`ui.lottery.commission_sources.${e.source}`)}
        </Badge>
      ),
      nowrap: true,
    },
  ];

  return (
    <>
      <Paper withBorder p="xs" mb="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
          <Select
            size="sm"
            searchable
            aria-label={t('ui.lottery.people.banca')}
            data={[
              { value: '', label: t('ui.lottery.commissions.all_bancas') },
              ...(bancas.data ?? []).map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` })),
            ]}
            value={bancaId}
            onChange={(value) => setBancaId(value ?? '')}
            allowDeselect={false}
            data-testid="commissions-banca"
          />
          <Select
            size="sm"
            searchable
            aria-label={t('ui.lottery.draws.lottery')}
            data={[
              { value: '', label: t('ui.lottery.commissions.all_lotteries') },
              ...(lotteries.data ?? []).map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` })),
            ]}
            value={lotteryId}
            onChange={(value) => setLotteryId(value ?? '')}
            allowDeselect={false}
          />
          <Text size="xs" c="dimmed" style={{ alignSelf: 'center' }}>
            {t('ui.lottery.commissions.precedence')}
          </Text>
          <Group justify="flex-end">
            <Button
              size="sm"
              disabled={!canManage || !scheme.data}
              loading={busy}
              onClick={() => void save()}
              data-testid="commissions-save"
            >
              {t('ui.common.save')}
            </Button>
          </Group>
        </SimpleGrid>
      </Paper>
      <DataTable
        data-testid="commissions-table"
        columns={columns}
        rows={scheme.data?.entries}
        rowKey={(e) => e.bet_type}
        loading={scheme.isFetching}
        error={scheme.error}
        onRetry={() => void scheme.refetch()}
        minWidth={700}
      />
    </>
  );
}
