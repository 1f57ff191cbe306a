import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { NOTIFICATION_KINDS } from '@matriz/shared/api/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import {
  type NotificationList,
  useLiveNotifications,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  usePreferences,
  useSavePreferences,
} from './notifications.api.ts';

type Item = NotificationList['items'][number];

function Preferences() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  const save = useSavePreferences();
  if (!preferences.data) return null;
  const data = preferences.data;
  const update = (body: Parameters<typeof save.mutate>[0]) =>
    save.mutate(body, {
      onSuccess: () => notifySuccess(t('ui.notifications.preferences_saved')),
      onError: (error) => notifyError(error),
    });
  const kindLabel = (kind: string) =>
    (NOTIFICATION_KINDS as readonly string[]).includes(kind)
      ? t(`ui.notifications.kinds.${kind}`, { defaultValue: kind })
      : kind;
  return (
    <Paper withBorder p="sm" mt="lg" data-testid="notification-preferences">
      <Title order={4} mb="xs">
        {t('ui.notifications.preferences')}
      </Title>
      <Group gap="xs" mb="sm">
        <Text size="sm">{t('ui.notifications.language')}</Text>
        <SegmentedControl
          size="xs"
          value={data.language}
          data={[
            { value: 'es', label: 'Español' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(value) => update({ language: value as 'es' | 'en' })}
        />
      </Group>
      <Table withTableBorder fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.notifications.kind')}</Table.Th>
            <Table.Th ta="center">{t('ui.notifications.in_app')}</Table.Th>
            <Table.Th ta="center">{t('ui.notifications.email')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.kinds.map((k) => (
            <Table.Tr key={k.kind}>
              <Table.Td>{kindLabel(k.kind)}</Table.Td>
              <Table.Td>
                <Group justify="center">
                  <Switch
                    size="xs"
                    checked={k.in_app}
                    aria-label={`${kindLabel(k.kind)}: ${t('ui.notifications.in_app')}`}
                    onChange={(e) => update({ kinds: [{ ...k, in_app: e.currentTarget.checked }] })}
                  />
                </Group>
              </Table.Td>
              <Table.Td>
                <Group justify="center">
                  <Switch
                    size="xs"
                    checked={k.email}
                    aria-label={`${kindLabel(k.kind)}: ${t('ui.notifications.email')}`}
                    onChange={(e) => update({ kinds: [{ ...k, email: e.currentTarget.checked }] })}
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export default function NotificationsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications({ unread: unreadOnly, page, page_size: pageSize });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  useLiveNotifications();

  const columns: Column<Item>[] = [
    { key: 'at', header: '', render: (n) => formatDateTime(n.created_at), nowrap: true },
    {
      key: 'title',
      header: t('ui.notifications.title'),
      render: (n) => (
        <>
          <Text size="sm" fw={n.read_at ? 400 : 700}>
            {n.title}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {n.body}
          </Text>
        </>
      ),
    },
    {
      key: 'actions',
      header: '',
      align: 'right',
      nowrap: true,
      render: (n) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          {n.link ? (
            <Anchor
              component={Link}
              to={n.link}
              size="sm"
              onClick={() => !n.read_at && markRead.mutate(n.id)}
            >
              {t('ui.notifications.open')}
            </Anchor>
          ) : null}
          {!n.read_at ? (
            <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate(n.id)}>
              {t('ui.notifications.mark_read')}
            </Button>
          ) : null}
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('ui.notifications.title')}
        actions={
          <>
            <Checkbox
              size="xs"
              label={t('ui.notifications.unread_only')}
              checked={unreadOnly}
              onChange={(e) => {
                setUnreadOnly(e.currentTarget.checked);
                setPage(1);
              }}
            />
            <Button
              size="compact-sm"
              variant="light"
              disabled={(list.data?.unread ?? 0) === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('ui.notifications.mark_all_read')}
            </Button>
          </>
        }
      />
      <DataTable
        data-testid="notifications-table"
        columns={columns}
        rows={list.data?.items}
        rowKey={(n) => n.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyText={t('ui.notifications.empty')}
        page={page}
        pageSize={pageSize}
        total={list.data?.total ?? 0}
        onPageChange={setPage}
        onPageSizeChange={(size) => {
          setPageSize(size);
          setPage(1);
        }}
        minWidth={560}
      />
      <Preferences />
    </>
  );
}
