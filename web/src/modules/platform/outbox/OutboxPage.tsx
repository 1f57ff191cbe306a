import { Anchor, Text } from '@mantine/core';
import type { OutboxItem } from '@matriz/shared/api/jobs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { API_BASE, api } from '../../../app/api.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { formatTimestamp } from '../../../ui/format.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';

export default function OutboxPage() {
  const { t } = useTranslation();
  const outbox = useQuery({
    queryKey: ['mail', 'outbox'],
    queryFn: ({ signal }) => api.get<{ items: OutboxItem[]; total: number }>('/mail/outbox', { signal }),
  });
  const columns: Column<OutboxItem>[] = [
    {
      key: 'created',
      header: t('ui.outbox.created'),
      render: (m) => formatTimestamp(m.created_at),
      nowrap: true,
    },
    { key: 'to', header: t('ui.outbox.to'), render: (m) => m.to },
    { key: 'subject', header: t('ui.outbox.subject'), render: (m) => m.subject },
    {
      key: 'size',
      header: t('ui.outbox.size'),
      align: 'right',
      nowrap: true,
      render: (m) => <Text size="xs">{Math.max(1, Math.round(m.size / 1024))} kB</Text>,
    },
    {
      key: 'download',
      header: '',
      align: 'right',
      nowrap: true,
      render: (m) => (
        <Anchor size="sm" href={`${API_BASE}/mail/outbox/${encodeURIComponent(m.file)}`} download={m.file}>
          {t('ui.outbox.download')}
        </Anchor>
      ),
    },
  ];
  return (
    <>
      <PageTitle title={t('ui.outbox.title')} subtitle={t('ui.outbox.subtitle')} />
      <DataTable
        data-testid="outbox-table"
        columns={columns}
        rows={outbox.data?.items}
        rowKey={(m) => m.file}
        loading={outbox.isFetching}
        error={outbox.error}
        onRetry={() => void outbox.refetch()}
        emptyText={t('ui.outbox.empty')}
        minWidth={700}
      />
    </>
  );
}
