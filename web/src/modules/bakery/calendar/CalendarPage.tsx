import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { notifyError } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { todayInBogota } from '../bakery.api.ts';
import { ReminderSettingsCard } from './ReminderSettingsCard.tsx';

interface CalendarView {
  month: string;
  business_days: number;
  days: {
    date: string;
    weekday: number;
    holiday: string | null;
    business_day: boolean;
    override: { is_business_day: boolean; reason: string } | null;
  }[];
}

/**
 * The admin's business-day calendar: festivos come from the library, each day can be opened or closed.
 * Below it, the hour of the daily pedido reminder, sent on these business days.
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const managesSettings = useCan('bakery.catalog.manage');
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(todayInBogota().slice(0, 7));
  const calendar = useQuery({
    queryKey: ['bakery', 'calendar', month],
    queryFn: ({ signal }) => api.get<CalendarView>('/bakery/calendar', { query: { month }, signal }),
  });
  const toggle = useMutation({
    mutationFn: (day: CalendarView['days'][number]) =>
      day.override
        ? api.delete(`/bakery/calendar/${day.date}`)
        : api.put(`/bakery/calendar/${day.date}`, {
            is_business_day: !day.business_day,
            reason: day.business_day
              ? t('ui.bakery.calendar.closed_reason')
              : t('ui.bakery.calendar.opened_reason'),
          }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['bakery', 'calendar'] }),
    onError: (error) => notifyError(error),
  });
  const firstWeekday = calendar.data ? (calendar.data.days[0].weekday + 6) % 7 : 0;
  return (
    <Stack>
      <PageTitle
        title={t('ui.bakery.calendar.title')}
        subtitle={
          calendar.data ? t('ui.bakery.calendar.count', { count: calendar.data.business_days }) : undefined
        }
      />
      <TextInput type="month" value={month} onChange={(e) => setMonth(e.currentTarget.value)} w={200} />
      {calendar.error ? <ErrorAlert error={calendar.error} /> : null}
      <SimpleGrid cols={7} spacing={4}>
        {['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => (
          <Text key={d} size="xs" fw={700} ta="center">
            {t(`ui.bakery.calendar.${d}`)}
          </Text>
        ))}
        {(calendar.data?.days ?? []).map((day, index) => (
          <Card
            key={day.date}
            withBorder
            padding={4}
            bg={day.business_day ? undefined : 'gray.1'}
            style={index === 0 ? { gridColumnStart: firstWeekday + 1 } : undefined}
          >
            <Group justify="space-between" gap={2}>
              <Text size="sm" fw={700}>
                {Number(day.date.slice(8))}
              </Text>
              {day.override ? <Badge size="xs">{t('ui.bakery.calendar.adjusted')}</Badge> : null}
            </Group>
            {day.holiday ? (
              <Text size="xs" c="red" lineClamp={2}>
                {day.holiday}
              </Text>
            ) : null}
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => toggle.mutate(day)}
              loading={toggle.isPending}
            >
              {day.override
                ? t('ui.bakery.calendar.reset')
                : day.business_day
                  ? t('ui.bakery.calendar.close')
                  : t('ui.bakery.calendar.open')}
            </Button>
          </Card>
        ))}
      </SimpleGrid>
      {managesSettings ? <ReminderSettingsCard /> : null}
    </Stack>
  );
}
