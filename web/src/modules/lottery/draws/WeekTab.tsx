import { Badge, Stack, Text } from '@mantine/core';
import { WEEKDAYS } from '@matriz/shared/lottery/schedule';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { useWeekSchedule, type WeekScheduleView } from '../catalog.api.ts';

type WeekRow = WeekScheduleView['lotteries'][number];

/** Monday first, Sunday last, as the bancas read it. */
const ORDER = [...WEEKDAYS.slice(1), 0];

/** Every lottery's week at a glance: per weekday its draw times (and sales close) in the lottery's zone. */
export function WeekTab() {
  const { t } = useTranslation();
  const week = useWeekSchedule();
  const columns: Column<WeekRow>[] = [
    {
      key: 'lottery',
      header: t('ui.lottery.draws.lottery'),
      render: (l) => (
        <>
          <Text size="sm" fw={600} lh={1.3} c={l.active ? undefined : 'dimmed'}>
            {l.name}
          </Text>
          <Text size="xs" c="dimmed" lh={1.3}>
            {l.code} · {l.time_zone}
          </Text>
        </>
      ),
    },
    ...ORDER.map(
      (weekday): Column<WeekRow> => ({
        key: `day-${weekday}`,
        header: t(`ui.lottery.weekdays.${weekday}`),
        render: (l) => (
          <Stack gap={2}>
            {l.slots
              .filter((s) => s.weekday === weekday)
              .map((s) => (
                <Badge
                  key={s.draw_time}
                  size="sm"
                  variant={weekday === 0 ? 'outline' : 'light'}
                  tt="none"
                  title={t('ui.lottery.schedule.closes', { time: s.close_time })}
                >
                  {s.draw_time}
                </Badge>
              ))}
          </Stack>
        ),
      }),
    ),
  ];
  return (
    <DataTable
      data-testid="week-table"
      columns={columns}
      rows={week.data}
      rowKey={(l) => l.id}
      loading={week.isFetching}
      error={week.error}
      onRetry={() => void week.refetch()}
      minWidth={1000}
    />
  );
}
