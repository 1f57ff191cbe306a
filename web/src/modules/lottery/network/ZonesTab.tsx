import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useCatalogMutations, useZones, type ZoneView } from '../catalog.api.ts';
import { ListFilters } from '../common/ListFilters.tsx';
import { ActiveBadge, RecordActions } from '../common/RecordActions.tsx';
import { usePagedList } from '../common/usePagedList.ts';

export function ZonesTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const list = usePagedList('zones');
  const zones = useZones(list.query);
  const [editing, setEditing] = useState<ZoneView | 'new' | null>(null);

  const columns: Column<ZoneView>[] = [
    {
      key: 'code',
      header: t('ui.lottery.fields.code'),
      render: (z) => (
        <Text ff="monospace" fw={600} size="sm">
          {z.code}
        </Text>
      ),
      nowrap: true,
    },
    { key: 'name', header: t('ui.lottery.fields.name'), render: (z) => z.name },
    {
      key: 'bancas',
      header: t('ui.lottery.zones.banca_count'),
      render: (z) => z.banca_count,
      align: 'right',
    },
    {
      key: 'active',
      header: t('ui.lottery.common.status'),
      render: (z) => <ActiveBadge active={z.active} />,
      nowrap: true,
    },
    {
      key: 'actions',
      header: t('ui.common.actions'),
      nowrap: true,
      render: (z) => (
        <RecordActions
          path="zones"
          id={z.id}
          label={z.code}
          active={z.active}
          canManage={canManage}
          deactivateMessage={t('ui.lottery.zones.deactivate_stops', { count: z.active_banca_count })}
        >
          <Button size="compact-xs" variant="light" disabled={!canManage} onClick={() => setEditing(z)}>
            {t('ui.common.edit')}
          </Button>
        </RecordActions>
      ),
    },
  ];

  return (
    <>
      <Group justify="flex-end" mb="xs">
        <Button size="sm" disabled={!canManage} onClick={() => setEditing('new')} data-testid="zone-create">
          {t('ui.lottery.zones.create')}
        </Button>
      </Group>
      <ListFilters q={list.get('q')} active={list.get('active')} onChange={list.set} testId="zones" />
      <DataTable
        data-testid="zones-table"
        columns={columns}
        rows={zones.data?.items}
        rowKey={(z) => z.id}
        loading={zones.isFetching}
        error={zones.error}
        onRetry={() => void zones.refetch()}
        {...list.paging(zones.data?.total)}
      />
      {editing ? (
        <ZoneFormModal zone={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function ZoneFormModal({ zone, onClose }: { zone: ZoneView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { save } = useCatalogMutations();
  const [code, setCode] = useState(zone?.code ?? '');
  const [name, setName] = useState(zone?.name ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim() || !name.trim()) {
      setError(t('ui.common.required'));
      return;
    }
    try {
      await save.mutateAsync({ path: 'zones', id: zone?.id, body: { code: code.trim(), name: name.trim() } });
      notifySuccess(t('ui.lottery.common.saved', { label: code.trim().toUpperCase() }));
      onClose();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  return (
    <Modal opened onClose={onClose} title={zone ? t('ui.lottery.zones.edit') : t('ui.lottery.zones.create')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('ui.lottery.fields.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            required
            data-testid="zone-code"
          />
          <TextInput
            label={t('ui.lottery.fields.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-testid="zone-name"
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
            <Button type="submit" loading={save.isPending} data-testid="zone-save">
              {t('ui.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
