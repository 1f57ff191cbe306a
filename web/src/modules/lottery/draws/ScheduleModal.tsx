import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { ScheduleSavedView, type ScheduleSlotView } from '@matriz/shared/api/lottery-catalog';
import { WEEKDAYS } from '@matriz/shared/lottery/schedule';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { notifySuccess } from '../../../ui/notify.ts';
import { fetchSchedule, type LotteryView, useCatalogMutations } from '../catalog.api.ts';

/** Edits a lottery's weekly slots: several a day, Sunday variants, sales close before each draw. */
export function ScheduleModal({ lottery, onClose }: { lottery: LotteryView; onClose: () => void }) {
  const { t } = useTranslation();
  const mutations = useCatalogMutations();
  const current = useQuery({
    queryKey: ['lottery-schedule', lottery.id],
    queryFn: () => fetchSchedule(lottery.id),
  });
  const [slots, setSlots] = useState<ScheduleSlotView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [kept, setKept] = useState<ScheduleSavedView['draws']['kept_with_sales'] | null>(null);
  useEffect(() => {
    if (current.data && slots === null) setSlots(current.data);
  }, [current.data, slots]);

  const update = (index: number, patch: Partial<ScheduleSlotView>) =>
    setSlots((list) => (list ?? []).map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const addRow = () =>
    setSlots((list) => [...(list ?? []), { weekday: 1, close_time: '12:45', draw_time: '12:55' }]);
  /** Copies the slots of the first row's weekday to every other weekday except Sunday. */
  const copyToWeekdays = () =>
    setSlots((list) => {
      const source = (list ?? []).filter((s) => s.weekday === (list ?? [])[0]?.weekday);
      const others = (list ?? []).filter((s) => s.weekday === 0);
      return [...[1, 2, 3, 4, 5, 6].flatMap((weekday) => source.map((s) => ({ ...s, weekday }))), ...others];
    });

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = ScheduleSavedView.parse(await mutations.setSchedule(lottery.id, slots ?? []));
      notifySuccess(
        t('ui.lottery.schedule.saved_draws', {
          code: lottery.code,
          removed: saved.draws.removed,
          changed: saved.draws.close_changed,
        }),
      );
      if (saved.draws.kept_with_sales.length > 0) setKept(saved.draws.kept_with_sales);
      else onClose();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={t('ui.lottery.schedule.title', { name: lottery.name })}>
      {kept ? (
        <Stack gap="sm">
          <Alert
            color="yellow"
            variant="light"
            title={t('ui.lottery.schedule.kept_title')}
            data-testid="schedule-kept"
          >
            <Text size="sm">{t('ui.lottery.schedule.kept_message')}</Text>
            <Stack gap={2} mt="xs">
              {kept.map((d) => (
                <Text key={d.id} size="sm" ff="monospace">
                  {d.draw_date} {d.draw_time}
                </Text>
              ))}
            </Stack>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="schedule-kept-close">
              {t('ui.lottery.schedule.understood')}
            </Button>
          </Group>
        </Stack>
      ) : slots === null ? (
        <Loader size="sm" />
      ) : (
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {t('ui.lottery.schedule.zone_note', { zone: lottery.time_zone })}
          </Text>
          <ScrollArea.Autosize mah={420}>
            <Table verticalSpacing={2} fz="sm" data-testid="schedule-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ui.lottery.schedule.weekday')}</Table.Th>
                  <Table.Th>{t('ui.lottery.schedule.close_time')}</Table.Th>
                  <Table.Th>{t('ui.lottery.schedule.draw_time')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {slots.map((slot, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
                  <Table.Tr key={index}>
                    <Table.Td>
                      <Select
                        size="xs"
                        data={WEEKDAYS.map((d) => ({
                          value: String(d),
                          label: t(`ui.lottery.weekdays.${d}`),
                        }))}
                        value={String(slot.weekday)}
                        onChange={(value) => update(index, { weekday: Number(value) })}
                        allowDeselect={false}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        type="time"
                        value={slot.close_time}
                        onChange={(e) => update(index, { close_time: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        type="time"
                        value={slot.draw_time}
                        onChange={(e) => update(index, { draw_time: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('ui.lottery.common.delete')}
                        onClick={() => setSlots(slots.filter((_, i) => i !== index))}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={addRow}>
              {t('ui.lottery.schedule.add')}
            </Button>
            <Button size="xs" variant="subtle" onClick={copyToWeekdays} disabled={slots.length === 0}>
              {t('ui.lottery.schedule.copy_weekdays')}
            </Button>
          </Group>
          <Alert color="yellow" variant="light" data-testid="schedule-warning">
            {t('ui.lottery.schedule.draws_warning')}
          </Alert>
          {error ? (
            <Text c="red" size="sm">
              {error}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button loading={busy} onClick={() => void save()} data-testid="schedule-save">
              {t('ui.common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
