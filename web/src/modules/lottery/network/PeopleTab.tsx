import { Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { ASSIGNMENT_ROLES, BANCA_ROLES } from '@matriz/shared/api/lottery-catalog';
import type { UserView } from '@matriz/shared/api/users';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../../app/api.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { notifySuccess } from '../../../ui/notify.ts';
import {
  type AssignmentView,
  type BancaView,
  useAssignments,
  useCatalogMutations,
  useOptions,
  type ZoneView,
} from '../catalog.api.ts';

interface PeopleTabProps {
  canManage: boolean;
  bancaId: string;
  zoneId: string;
  onFilter: (patch: { banca?: string; zone?: string }) => void;
}

/** Who works where: sellers and cashiers per banca, supervisors and cobradores per zone. */
export function PeopleTab({ canManage, bancaId, zoneId, onFilter }: PeopleTabProps) {
  const { t } = useTranslation();
  const bancas = useOptions<BancaView>('/lottery/bancas');
  const zones = useOptions<ZoneView>('/lottery/zones');
  const assignments = useAssignments({ banca_id: bancaId || undefined, zone_id: zoneId || undefined });
  const mutations = useCatalogMutations();
  const [adding, setAdding] = useState(false);

  const columns: Column<AssignmentView>[] = [
    {
      key: 'user',
      header: t('ui.lottery.people.user'),
      render: (a) => (
        <Text size="sm" ff="monospace" fw={600}>
          {a.username}
        </Text>
      ),
      nowrap: true,
    },
    { key: 'name', header: t('ui.lottery.fields.name'), render: (a) => a.full_name },
    {
      key: 'role',
      header: t('ui.lottery.people.role'),
      render: (a) => t(`ui.lottery.people.roles.${a.role}`),
    },
    {
      key: 'banca',
      header: t('ui.lottery.people.banca'),
      render: (a) => (a.banca_code ? `${a.banca_code} · ${a.banca_name}` : '—'),
    },
    { key: 'zone', header: t('ui.lottery.bancas.zone'), render: (a) => a.zone_name ?? '—' },
    {
      key: 'since',
      header: t('ui.lottery.people.since'),
      render: (a) => formatDateTime(a.created_at),
      nowrap: true,
    },
    {
      key: 'actions',
      header: t('ui.common.actions'),
      nowrap: true,
      render: (a) => (
        <ConfirmButton
          size="compact-xs"
          variant="light"
          color="red"
          disabled={!canManage}
          confirmTitle={t('ui.lottery.people.unassign_title', { username: a.username })}
          confirmMessage={t('ui.lottery.people.unassign_message')}
          confirmLabel={t('ui.lottery.people.unassign')}
          onConfirm={async () => {
            await mutations.unassign(a.id);
            notifySuccess(t('ui.lottery.people.unassigned', { username: a.username }));
          }}
          data-testid={`unassign-${a.username}`}
        >
          {t('ui.lottery.people.unassign')}
        </ConfirmButton>
      ),
    },
  ];

  return (
    <>
      <Group justify="flex-end" mb="xs">
        <Button size="sm" disabled={!canManage} onClick={() => setAdding(true)} data-testid="assign-create">
          {t('ui.lottery.people.assign')}
        </Button>
      </Group>
      <Paper withBorder p="xs" mb="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
          <Select
            size="sm"
            searchable
            aria-label={t('ui.lottery.people.banca')}
            data={[
              { value: '', label: t('ui.lottery.people.all_bancas') },
              ...(bancas.data ?? []).map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` })),
            ]}
            value={bancaId}
            onChange={(value) => onFilter({ banca: value ?? '', zone: '' })}
            allowDeselect={false}
            data-testid="people-filter-banca"
          />
          <Select
            size="sm"
            aria-label={t('ui.lottery.bancas.zone')}
            data={[
              { value: '', label: t('ui.lottery.people.all_zones') },
              ...(zones.data ?? []).map((z) => ({ value: z.id, label: z.name })),
            ]}
            value={zoneId}
            onChange={(value) => onFilter({ zone: value ?? '', banca: '' })}
            allowDeselect={false}
          />
        </SimpleGrid>
      </Paper>
      <DataTable
        data-testid="people-table"
        columns={columns}
        rows={assignments.data}
        rowKey={(a) => a.id}
        loading={assignments.isFetching}
        error={assignments.error}
        onRetry={() => void assignments.refetch()}
        minWidth={900}
      />
      {adding ? (
        <AssignModal
          bancas={bancas.data ?? []}
          zones={zones.data ?? []}
          initialBancaId={bancaId}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </>
  );
}

function AssignModal({
  bancas,
  zones,
  initialBancaId,
  onClose,
}: {
  bancas: BancaView[];
  zones: ZoneView[];
  initialBancaId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutations = useCatalogMutations();
  const users = useQuery({
    queryKey: ['users', 'assign-options'],
    queryFn: ({ signal }) =>
      api.get<{ items: UserView[] }>('/users', { query: { active: 'true', page_size: 500 }, signal }),
    select: (data) => data.items,
  });
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<string>('vendedor');
  const [bancaId, setBancaId] = useState<string | null>(initialBancaId || null);
  const [zoneId, setZoneId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const atBanca = BANCA_ROLES.includes(role);

  const submit = async () => {
    if (!userId || (atBanca ? !bancaId : !zoneId)) {
      setError(t('ui.common.required'));
      return;
    }
    setBusy(true);
    try {
      await mutations.assign({
        user_id: userId,
        role,
        ...(atBanca ? { banca_id: bancaId! } : { zone_id: zoneId! }),
      });
      notifySuccess(t('ui.lottery.people.assigned'));
      onClose();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('ui.lottery.people.assign')}>
      <Stack gap="sm">
        <Select
          label={t('ui.lottery.people.user')}
          searchable
          data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.username} · ${u.full_name}` }))}
          value={userId}
          onChange={setUserId}
          data-testid="assign-user"
        />
        <Select
          label={t('ui.lottery.people.role')}
          data={ASSIGNMENT_ROLES.map((r) => ({ value: r, label: t(`ui.lottery.people.roles.${r}`) }))}
          value={role}
          onChange={(value) => value && setRole(value)}
          allowDeselect={false}
          data-testid="assign-role"
        />
        {atBanca ? (
          <Select
            label={t('ui.lottery.people.banca')}
            searchable
            data={bancas.map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` }))}
            value={bancaId}
            onChange={setBancaId}
            data-testid="assign-banca"
          />
        ) : (
          <Select
            label={t('ui.lottery.bancas.zone')}
            data={zones.map((z) => ({ value: z.id, label: z.name }))}
            value={zoneId}
            onChange={setZoneId}
            data-testid="assign-zone"
          />
        )}
        {error ? (
          <Text c="red" size="sm">
            {error}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void submit()} data-testid="assign-save">
            {t('ui.common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
