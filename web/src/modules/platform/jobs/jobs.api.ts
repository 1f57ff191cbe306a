import type { JobRunView, JobView, ScheduleView } from '@matriz/shared/api/jobs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from '../../../app/api.ts';

export type { JobRunView, JobView };

export function useJobs() {
  return useQuery({
    queryKey: ['jobs'],
    queryFn: ({ signal }) => api.get<{ items: JobView[] }>('/jobs', { signal }),
    refetchInterval: 15_000,
  });
}

export function useJobRuns(name: string | null) {
  return useQuery({
    queryKey: ['jobs', name, 'runs'],
    enabled: name !== null,
    queryFn: ({ signal }) =>
      api.get<{ items: JobRunView[]; total: number }>(`/jobs/${encodeURIComponent(name!)}/runs`, {
        query: { page_size: 20 },
        signal,
      }),
  });
}

export function useRunJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api.post<{ run: JobRunView; job: JobView }>(`/jobs/${encodeURIComponent(name)}/run`),
    onSettled: () => client.invalidateQueries({ queryKey: ['jobs'] }),
  });
}

export function describeSchedule(t: TFunction, schedule: ScheduleView): string {
  switch (schedule.every) {
    case 'minutes':
      return t('ui.jobs.every.minutes', { n: schedule.n });
    case 'day':
      return t('ui.jobs.every.day', { at: schedule.at });
    case 'week':
      return t('ui.jobs.every.week', { at: schedule.at, weekday: t(`ui.jobs.weekdays.${schedule.weekday}`) });
    case 'month':
      return t('ui.jobs.every.month', { at: schedule.at, day: schedule.day });
  }
}

export function outcomeColor(outcome: string | null): string {
  switch (outcome) {
    case 'ok':
      return 'green';
    case 'retrying':
    case 'running':
      return 'yellow';
    case 'failed':
    case 'alert':
      return 'red';
    default:
      return 'gray';
  }
}
