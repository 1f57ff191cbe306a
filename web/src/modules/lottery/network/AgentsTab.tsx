import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { type AgentView, useAgents, useCatalogMutations, useOptions, type ZoneView } from '../catalog.api.ts';
import { ListFilters } from '../common/ListFilters.tsx';
import { ActiveBadge, RecordActions } from '../common/RecordActions.tsx';
import { usePagedList } from '../common/usePagedList.ts';

/** External agents: partner sellers outside the banca network, each with their own commission. */
export function AgentsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const list = usePagedList('agents');
  const agents = useAgents(list.query);
  const zones = useOptions<ZoneView>('/lottery/zones');
  const [editing, setEditing] = useState<AgentView | 'new' | null>(null);

  const columns: Column<AgentView>[] = [
    {
      key: 'code',
      header: t('ui.lottery.fields.code'),
      render: (a) => (
        <Text ff="monospace" fw={600} size="sm">
          {a.code}
        </Text>
      ),
      nowrap: true,
    },
    { key: 'name', header: t('ui.lottery.fields.name'), render: (a) => a.name },
    { key: 'phone', header: t('ui.lottery.agents.phone'), render: (a) => a.phone ?? '—', nowrap: true },
    { key: 'zone', header: t('ui.lottery.bancas.zone'), render: (a) => a.zone_name ?? '—' },
    {
      key: 'commission',
      header: t('ui.lottery.agents.commission'),
      render: (a) => `${a.commission_percent} %`,
      align: 'right',
      nowrap: true,
    },
    {
      key: 'active',
      header: t('ui.lottery.common.status'),
      render: (a) => <ActiveBadge active={a.active} />,
      nowrap: true,
    },
    {
      key: 'actions',
      header: t('ui.common.actions'),
      nowrap: true,
      render: (a) => (
        <RecordActions path="agents" id={a.id} label={a.code} active={a.active} canManage={canManage}>
          <Button size="compact-xs" variant="light" disabled={!canManage} onClick={() => setEditing(a)}>
            {t('ui.common.edit')}
          </Button>
        </RecordActions>
      ),
    },
  ];

  return (
    <>
      <Group justify="flex-end" mb="xs">
        <Button size="sm" disabled={!canManage} onClick={() => setEditing('new')} data-testid="agent-create">
          {t('ui.lottery.agents.create')}
        </Button>
      </Group>
      <ListFilters q={list.get('q')} active={list.get('active')} onChange={list.set} testId="agents" />
      <DataTable
        data-testid="agents-table"
        columns={columns}
        rows={agents.data?.items}
        rowKey={(a) => a.id}
        loading={agents.isFetching}
        error={agents.error}
        onRetry={() => void agents.refetch()}
        {...list.paging(agents.data?.total)}
      />
      {editing ? (
        <AgentFormModal
          agent={editing === 'new' ? null : editing}
          zones={zones.data ?? []}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

function AgentFormModal({
  agent,
  zones,
  onClose,
}: {
  agent: AgentView | null;
  zones: ZoneView[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { save } = useCatalogMutations();
  const [code, setCode] = useState(agent?.code ?? '');
  const [name, setName] = useState(agent?.name ?? '');
  const [phone, setPhone] = useState(agent?.phone ?? '');
  const [zoneId, setZoneId] = useState<string | null>(agent?.zone_id ?? null);
  const [commission, setCommission] = useState<number | string>(agent?.commission_percent ?? 10);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim() || !name.trim() || commission === '') {
      setError(t('ui.common.required'));
      return;
    }
    const body = {
      code: code.trim(),
      name: name.trim(),
      phone: phone.trim() || null,
      zone_id: zoneId,
      commission_percent: Number(commission),
    };
    try {
      await save.mutateAsync({ path: 'agents', id: agent?.id, body });
      notifySuccess(t('ui.lottery.common.saved', { label: body.code.toUpperCase() }));
      onClose();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={agent ? t('ui.lottery.agents.edit') : t('ui.lottery.agents.create')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('ui.lottery.fields.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('ui.lottery.fields.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('ui.lottery.agents.phone')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
          />
          <Select
            label={t('ui.lottery.bancas.zone')}
            clearable
            data={zones.map((z) => ({ value: z.id, label: z.name }))}
            value={zoneId}
            onChange={setZoneId}
          />
          <NumberInput
            label={t('ui.lottery.agents.commission')}
            suffix=" %"
            min={0}
            max={100}
            decimalScale={2}
            value={commission}
            onChange={setCommission}
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
            <Button type="submit" loading={save.isPending}>
              {t('ui.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
