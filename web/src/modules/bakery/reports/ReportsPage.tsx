import { Alert, Button, Card, FileInput, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { todayInBogota, useSellers } from '../bakery.api.ts';

const GROUPS = ['product', 'category', 'seller', 'date'] as const;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Sales reports to download as editable Excel or half-letter PDF; the admin uploads the logo here. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const managesCatalog = useCan('bakery.catalog.manage');
  const sellers = useSellers();
  const today = todayInBogota();
  const [group, setGroup] = useState<(typeof GROUPS)[number]>('product');
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [sellerId, setSellerId] = useState<string | null>(null);
  // A reversed range would download the server's refusal as a file: the buttons wait for a valid one.
  const rangeValid = Boolean(from && to) && from <= to;
  const link = (format: 'xlsx' | 'pdf') =>
    downloadUrl('/bakery/reports/sales', { group, from, to, format, seller_id: sellerId });
  const upload = useMutation({
    mutationFn: async (file: File) =>
      api.put('/bakery/settings/logo', {
        filename: file.name,
        mime: file.type,
        data_base64: await toBase64(file),
      }),
    onSuccess: () => notifySuccess(t('ui.bakery.reports.logo_saved')),
    onError: (error) => notifyError(error),
  });
  return (
    <Stack>
      <PageTitle title={t('ui.bakery.reports.title')} />
      <Group align="flex-end">
        <Select
          label={t('ui.bakery.reports.group')}
          data={GROUPS.map((g) => ({ value: g, label: t(`ui.bakery.report.group_${g}`) }))}
          value={group}
          onChange={(value) => setGroup((value as (typeof GROUPS)[number]) ?? 'product')}
        />
        <TextInput
          type="date"
          label={t('ui.bakery.panel.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('ui.bakery.panel.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Select
          label={t('ui.bakery.common.seller')}
          data={(sellers.data ?? []).map((s) => ({ value: s.id, label: s.full_name }))}
          value={sellerId}
          onChange={setSellerId}
          clearable
          searchable
        />
      </Group>
      {!rangeValid && from && to ? (
        <Alert color="red" data-testid="report-range-invalid">
          {t('ui.bakery.reports.range_invalid', { from, to })}
        </Alert>
      ) : null}
      <Group>
        <Button
          component="a"
          href={rangeValid ? link('xlsx') : undefined}
          download
          variant="light"
          disabled={!rangeValid}
          data-testid="report-xlsx"
        >
          Excel
        </Button>
        <Button
          component="a"
          href={rangeValid ? link('pdf') : undefined}
          download
          disabled={!rangeValid}
          data-testid="report-pdf"
        >
          PDF
        </Button>
      </Group>
      {managesCatalog ? (
        <Card withBorder maw={420}>
          <Text fw={600} mb="xs">
            {t('ui.bakery.reports.logo')}
          </Text>
          <FileInput
            accept="image/png,image/jpeg"
            placeholder="PNG / JPEG ≤ 512 KB"
            onChange={(file) => file && upload.mutate(file)}
          />
        </Card>
      ) : null}
    </Stack>
  );
}
