import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { formatDateTime, formatTimestamp } from '../../../ui/format.ts';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import {
  describeSchedule,
  type JobRunView,
  type JobView,
  outcomeColor,
  useJobRuns,
  useJobs,
  useRunJob,
} from './jobs.api.ts';

function OutcomeBadge({ outcome }: { outcome: string | null }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={outcomeColor(outcome)} data-testid="job-outcome">
      {t(`ui.jobs.outcomes.${outcome ?? 'never'}`)}
    </Badge>
  );
}

function JobRuns({ name }: { name: string }) {
  const { t } = useTranslation();
  const runs = useJobRuns(name);
  const columns: Column<JobRunView>[] = [
    {
      key: 'started',
      header: t('ui.jobs.started'),
      render: (r) => formatTimestamp(r.started_at),
      nowrap: true,
    },
    {
      key: 'finished',
      header: t('ui.jobs.finished'),
      render: (r) => formatTimestamp(r.finished_at),
      nowrap: true,
    },
    {
      key: 'trigger',
      header: t('ui.jobs.trigger'),
      render: (r) => t(`ui.jobs.triggers.${r.trigger}`),
      nowrap: true,
    },
    { key: 'attempt', header: t('ui.jobs.attempts'), render: (r) => r.attempt, align: 'right' },
    { key: 'outcome', header: t('ui.jobs.outcome'), render: (r) => <OutcomeBadge outcome={r.outcome} /> },
    { key: 'by', header: t('ui.jobs.requested_by'), render: (r) => r.requested_by ?? '—', nowrap: true },
    {
      key: 'error',
      header: t('ui.jobs.error'),
      render: (r) => (
        <Text size="xs" c="red" style={{ wordBreak: 'break-word' }}>
          {r.error ?? ''}
        </Text>
      ),
    },
  ];
  return (
    <DataTable
      data-testid="job-runs"
      columns={columns}
      rows={runs.data?.items}
      rowKey={(r) => r.id}
      loading={runs.isFetching}
      error={runs.error}
      emptyText={t('ui.jobs.runs_empty')}
      minWidth={640}
    />
  );
}

export default function JobsPage() {
  const { t } = useTranslation();
  const jobs = useJobs();
  const runJob = useRunJob();

  const columns: Column<JobView>[] = [
    {
      key: 'name',
      header: t('ui.jobs.name'),
      render: (j) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" ff="monospace">
            {j.name}
          </Text>
          {j.running ? (
            <Badge size="xs" color="yellow">
              {t('ui.jobs.running')}
            </Badge>
          ) : null}
          {!j.registered ? (
            <Tooltip label={t('ui.jobs.not_registered')}>
              <Badge size="xs" color="gray">
                ?
              </Badge>
            </Tooltip>
          ) : null}
        </Group>
      ),
      nowrap: true,
    },
    { key: 'schedule', header: t('ui.jobs.schedule'), render: (j) => describeSchedule(t, j.schedule) },
    {
      key: 'next',
      header: t('ui.jobs.next_run'),
      render: (j) => formatDateTime(j.next_run_at),
      nowrap: true,
    },
    {
      key: 'last',
      header: t('ui.jobs.last_run'),
      render: (j) => formatDateTime(j.last_run_at),
      nowrap: true,
    },
    {
      key: 'outcome',
      header: t('ui.jobs.outcome'),
      render: (j) => (
        <Tooltip label={j.last_error ?? ''} disabled={!j.last_error} multiline maw={420}>
          <span>
            <OutcomeBadge outcome={j.last_outcome} />
          </span>
        </Tooltip>
      ),
      nowrap: true,
    },
    {
      key: 'actions',
      header: '',
      align: 'right',
      nowrap: true,
      render: (j) => (
        <ConfirmButton
          size="compact-xs"
          variant="light"
          danger={false}
          disabled={!j.registered || j.running}
          confirmTitle={t('ui.jobs.run_confirm_title', { job: j.name })}
          confirmMessage={t('ui.jobs.run_confirm_message')}
          confirmLabel={t('ui.jobs.run_now')}
          onConfirm={async () => {
            const result = await runJob.mutateAsync(j.name);
            notifySuccess(t('ui.jobs.run_done', { outcome: t(`ui.jobs.outcomes.${result.run.outcome}`) }));
          }}
          data-testid={`job-run-${j.name}`}
        >
          {t('ui.jobs.run_now')}
        </ConfirmButton>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={t('ui.jobs.title')} subtitle={t('ui.jobs.subtitle')} />
      <DataTable
        data-testid="jobs-table"
        columns={columns}
        rows={jobs.data?.items}
        rowKey={(j) => j.name}
        loading={jobs.isFetching}
        error={jobs.error}
        onRetry={() => void jobs.refetch()}
        emptyText={t('ui.jobs.empty')}
        renderExpanded={(j) => <JobRuns name={j.name} />}
        minWidth={820}
      />
    </>
  );
}
