import { Badge, Group, Switch, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { type BetTypeView, useBetTypes, useCatalogMutations } from '../catalog.api.ts';

const ConfirmModal = lazy(() => import('../../../ui/ConfirmModal.tsx'));

export function BetTypesTab({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const betTypes = useBetTypes();
  const mutations = useCatalogMutations();
  // Switching a bet type off stops it at every point of sale: the switch only asks, the dialog does it.
  const [pending, setPending] = useState<{ betType: BetTypeView; active: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nameOf = (b: BetTypeView) => (i18n.language === 'en' ? b.name_en : b.name);
  const close = () => {
    if (busy) return;
    setPending(null);
    setError(null);
  };
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      await mutations.setBetTypeActive(pending.betType.code, pending.active);
      notifySuccess(
        t(pending.active ? 'ui.lottery.common.reactivated' : 'ui.lottery.common.deactivated', {
          label: pending.betType.code,
        }),
      );
      setPending(null);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const columns: Column<BetTypeView>[] = [
    {
      key: 'code',
      header: t('ui.lottery.fields.code'),
      render: (b) => (
        <Text ff="monospace" fw={600} size="sm">
          {b.code}
        </Text>
      ),
      nowrap: true,
    },
    {
      key: 'name',
      header: t('ui.lottery.fields.name'),
      render: nameOf,
    },
    {
      key: 'formats',
      header: t('ui.lottery.bet_types.played_on'),
      render: (b) => b.result_formats.map((f) => t(`ui.lottery.result_formats.${f}`)).join(', '),
    },
    {
      key: 'digits',
      header: t('ui.lottery.bet_types.digits'),
      render: (b) => b.number_length,
      align: 'right',
    },
    {
      key: 'classes',
      header: t('ui.lottery.bet_types.prize_classes'),
      render: (b) => (
        <Group gap={4}>
          {b.prize_classes.map((c) => (
            <Badge key={c} size="xs" variant="light" tt="none">
              {t(`ui.lottery.prize_classes.${c}`, { defaultValue: c })}
            </Badge>
          ))}
          {b.pays_result_multiplier ? (
            <Text size="xs" c="dimmed">
              {t('ui.lottery.bet_types.pays_result')}
            </Text>
          ) : null}
        </Group>
      ),
    },
    {
      key: 'active',
      header: t('ui.lottery.common.status'),
      render: (b) => (
        <Switch
          size="xs"
          checked={b.active}
          disabled={!canManage}
          label={b.active ? t('ui.lottery.common.active') : t('ui.lottery.common.inactive')}
          onChange={(e) => setPending({ betType: b, active: e.currentTarget.checked })}
          data-testid={`bet-type-active-${b.code}`}
        />
      ),
      nowrap: true,
    },
  ];
  return (
    <>
      <DataTable
        data-testid="bet-types-table"
        columns={columns}
        rows={betTypes.data}
        rowKey={(b) => b.code}
        loading={betTypes.isFetching}
        error={betTypes.error}
        onRetry={() => void betTypes.refetch()}
        minWidth={900}
      />
      {pending ? (
        <Suspense fallback={null}>
          <ConfirmModal
            opened
            busy={busy}
            error={error}
            title={t(
              pending.active ? 'ui.lottery.common.reactivate_title' : 'ui.lottery.common.deactivate_title',
              {
                label: pending.betType.code,
              },
            )}
            message={
              pending.active
                ? t('ui.lottery.bet_types.reactivate_message', { name: nameOf(pending.betType) })
                : t('ui.lottery.bet_types.deactivate_message', { name: nameOf(pending.betType) })
            }
            confirmLabel={t(pending.active ? 'ui.lottery.common.reactivate' : 'ui.lottery.common.deactivate')}
            danger={!pending.active}
            onConfirm={() => void confirm()}
            onClose={close}
          />
        </Suspense>
      ) : null}
    </>
  );
}
