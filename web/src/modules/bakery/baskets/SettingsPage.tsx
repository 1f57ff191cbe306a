import { Alert, Button, Card, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { type BasketCodeRule, makeBasketCode } from '@matriz/shared/bakery/basket-code';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { BasketsTabs } from './BasketsTabs.tsx';
import { type BasketSettings, useBasketSettings } from './baskets.api.ts';

function example(form: BasketSettings): string | null {
  const rule: BasketCodeRule = {
    prefix: form.code_prefix.toUpperCase(),
    length: form.code_length,
    checkDigit: form.check_digit,
  };
  try {
    return makeBasketCode(rule, 1);
  } catch {
    return null;
  }
}

/** The admin's basket settings: what a valid code is, when a lent basket is lost, what it costs. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useBasketSettings();
  const [form, setForm] = useState<BasketSettings | null>(null);
  useEffect(() => {
    if (settings.data && !form) setForm(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (body: BasketSettings) => api.put<BasketSettings>('/bakery/baskets/settings', body),
    onSuccess: (saved) => {
      setForm(saved);
      notifySuccess(t('ui.bakery.baskets.settings.saved'));
      void queryClient.invalidateQueries({ queryKey: ['bakery', 'baskets', 'settings'] });
    },
    onError: (error) => notifyError(error),
  });
  const s = (key: string) => t(`ui.bakery.baskets.settings.${key}`);
  const sample = form ? example(form) : null;
  return (
    <Stack gap="sm" maw={520}>
      <PageTitle title={t('ui.bakery.baskets.title')} />
      <BasketsTabs />
      {settings.error ? <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {form ? (
        <Card withBorder>
          <Stack gap="sm">
            <Text fw={700}>{s('title')}</Text>
            <TextInput
              label={s('prefix')}
              value={form.code_prefix}
              maxLength={10}
              onChange={(e) => setForm({ ...form, code_prefix: e.currentTarget.value.toUpperCase() })}
            />
            <NumberInput
              label={s('length')}
              value={form.code_length ?? ''}
              min={3}
              max={32}
              allowDecimal={false}
              onChange={(v) => setForm({ ...form, code_length: v === '' ? null : Number(v) })}
            />
            <Select
              label={s('check_digit')}
              data={[
                { value: 'luhn', label: s('check_luhn') },
                { value: 'none', label: s('check_none') },
              ]}
              value={form.check_digit}
              onChange={(v) => setForm({ ...form, check_digit: v === 'none' ? 'none' : 'luhn' })}
              allowDeselect={false}
            />
            {sample ? (
              <Text size="sm" c="dimmed" data-testid="basket-code-example">
                {t('ui.bakery.baskets.settings.example', { code: sample })}
              </Text>
            ) : null}
            <Alert color="blue" variant="light" data-testid="basket-rule-new-only">
              {s('new_only')}
            </Alert>
            <NumberInput
              label={s('lost_after_days')}
              value={form.lost_after_days}
              min={1}
              max={365}
              allowDecimal={false}
              onChange={(v) => setForm({ ...form, lost_after_days: Number(v) || 1 })}
            />
            <NumberInput
              label={s('default_charge')}
              value={form.default_charge}
              min={0}
              decimalScale={2}
              thousandSeparator="."
              decimalSeparator=","
              onChange={(v) => setForm({ ...form, default_charge: Number(v) || 0 })}
            />
            <Button onClick={() => save.mutate(form)} loading={save.isPending}>
              {t('ui.bakery.common.save')}
            </Button>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
