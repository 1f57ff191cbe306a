import { Badge, Button, Group, Paper, SimpleGrid, Text, TextInput } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { formatTimestamp } from '../../../ui/format.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { positiveInt, useUrlParams } from '../../../ui/useUrlParams.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { type AuditEntry, useAudit } from './audit.api.ts';

const FILTER_KEYS = ['user', 'entity', 'action', 'from', 'to', 'page', 'page_size'] as const;
const TEXT_FILTERS = ['user', 'entity', 'action', 'from', 'to'] as const;
type TextFilter = (typeof TEXT_FILTERS)[number];

/** Long ids (UUIDv7) shortened in the table; the full value is in the tooltip and the detail. */
function shortId(id: string | null): string {
  if (!id) return '—';
  return id.length > 14 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
}

function actionColor(action: string): string {
  if (/delete|remove|cancel|deactivate|annul/i.test(action)) return 'red';
  if (/create|insert|add|reactivate/i.test(action)) return 'green';
  if (/login|logout|session/i.test(action)) return 'gray';
  return 'blue';
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlParams(FILTER_KEYS);
  const [draft, setDraft] = useState<Record<TextFilter, string>>(() => ({ ...params }));

  // Back/forward or a shared link changes the URL: the form follows.
  useEffect(() => {
    setDraft({
      user: params.user,
      entity: params.entity,
      action: params.action,
      from: params.from,
      to: params.to,
    });
  }, [params.user, params.entity, params.action, params.from, params.to]);

  const page = positiveInt(params.page, 1);
  const pageSize = positiveInt(params.page_size, 50);
  const audit = useAudit({
    user: params.user || undefined,
    entity: params.entity || undefined,
    action: params.action || undefined,
    from: params.from || undefined,
    to: params.to || undefined,
    page,
    page_size: pageSize,
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const patch: Partial<Record<TextFilter, string>> = {};
    for (const key of TEXT_FILTERS) patch[key] = draft[key].trim();
    setParams(patch);
  };
  const clear = () => setParams({ user: null, entity: null, action: null, from: null, to: null });
  const field = (key: TextFilter) => ({
    value: draft[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [key]: value }));
    },
  });

  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('ui.audit.fields.at'), render: (e) => formatTimestamp(e.at), nowrap: true },
    {
      key: 'username',
      header: t('ui.audit.fields.username'),
      render: (e) => e.username ?? '—',
      nowrap: true,
    },
    { key: 'entity', header: t('ui.audit.fields.entity'), render: (e) => e.entity, nowrap: true },
    {
      key: 'entity_id',
      header: t('ui.audit.fields.entity_id'),
      render: (e) => (
        <Text size="xs" ff="monospace" title={e.entity_id ?? undefined}>
          {shortId(e.entity_id)}
        </Text>
      ),
    },
    {
      key: 'action',
      header: t('ui.audit.fields.action'),
      render: (e) => (
        <Badge size="sm" variant="light" color={actionColor(e.action)}>
          {e.action}
        </Badge>
      ),
      nowrap: true,
    },
    {
      key: 'ip',
      header: t('ui.audit.fields.ip'),
      render: (e) => (
        <Text size="xs" ff="monospace">
          {e.ip ?? '—'}
        </Text>
      ),
      nowrap: true,
    },
  ];

  return (
    <>
      <PageTitle title={t('ui.audit.title')} subtitle={t('ui.audit.subtitle')} />
      <Paper
        withBorder
        p="xs"
        mb="sm"
        component="form"
        onSubmit={apply}
        className="no-print"
        data-testid="audit-filters"
      >
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="xs">
          <TextInput
            size="sm"
            label={t('ui.audit.fields.username')}
            {...field('user')}
            autoCapitalize="none"
          />
          <TextInput
            size="sm"
            label={t('ui.audit.fields.entity')}
            {...field('entity')}
            autoCapitalize="none"
          />
          <TextInput
            size="sm"
            label={t('ui.audit.fields.action')}
            {...field('action')}
            autoCapitalize="none"
          />
          <TextInput size="sm" type="date" label={t('ui.audit.from')} {...field('from')} />
          <TextInput size="sm" type="date" label={t('ui.audit.to')} {...field('to')} />
        </SimpleGrid>
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" size="compact-sm" onClick={clear}>
            {t('ui.common.clear')}
          </Button>
          <Button type="submit" size="compact-sm" data-testid="audit-apply">
            {t('ui.common.filter')}
          </Button>
        </Group>
      </Paper>
      <DataTable
        data-testid="audit-table"
        columns={columns}
        rows={audit.data?.items}
        rowKey={(e) => e.id}
        loading={audit.isFetching}
        error={audit.error}
        onRetry={() => void audit.refetch()}
        emptyText={t('ui.audit.empty')}
        page={page}
        pageSize={pageSize}
        total={audit.data?.total ?? 0}
        onPageChange={(value) => setParams({ page: value })}
        onPageSizeChange={(value) => setParams({ page_size: value })}
        renderExpanded={(e) => <AuditDiff before={e.before} after={e.after} entityId={e.entity_id} />}
        minWidth={760}
      />
    </>
  );
}
