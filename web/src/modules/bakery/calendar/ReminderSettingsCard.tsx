import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { TimeOfDay } from '@matriz/shared/api/bakery';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';

interface ReminderSettingsView {
  pedido_reminder_at: string;
  timezone: string;
}

const queryKey = ['bakery', 'settings', 'reminders'];

/** The hour (bakery zone) from which route sellers without today's pedido get the daily reminder. */
export function ReminderSettingsCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey,
    queryFn: ({ signal }) => api.get<ReminderSettingsView>('/bakery/settings/reminders', { signal }),
  });
  const [at, setAt] = useState('');
  useEffect(() => {
    if (settings.data) setAt(settings.data.pedido_reminder_at);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (value: string) =>
      api.put<ReminderSettingsView>('/bakery/settings/reminders', { pedido_reminder_at: value }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey, saved);
      notifySuccess(t('ui.bakery.reminders.saved', { at: saved.pedido_reminder_at }));
    },
    onError: (error) => notifyError(error),
  });
  const valid = TimeOfDay.safeParse(at).success;
  const changed = settings.data !== undefined && at !== settings.data.pedido_reminder_at;
  return (
    <Card withBorder data-testid="bakery-reminder-settings">
      <Stack gap="xs">
        <Title order={4}>{t('ui.bakery.reminders.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('ui.bakery.reminders.help', { zone: settings.data?.timezone ?? 'America/Bogota' })}
        </Text>
        {settings.error ? <ErrorAlert error={settings.error} /> : null}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (valid) save.mutate(at);
          }}
        >
          <Group align="flex-start">
            <TextInput
              type="time"
              label={t('ui.bakery.reminders.pedido_reminder_at')}
              value={at}
              onChange={(e) => setAt(e.currentTarget.value)}
              error={at !== '' && !valid ? t('ui.bakery.reminders.invalid') : undefined}
              disabled={!settings.data}
              required
              w={180}
              data-testid="bakery-reminder-at"
            />
            <Button type="submit" mt={25} disabled={!valid || !changed} loading={save.isPending}>
              {t('ui.bakery.reminders.save')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Card>
  );
}
