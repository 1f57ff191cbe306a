import { Badge, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { useRealtime } from '../../../app/realtime.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { notifySuccess } from '../../../ui/notify.ts';
import { type AnomalyView, useAcknowledge, useAnomalies, useAnomalyReport } from './risk.api.ts';

const SEVERITY_COLOURS: Record<string, string> = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};

/** Anomalies with severity, pushed live; acknowledged with a comment; counts per kind (the report). */
export function AnomaliesTab() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [status, setStatus] = useState('open');
  const [severity, setSeverity] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const list = useAnomalies({ status, severity, page, page_size: 50 });
  const report = useAnomalyReport({});
  const acknowledge = useAcknowledge();
  const [target, setTarget] = useState<AnomalyView | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useRealtime(
    'lottery.anomaly.created',
    () => void client.invalidateQueries({ queryKey: ['lottery', 'anomalies'] }),
  );

  const columns: Column<AnomalyView>[] = [
    {
      key: 'at',
      header: t('ui.lottery.risk.when'),
      render: (a) => formatDateTime(a.created_at),
      nowrap: true,
    },
    {
      key: 'severity',
      header: t('ui.lottery.risk.severity'),
      render: (a) => (
        <Badge color={SEVERITY_COLOURS[a.severity]}>{t(`ui.lottery.risk.severity_${a.severity}`)}</Badge>
      ),
    },
    {
      key: 'kind',
      header: t('ui.lottery.risk.kind'),
      render: (a) => t(`ui.lottery.risk.kind_${a.kind}`, a.kind),
    },
    { key: 'entity', header: t('ui.lottery.risk.entity'), render: (a) => a.entity_id, nowrap: true },
    {
      key: 'banca',
      header: t('ui.lottery.risk.banca'),
      render: (a) => (a.banca_code ? `${a.banca_code} ${a.banca_name}` : '—'),
    },
    {
      key: 'ack',
      header: '',
      render: (a) =>
        a.acknowledged_at ? (
          <Text size="xs">
            {a.acknowledged_by}: {a.comment}
          </Text>
        ) : (
          <Button size="xs" variant="light" data-testid={`ack-${a.id}`} onClick={() => setTarget(a)}>
            {t('ui.lottery.risk.acknowledge')}
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        {Object.entries(report.data?.by_kind ?? {}).map(([kind, counts]) => (
          <Badge key={kind} variant="outline">
            {t(`ui.lottery.risk.kind_${kind}`, kind)}: {counts.open}/{counts.total}
          </Badge>
        ))}
      </Group>
      <Group gap="sm">
        <Select
          label={t('ui.lottery.risk.status')}
          data={['open', 'acknowledged', 'all'].map((v) => ({
            value: v,
            label: t(`ui.lottery.risk.status_${v}`),
          }))}
          value={status}
          onChange={(v) => {
            setStatus(v ?? 'open');
            setPage(1);
          }}
          w={180}
        />
        <Select
          label={t('ui.lottery.risk.severity')}
          data={['low', 'medium', 'high', 'critical'].map((v) => ({
            value: v,
            label: t(`ui.lottery.risk.severity_${v}`),
          }))}
          value={severity}
          onChange={setSeverity}
          clearable
          w={160}
        />
      </Group>
      <DataTable
        columns={columns}
        rows={list.data?.items}
        rowKey={(a) => a.id}
        loading={list.isFetching}
        error={list.error}
        total={list.data?.total}
        page={page}
        onPageChange={setPage}
        emptyText={t('ui.lottery.risk.no_anomalies')}
        renderExpanded={(a) => (
          <pre style={{ margin: 0, fontSize: 12 }}>{JSON.stringify(a.details, null, 2)}</pre>
        )}
        data-testid="anomalies-table"
      />
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={t('ui.lottery.risk.acknowledge')}
      >
        <Stack>
          <Textarea
            label={t('ui.lottery.risk.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={problem}
            data-testid="ack-comment"
          />
          <Button
            loading={acknowledge.isPending}
            data-testid="ack-submit"
            onClick={async () => {
              try {
                await acknowledge.mutateAsync({ id: target!.id, comment });
                notifySuccess(t('ui.lottery.risk.acknowledged'));
                setTarget(null);
                setComment('');
                setProblem(null);
              } catch (error) {
                setProblem(errorMessage(error));
              }
            }}
          >
            {t('ui.lottery.risk.acknowledge')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
