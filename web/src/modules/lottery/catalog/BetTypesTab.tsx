import { Badge, Group, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { type BetTypeView, useBetTypes, useCatalogMutations } from '../catalog.api.ts';

export function BetTypesTab({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const betTypes = useBetTypes();
  const mutations = useCatalogMutations();
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
      render: (b) => (i18n.language === 'en' ? b.name_en : b.name),
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
          onChange={async (e) => {
            const active = e.currentTarget.checked;
            try {
              await mutations.setBetTypeActive(b.code, active);
              notifySuccess(
                t(active ? 'ui.lottery.common.reactivated' : 'ui.lottery.common.deactivated', {
                  label: b.code,
                }),
              );
            } catch (error) {
              notifyError(error);
            }
          }}
          data-testid={`bet-type-active-${b.code}`}
        />
      ),
      nowrap: true,
    },
  ];
  return (
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
  );
}
