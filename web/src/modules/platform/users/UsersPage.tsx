import { Badge, Button, Group, Paper, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../../../app/session.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { positiveInt, useUrlParams } from '../../../ui/useUrlParams.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { type UserFilters, type UserView, useRoles, useUserMutations, useUsers } from './users.api.ts';

const FILTER_KEYS = ['q', 'active', 'role', 'page', 'page_size'] as const;

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserView }
  | { kind: 'reset'; user: UserView }
  | null;

export default function UsersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = useCan('platform.users.manage');
  const [params, setParams] = useUrlParams(FILTER_KEYS);
  const [q, setQ] = useState(params.q);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [dialog, setDialog] = useState<Dialog>(null);
  const mutations = useUserMutations();

  // biome-ignore lint/correctness/useExhaustiveDependencies: push the typed search to the URL only when it settles
  useEffect(() => {
    if (debouncedQ.trim() !== params.q) setParams({ q: debouncedQ.trim() });
  }, [debouncedQ]);

  const page = positiveInt(params.page, 1);
  const pageSize = positiveInt(params.page_size, 50);
  const filters: UserFilters = {
    q: params.q || undefined,
    active: params.active === 'true' || params.active === 'false' ? params.active : undefined,
    role: params.role || undefined,
    page,
    page_size: pageSize,
  };
  const users = useUsers(filters);
  const roles = useRoles();
  const roleLabel = (role: string) => t(`ui.roles.${role}`, { defaultValue: role });

  const columns: Column<UserView>[] = [
    {
      key: 'username',
      header: t('ui.users.fields.username'),
      render: (u) => (
        <Text size="sm" ff="monospace" fw={600}>
          {u.username}
        </Text>
      ),
      nowrap: true,
    },
    {
      key: 'full_name',
      header: `${t('ui.users.fields.full_name')} / ${t('ui.users.fields.email')}`,
      render: (u) => (
        <>
          <Text size="sm" lh={1.3}>
            {u.full_name}
          </Text>
          {u.email ? (
            <Text size="xs" c="dimmed" lh={1.3} style={{ wordBreak: 'break-all' }}>
              {u.email}
            </Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'roles',
      header: t('ui.users.fields.roles'),
      render: (u) => (
        <Group gap={4}>
          {u.roles.map((role) => (
            <Badge key={role} size="sm" variant="light" tt="none">
              {roleLabel(role)}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: 'active',
      header: t('ui.users.fields.status'),
      render: (u) => (
        <Badge size="sm" color={u.active ? 'green' : 'gray'} variant="dot" tt="none">
          {u.active ? t('ui.users.active') : t('ui.users.inactive')}
        </Badge>
      ),
      nowrap: true,
    },
    {
      key: 'last_login_at',
      header: t('ui.users.fields.last_login_at'),
      render: (u) => formatDateTime(u.last_login_at),
      nowrap: true,
    },
    {
      key: 'actions',
      header: t('ui.common.actions'),
      nowrap: true,
      render: (u) => {
        const self = u.id === session.user.id;
        return (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-xs"
              variant="light"
              disabled={!canManage || !roles.data}
              onClick={() => setDialog({ kind: 'edit', user: u })}
              data-testid={`user-edit-${u.username}`}
            >
              {t('ui.common.edit')}
            </Button>
            <Button
              size="compact-xs"
              variant="light"
              color="orange"
              disabled={!canManage}
              onClick={() => setDialog({ kind: 'reset', user: u })}
              data-testid={`user-reset-${u.username}`}
            >
              {t('ui.users.reset_password')}
            </Button>
            {u.active ? (
              <ConfirmButton
                size="compact-xs"
                variant="light"
                color="yellow"
                disabled={!canManage || self}
                confirmTitle={t('ui.users.deactivate_title', { username: u.username })}
                confirmMessage={t('ui.users.deactivate_message')}
                confirmLabel={t('ui.users.deactivate')}
                onConfirm={async () => {
                  await mutations.deactivate(u.id);
                  notifySuccess(t('ui.users.deactivated', { username: u.username }));
                }}
                data-testid={`user-deactivate-${u.username}`}
              >
                {t('ui.users.deactivate')}
              </ConfirmButton>
            ) : (
              <ConfirmButton
                size="compact-xs"
                variant="light"
                color="green"
                danger={false}
                disabled={!canManage}
                confirmTitle={t('ui.users.reactivate_title', { username: u.username })}
                confirmMessage={t('ui.users.reactivate_message')}
                confirmLabel={t('ui.users.reactivate')}
                onConfirm={async () => {
                  await mutations.reactivate(u.id);
                  notifySuccess(t('ui.users.reactivated', { username: u.username }));
                }}
                data-testid={`user-reactivate-${u.username}`}
              >
                {t('ui.users.reactivate')}
              </ConfirmButton>
            )}
            <ConfirmButton
              size="compact-xs"
              variant="light"
              color="red"
              disabled={!canManage || self}
              confirmTitle={t('ui.users.delete_title', { username: u.username })}
              confirmMessage={t('ui.users.delete_message')}
              confirmLabel={t('ui.users.delete')}
              onConfirm={async () => {
                await mutations.remove(u.id);
                notifySuccess(t('ui.users.deleted', { username: u.username }));
              }}
              data-testid={`user-delete-${u.username}`}
            >
              {t('ui.users.delete')}
            </ConfirmButton>
          </Group>
        );
      },
    },
  ];

  return (
    <>
      <PageTitle
        title={t('ui.users.title')}
        actions={
          <Button
            onClick={() => setDialog({ kind: 'create' })}
            disabled={!canManage || !roles.data}
            data-testid="user-create"
          >
            {t('ui.users.create')}
          </Button>
        }
      />
      <Paper withBorder p="xs" mb="sm" className="no-print">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
          <TextInput
            size="sm"
            type="search"
            placeholder={t('ui.users.filter_q')}
            aria-label={t('ui.users.filter_q')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            data-testid="users-filter-q"
          />
          <Select
            size="sm"
            aria-label={t('ui.users.filter_active')}
            data={[
              { value: '', label: t('ui.users.all_statuses') },
              { value: 'true', label: t('ui.users.only_active') },
              { value: 'false', label: t('ui.users.only_inactive') },
            ]}
            value={filters.active ?? ''}
            onChange={(value) => setParams({ active: value })}
            allowDeselect={false}
            data-testid="users-filter-active"
          />
          <Select
            size="sm"
            aria-label={t('ui.users.filter_role')}
            data={[
              { value: '', label: t('ui.users.all_roles') },
              ...(roles.data ?? []).map((role) => ({ value: role.name, label: roleLabel(role.name) })),
            ]}
            value={filters.role ?? ''}
            onChange={(value) => setParams({ role: value })}
            allowDeselect={false}
            data-testid="users-filter-role"
          />
        </SimpleGrid>
      </Paper>
      <DataTable
        data-testid="users-table"
        columns={columns}
        rows={users.data?.items}
        rowKey={(u) => u.id}
        loading={users.isFetching}
        error={users.error}
        onRetry={() => void users.refetch()}
        emptyText={t('ui.users.empty')}
        page={page}
        pageSize={pageSize}
        total={users.data?.total ?? 0}
        onPageChange={(value) => setParams({ page: value })}
        onPageSizeChange={(value) => setParams({ page_size: value })}
        minWidth={900}
      />
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : null}
          roles={roles.data ?? []}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'reset' ? (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
