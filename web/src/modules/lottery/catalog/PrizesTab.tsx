import { Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Text } from '@mantine/core';
import { PRIZE_SCOPES } from '@matriz/shared/api/lottery-catalog';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import {
  type BancaView,
  type LotteryView,
  type PrizeScope,
  type PrizeTableView,
  useCatalogMutations,
  useDraws,
  useOptions,
  usePrizeTable,
} from '../catalog.api.ts';

type Entry = PrizeTableView['entries'][number];
const keyOf = (e: { bet_type: string; prize_class: string }) => `${e.bet_type}:${e.prize_class}`;

/**
 * One layer of the prize tables at a time (general, a banca, a lottery or a draw): its overrides,
 * and beside each the multiplier that applies there and the layer it comes from.
 */
export function PrizesTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<PrizeScope>('default');
  const [scopeId, setScopeId] = useState<string | null>(null);
  const bancas = useOptions<BancaView>('/lottery/bancas');
  const lotteries = useOptions<LotteryView>('/lottery/lotteries');
  const draws = useDraws({});
  const table = usePrizeTable(scope, scope === 'default' ? null : scopeId);
  const mutations = useCatalogMutations();
  const [edits, setEdits] = useState<Record<string, number | string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!table.data) return;
    setEdits(Object.fromEntries(table.data.entries.map((e) => [keyOf(e), e.multiplier ?? ''])));
  }, [table.data]);

  const targets =
    scope === 'banca'
      ? (bancas.data ?? []).map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` }))
      : scope === 'lottery'
        ? (lotteries.data ?? []).map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` }))
        : (draws.data?.draws ?? []).map((d) => ({
            value: d.id,
            label: `${d.lottery_code} ${d.draw_date} ${d.draw_time}`,
          }));

  const save = async () => {
    if (!table.data) return;
    setBusy(true);
    try {
      const entries = table.data.entries
        .filter((e) => edits[keyOf(e)] !== '' && edits[keyOf(e)] !== undefined)
        .map((e) => ({
          bet_type: e.bet_type,
          prize_class: e.prize_class,
          multiplier: Number(edits[keyOf(e)]),
        }));
      await mutations.putPrizeTable({ scope, scope_id: scope === 'default' ? null : scopeId, entries });
      notifySuccess(t('ui.lottery.prizes.saved'));
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
      key: 'class',
      header: t('ui.lottery.prizes.prize_class'),
      render: (e) => t(`ui.lottery.prize_classes.${e.prize_class}`, { defaultValue: e.prize_class }),
    },
    {
      key: 'override',
      header: t('ui.lottery.prizes.override'),
      render: (e) => (
        <NumberInput
          size="xs"
          w={120}
          min={0}
          decimalScale={2}
          suffix="×"
          placeholder={t('ui.lottery.prizes.inherited')}
          disabled={!canManage}
          value={edits[keyOf(e)] ?? ''}
          onChange={(value) => setEdits((all) => ({ ...all, [keyOf(e)]: value }))}
          data-testid={`prize-${e.bet_type}-${e.prize_class}`}
        />
      ),
    },
    {
      key: 'effective',
      header: t('ui.lottery.prizes.effective'),
      render: (e) => `${e.effective_multiplier}×`,
      align: 'right',
      nowrap: true,
    },
    {
      key: 'source',
      header: t('ui.lottery.prizes.source'),
      render: (e) => (
        <Badge size="sm" variant={e.source === scope ? 'filled' : 'light'} tt="none">
          {t(`ui.lottery.prize_scopes.${e.source}`)}
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
            aria-label={t('ui.lottery.prizes.scope')}
            data={PRIZE_SCOPES.map((s) => ({ value: s, label: t(`ui.lottery.prize_scopes.${s}`) }))}
            value={scope}
            onChange={(value) => {
              setScope((value ?? 'default') as PrizeScope);
              setScopeId(null);
            }}
            allowDeselect={false}
            data-testid="prizes-scope"
          />
          {scope !== 'default' ? (
            <Select
              size="sm"
              searchable
              placeholder={t('ui.lottery.prizes.choose')}
              data={targets}
              value={scopeId}
              onChange={setScopeId}
              data-testid="prizes-target"
            />
          ) : null}
          <Text size="xs" c="dimmed" style={{ alignSelf: 'center' }}>
            {t('ui.lottery.prizes.precedence')}
          </Text>
          <Group justify="flex-end">
            <Button
              size="sm"
              disabled={!canManage || !table.data}
              loading={busy}
              onClick={() => void save()}
              data-testid="prizes-save"
            >
              {t('ui.common.save')}
            </Button>
          </Group>
        </SimpleGrid>
      </Paper>
      <DataTable
        data-testid="prizes-table"
        columns={columns}
        rows={table.data?.entries}
        rowKey={keyOf}
        loading={table.isFetching}
        error={table.error}
        onRetry={() => void table.refetch()}
        emptyText={t('ui.lottery.prizes.choose')}
        minWidth={800}
      />
    </>
  );
}
