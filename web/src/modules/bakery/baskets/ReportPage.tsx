import {
  Button,
  Group,
  NumberInput,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { money, todayInBogota, useSellers } from '../bakery.api.ts';
import { BasketsTabs } from './BasketsTabs.tsx';
import {
  type BasketReport,
  type BasketReportKind,
  type ReportColumn,
  useBasketSettings,
} from './baskets.api.ts';

const KINDS: BasketReportKind[] = ['day', 'out', 'lost', 'history'];
type Row = BasketReport['rows'][number];

function cell(value: Row[string], column: ReportColumn): string {
  if (value === null || value === undefined) return '';
  if (column.kind === 'money' && typeof value === 'number') return money(value);
  if (column.kind === 'integer' && typeof value === 'number') return value.toLocaleString('es-CO');
  return String(value);
}

/** Charge (amount, default from the settings) or write off (reason) one lost basket. */
function LostActions({ row, onDone }: { row: Row; onDone: () => void }) {
  const { t } = useTranslation();
  const settings = useBasketSettings();
  const [amount, setAmount] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const code = String(row.code);
  const charge = async () => {
    const value = amount === '' ? undefined : Number(amount);
    await api.post(`/bakery/baskets/${row.id}/charge`, value === undefined ? {} : { amount: value });
    notifySuccess(t('ui.bakery.baskets.charge_done', { code }));
    onDone();
  };
  const writeOff = async () => {
    await api.post(`/bakery/baskets/${row.id}/write-off`, { reason });
    notifySuccess(t('ui.bakery.baskets.write_off_done', { code }));
    onDone();
  };
  return (
    <Group gap={4} wrap="nowrap">
      <ConfirmButton
        size="compact-xs"
        danger={false}
        onConfirm={charge}
        confirmMessage={
          <NumberInput
            label={t('ui.bakery.baskets.charge_amount')}
            placeholder={settings.data ? String(settings.data.default_charge) : ''}
            value={amount}
            onChange={setAmount}
            min={1}
            decimalScale={2}
            thousandSeparator="."
            decimalSeparator=","
            data-autofocus
          />
        }
        data-testid={`charge-${code}`}
      >
        {t('ui.bakery.baskets.charge')}
      </ConfirmButton>
      <ConfirmButton
        size="compact-xs"
        variant="light"
        onConfirm={writeOff}
        confirmMessage={
          <TextInput
            label={t('ui.bakery.baskets.write_off_reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            minLength={3}
            data-autofocus
          />
        }
        data-testid={`write-off-${code}`}
      >
        {t('ui.bakery.baskets.write_off')}
      </ConfirmButton>
    </Group>
  );
}

/** End of day per seller, baskets out, the lost list and one basket's history; Excel and PDF. */
export default function ReportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const manages = useCan('bakery.baskets.manage');
  const sellers = useSellers();
  const [kind, setKind] = useState<BasketReportKind>('day');
  const [date, setDate] = useState(todayInBogota());
  const [sellerId, setSellerId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const query = {
    kind,
    date: kind === 'day' ? date : undefined,
    seller_id: kind === 'history' ? undefined : (sellerId ?? undefined),
    code: kind === 'history' ? code.trim() || undefined : undefined,
  };
  const ready = kind !== 'history' || !!query.code;
  const report = useQuery({
    queryKey: ['bakery', 'baskets', 'report', query],
    queryFn: ({ signal }) => api.get<BasketReport>('/bakery/baskets/report', { query, signal }),
    enabled: ready,
  });
  const link = (format: 'xlsx' | 'pdf') => downloadUrl('/bakery/baskets/report', { ...query, format });
  const data = report.data;
  const withActions = manages && kind === 'lost';
  const totals =
    data && data.total_columns.length > 0
      ? Object.fromEntries(
          data.total_columns.map((key) => [
            key,
            data.rows.reduce(
              (sum, row) => sum + (typeof row[key] === 'number' ? (row[key] as number) : 0),
              0,
            ),
          ]),
        )
      : null;

  return (
    <Stack gap="sm">
      <PageTitle title={t('ui.bakery.baskets.title')} />
      <BasketsTabs />
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as BasketReportKind)}
        data={KINDS.map((k) => ({ value: k, label: t(`ui.bakery.baskets.report.kind_${k}`) }))}
        orientation="vertical"
        hiddenFrom="sm"
        fullWidth
        data-testid="basket-report-kind-phone"
      />
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as BasketReportKind)}
        data={KINDS.map((k) => ({ value: k, label: t(`ui.bakery.baskets.report.kind_${k}`) }))}
        visibleFrom="sm"
        data-testid="basket-report-kind"
      />
      <Group align="flex-end" gap="sm">
        {kind === 'day' ? (
          <TextInput
            type="date"
            label={t('ui.bakery.common.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            data-testid="basket-report-date"
          />
        ) : null}
        {kind === 'history' ? (
          <TextInput
            label={t('ui.bakery.baskets.scan_label')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoCapitalize="characters"
            data-testid="basket-report-code"
          />
        ) : (
          <Select
            label={t('ui.bakery.common.seller')}
            data={(sellers.data ?? []).map((s) => ({ value: s.id, label: s.full_name }))}
            value={sellerId}
            onChange={setSellerId}
            clearable
            searchable
            data-testid="basket-report-seller"
          />
        )}
        <Button component="a" href={link('xlsx')} download variant="light" disabled={!ready}>
          Excel
        </Button>
        <Button component="a" href={link('pdf')} download disabled={!ready} data-testid="basket-report-pdf">
          PDF
        </Button>
      </Group>
      {report.error ? <ErrorAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
      {data ? (
        <Stack gap={4}>
          <Text fw={700}>{data.title}</Text>
          {data.subtitle ? (
            <Text size="sm" c="dimmed">
              {data.subtitle}
            </Text>
          ) : null}
          <ScrollArea>
            <Table striped withTableBorder miw={withActions ? 640 : undefined} data-testid="basket-report">
              <Table.Thead>
                <Table.Tr>
                  {data.columns.map((c) => (
                    <Table.Th key={c.key} ta={c.kind === 'text' ? 'left' : 'right'}>
                      {c.header}
                    </Table.Th>
                  ))}
                  {withActions ? <Table.Th>{t('ui.bakery.baskets.report.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={data.columns.length + (withActions ? 1 : 0)}>
                      <Text c="dimmed" size="sm">
                        {t('ui.bakery.baskets.report.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {data.rows.map((row, i) => (
                  <Table.Tr key={String(row.id ?? row.seller_id ?? i)} data-testid="basket-report-row">
                    {data.columns.map((c) => (
                      <Table.Td key={c.key} ta={c.kind === 'text' ? 'left' : 'right'} data-col={c.key}>
                        {cell(row[c.key], c)}
                      </Table.Td>
                    ))}
                    {withActions ? (
                      <Table.Td>
                        {row.status_key === 'perdida' ? (
                          <LostActions
                            row={row}
                            onDone={() =>
                              void queryClient.invalidateQueries({ queryKey: ['bakery', 'baskets'] })
                            }
                          />
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {totals && data.rows.length > 0 ? (
                <Table.Tfoot>
                  <Table.Tr data-testid="basket-report-totals">
                    {data.columns.map((c, i) => (
                      <Table.Th key={c.key} ta={c.kind === 'text' ? 'left' : 'right'} data-col={c.key}>
                        {c.key in totals
                          ? cell(totals[c.key], c)
                          : i === 0
                            ? t('ui.bakery.baskets.report.totals')
                            : ''}
                      </Table.Th>
                    ))}
                    {withActions ? <Table.Th /> : null}
                  </Table.Tr>
                </Table.Tfoot>
              ) : null}
            </Table>
          </ScrollArea>
        </Stack>
      ) : null}
    </Stack>
  );
}
