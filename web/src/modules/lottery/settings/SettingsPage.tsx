import {
  Button,
  Divider,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type OperatorSettings, PRINT_FORMATS } from '@matriz/shared/api/lottery-catalog';
import { CURRENCY_PRESETS } from '@matriz/shared/money';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useCatalogMutations, useOperatorSettings } from '../catalog.api.ts';

/** /lottery/settings: the operator's name, ticket prefix, currency, time zone and print defaults. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const canManage = useCan('platform.settings.manage');
  const settings = useOperatorSettings();
  const mutations = useCatalogMutations();
  const [form, setForm] = useState<OperatorSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (settings.data) setForm(settings.data);
  }, [settings.data]);

  if (settings.error) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!form) return <PageLoader />;
  const set = (patch: Partial<OperatorSettings>) => setForm({ ...form, ...patch });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await mutations.putSettings(form);
      notifySuccess(t('ui.lottery.settings.saved'));
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title={t('ui.lottery.settings.title')} subtitle={t('ui.lottery.settings.subtitle')} />
      <Paper withBorder p="md" maw={900}>
        <form onSubmit={submit} noValidate data-testid="settings-form">
          <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('ui.lottery.settings.name')}
                  value={form.name}
                  onChange={(e) => set({ name: e.currentTarget.value })}
                />
                <TextInput
                  label={t('ui.lottery.settings.ticket_prefix')}
                  description="LAN-20251007-0001"
                  value={form.ticket_prefix}
                  onChange={(e) => set({ ticket_prefix: e.currentTarget.value })}
                  data-testid="settings-prefix"
                />
                <Select
                  label={t('ui.lottery.settings.currency')}
                  data={CURRENCY_PRESETS.map((c) => ({ value: c.code, label: `${c.code} (${c.symbol})` }))}
                  value={form.currency_code}
                  onChange={(value) => {
                    const preset = CURRENCY_PRESETS.find((c) => c.code === value);
                    if (preset) set({ currency_code: preset.code, currency_symbol: preset.symbol });
                  }}
                  allowDeselect={false}
                  data-testid="settings-currency"
                />
                <TextInput
                  label={t('ui.lottery.settings.currency_symbol')}
                  value={form.currency_symbol}
                  onChange={(e) => set({ currency_symbol: e.currentTarget.value })}
                />
                <TextInput
                  label={t('ui.lottery.settings.time_zone')}
                  description="America/Santo_Domingo"
                  value={form.time_zone}
                  onChange={(e) => set({ time_zone: e.currentTarget.value })}
                />
                <NumberInput
                  label={t('ui.lottery.settings.future_sales_days')}
                  min={0}
                  max={31}
                  value={form.future_sales_days}
                  onChange={(value) => set({ future_sales_days: Number(value) || 0 })}
                />
                <NumberInput
                  label={t('ui.lottery.settings.ticket_expiry_days')}
                  min={1}
                  max={3650}
                  value={form.ticket_expiry_days}
                  onChange={(value) => set({ ticket_expiry_days: Number(value) || 1 })}
                />
                <Select
                  label={t('ui.lottery.settings.ticket_language')}
                  description={t('ui.lottery.settings.ticket_language_note')}
                  data={[
                    { value: 'es', label: 'Español' },
                    { value: 'en', label: 'English' },
                  ]}
                  value={form.ticket_language}
                  onChange={(value) =>
                    value && set({ ticket_language: value as OperatorSettings['ticket_language'] })
                  }
                  allowDeselect={false}
                  data-testid="settings-ticket-language"
                />
              </SimpleGrid>
              <Divider label={t('ui.lottery.bancas.printing')} labelPosition="left" />
              <Text size="xs" c="dimmed">
                {t('ui.lottery.settings.print_note')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Select
                  label={t('ui.lottery.bancas.print_format')}
                  data={PRINT_FORMATS.map((f) => ({ value: f, label: t(`ui.lottery.print_formats.${f}`) }))}
                  value={form.print_format}
                  onChange={(value) =>
                    value && set({ print_format: value as OperatorSettings['print_format'] })
                  }
                  allowDeselect={false}
                />
                <NumberInput
                  label={t('ui.lottery.bancas.print_copies')}
                  min={1}
                  max={3}
                  value={form.print_copies}
                  onChange={(value) => set({ print_copies: Number(value) || 1 })}
                />
                <Switch
                  mt="lg"
                  label={t('ui.lottery.bancas.show_prize_table')}
                  checked={form.show_prize_table}
                  onChange={(e) => set({ show_prize_table: e.currentTarget.checked })}
                />
              </SimpleGrid>
              {[0, 1, 2].map((index) => (
                <TextInput
                  key={index}
                  label={t('ui.lottery.bancas.footer_line', { n: index + 1 })}
                  maxLength={60}
                  value={form.footer_lines[index]}
                  onChange={(e) => {
                    const lines = [...form.footer_lines] as OperatorSettings['footer_lines'];
                    lines[index] = e.currentTarget.value;
                    set({ footer_lines: lines });
                  }}
                />
              ))}
              {error ? (
                <Text c="red" size="sm" data-testid="settings-error">
                  {error}
                </Text>
              ) : null}
              <Group justify="flex-end">
                <Button type="submit" loading={busy} disabled={!canManage} data-testid="settings-save">
                  {t('ui.common.save')}
                </Button>
              </Group>
            </Stack>
          </fieldset>
        </form>
      </Paper>
    </>
  );
}
