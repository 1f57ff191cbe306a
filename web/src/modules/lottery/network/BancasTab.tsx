import {
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type { BancaView, CreateBancaBody, OperatorSettings } from '@matriz/shared/api/lottery-catalog';
import { PRINT_FORMATS } from '@matriz/shared/api/lottery-catalog';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, isApiError } from '../../../app/api.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import {
  useBancas,
  useCatalogMutations,
  useOperatorSettings,
  useOptions,
  type ZoneView,
} from '../catalog.api.ts';
import { ListFilters } from '../common/ListFilters.tsx';
import { ActiveBadge, RecordActions } from '../common/RecordActions.tsx';
import { usePagedList } from '../common/usePagedList.ts';

const money = (value: number | null) =>
  value === null
    ? '—'
    : value.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function BancasTab({
  canManage,
  onShowPeople,
}: {
  canManage: boolean;
  onShowPeople: (bancaId: string) => void;
}) {
  const { t } = useTranslation();
  const list = usePagedList('bancas', ['zone']);
  const zones = useOptions<ZoneView>('/lottery/zones');
  const bancas = useBancas({ ...list.query, zone_id: list.get('zone') || undefined });
  const settings = useOperatorSettings();
  const [editing, setEditing] = useState<BancaView | 'new' | null>(null);

  const columns: Column<BancaView>[] = [
    {
      key: 'code',
      header: t('ui.lottery.fields.code'),
      render: (b) => (
        <Text ff="monospace" fw={600} size="sm">
          {b.code}
        </Text>
      ),
      nowrap: true,
    },
    {
      key: 'name',
      header: `${t('ui.lottery.fields.name')} / ${t('ui.lottery.bancas.owner')}`,
      render: (b) => (
        <>
          <Text size="sm" lh={1.3}>
            {b.name}
          </Text>
          <Text size="xs" c="dimmed" lh={1.3}>
            {b.owner_name}
          </Text>
        </>
      ),
    },
    { key: 'zone', header: t('ui.lottery.bancas.zone'), render: (b) => b.zone_name },
    {
      key: 'hours',
      header: `${t('ui.lottery.bancas.hours')} / ${t('ui.lottery.bancas.print')}`,
      render: (b) => (
        <Text size="sm" lh={1.3} style={{ whiteSpace: 'nowrap' }}>
          {b.opens_at ? `${b.opens_at}–${b.closes_at}` : t('ui.lottery.bancas.any_hour')}
          <Text span display="block" size="xs" c="dimmed" lh={1.3}>
            {`${t(`ui.lottery.print_formats.${b.print_format}`)} ×${b.print_copies}`}
          </Text>
        </Text>
      ),
    },
    // Short headers (the full name in the tooltip) and paired figures keep the table within 1366 px.
    {
      key: 'cancel',
      header: (
        <span title={t('ui.lottery.bancas.cancel_window')}>{t('ui.lottery.bancas.cancel_window_short')}</span>
      ),
      render: (b) => `${b.cancel_window_minutes} min`,
      align: 'right',
      nowrap: true,
    },
    {
      key: 'limits',
      header: (
        <span title={`${t('ui.lottery.bancas.max_ticket_amount')} / ${t('ui.lottery.bancas.credit_limit')}`}>
          {t('ui.lottery.bancas.limits_short')}
        </span>
      ),
      render: (b) => (
        <Text size="sm" lh={1.3} style={{ whiteSpace: 'nowrap' }}>
          {money(b.max_ticket_amount)}
          <Text span display="block" size="xs" c="dimmed" lh={1.3}>
            {money(b.credit_limit)}
          </Text>
        </Text>
      ),
      align: 'right',
    },
    {
      key: 'users',
      header: t('ui.lottery.bancas.users'),
      render: (b) => (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => onShowPeople(b.id)}
          data-testid={`banca-people-${b.code}`}
        >
          {b.user_count}
        </Button>
      ),
      align: 'right',
    },
    {
      key: 'active',
      header: t('ui.lottery.common.status'),
      render: (b) => <ActiveBadge active={b.active} />,
      nowrap: true,
    },
    {
      key: 'actions',
      header: t('ui.common.actions'),
      nowrap: true,
      render: (b) => (
        <RecordActions path="bancas" id={b.id} label={b.code} active={b.active} canManage={canManage}>
          <Button
            size="compact-xs"
            variant="light"
            disabled={!canManage}
            onClick={() => setEditing(b)}
            data-testid={`banca-edit-${b.code}`}
          >
            {t('ui.common.edit')}
          </Button>
        </RecordActions>
      ),
    },
  ];

  return (
    <>
      <Group justify="flex-end" mb="xs">
        <Button
          size="sm"
          disabled={!canManage || !zones.data || !settings.data}
          onClick={() => setEditing('new')}
          data-testid="banca-create"
        >
          {t('ui.lottery.bancas.create')}
        </Button>
      </Group>
      <ListFilters q={list.get('q')} active={list.get('active')} onChange={list.set} testId="bancas">
        <Select
          size="sm"
          aria-label={t('ui.lottery.bancas.zone')}
          data={[
            { value: '', label: t('ui.lottery.bancas.all_zones') },
            ...(zones.data ?? []).map((z) => ({ value: z.id, label: z.name })),
          ]}
          value={list.get('zone')}
          onChange={(value) => list.set({ zone: value })}
          allowDeselect={false}
        />
      </ListFilters>
      <DataTable
        data-testid="bancas-table"
        columns={columns}
        rows={bancas.data?.items}
        rowKey={(b) => b.id}
        loading={bancas.isFetching}
        error={bancas.error}
        onRetry={() => void bancas.refetch()}
        minWidth={960}
        {...list.paging(bancas.data?.total)}
      />
      {editing && settings.data ? (
        <BancaFormModal
          banca={editing === 'new' ? null : editing}
          zones={zones.data ?? []}
          defaults={settings.data}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

type FormState = Omit<Required<CreateBancaBody>, 'footer_lines'> & { footer_lines: [string, string, string] };

/** An existing banca as it is; a new one starts from the operator's print settings (footer included). */
function initialState(banca: BancaView | null, zones: ZoneView[], defaults: OperatorSettings): FormState {
  return {
    code: banca?.code ?? '',
    name: banca?.name ?? '',
    owner_name: banca?.owner_name ?? '',
    zone_id: banca?.zone_id ?? zones.find((z) => z.active)?.id ?? '',
    opens_at: banca?.opens_at ?? null,
    closes_at: banca?.closes_at ?? null,
    print_format: banca?.print_format ?? defaults.print_format,
    print_copies: banca?.print_copies ?? defaults.print_copies,
    footer_lines: banca?.footer_lines ?? defaults.footer_lines,
    show_prize_table: banca?.show_prize_table ?? defaults.show_prize_table,
    cancel_window_minutes: banca?.cancel_window_minutes ?? 30,
    max_cancels_per_day: banca?.max_cancels_per_day ?? null,
    max_cancel_amount: banca?.max_cancel_amount ?? null,
    max_ticket_amount: banca?.max_ticket_amount ?? null,
    daily_sales_limit: banca?.daily_sales_limit ?? null,
    credit_limit: banca?.credit_limit ?? null,
    deactivation_balance: banca?.deactivation_balance ?? null,
    accept_partial_lines: banca?.accept_partial_lines ?? false,
  };
}

const numberOrNull = (value: number | string) => (value === '' || value === null ? null : Number(value));

function BancaFormModal({
  banca,
  zones,
  defaults,
  onClose,
}: {
  banca: BancaView | null;
  zones: ZoneView[];
  defaults: OperatorSettings;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { save } = useCatalogMutations();
  const [form, setForm] = useState<FormState>(() => initialState(banca, zones, defaults));
  /** The version this edit started from: a save by someone else meanwhile is refused, not overwritten. */
  const [version, setVersion] = useState(banca?.version);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const optionalMoney = (
    key:
      | 'max_cancel_amount'
      | 'max_ticket_amount'
      | 'daily_sales_limit'
      | 'credit_limit'
      | 'deactivation_balance',
  ) => (
    <NumberInput
      label={t(`ui.lottery.bancas.${key}`)}
      description={t('ui.lottery.bancas.empty_means_none')}
      value={form[key] ?? ''}
      onChange={(value) => set(key, numberOrNull(value))}
      decimalScale={2}
      thousandSeparator=","
      allowNegative={key === 'deactivation_balance'}
      data-testid={`banca-${key}`}
    />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.code.trim() || !form.name.trim() || !form.owner_name.trim() || !form.zone_id) {
      setError(t('ui.common.required'));
      return;
    }
    try {
      await save.mutateAsync({ path: 'bancas', id: banca?.id, body: banca ? { ...form, version } : form });
      notifySuccess(t('ui.lottery.common.saved', { label: form.code.trim().toUpperCase() }));
      onClose();
    } catch (cause) {
      setError(errorMessage(cause));
      setStale(isApiError(cause, 'RECORD_CHANGED'));
    }
  };

  /** Someone saved the banca meanwhile: show what they saved; the user applies their changes again. */
  const reload = async () => {
    if (!banca) return;
    try {
      const fresh = await api.get<{ banca: BancaView }>(`/lottery/bancas/${encodeURIComponent(banca.id)}`);
      setForm(initialState(fresh.banca, zones, defaults));
      setVersion(fresh.banca.version);
      setError(null);
      setStale(false);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={banca ? t('ui.lottery.bancas.edit', { code: banca.code }) : t('ui.lottery.bancas.create')}
    >
      <form onSubmit={submit} noValidate data-testid="banca-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('ui.lottery.fields.code')}
              value={form.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              required
              data-testid="banca-code"
            />
            <TextInput
              label={t('ui.lottery.fields.name')}
              value={form.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              required
              data-testid="banca-name"
            />
            <TextInput
              label={t('ui.lottery.bancas.owner')}
              value={form.owner_name}
              onChange={(e) => set('owner_name', e.currentTarget.value)}
              required
              data-testid="banca-owner"
            />
            <Select
              label={t('ui.lottery.bancas.zone')}
              data={zones.map((z) => ({ value: z.id, label: z.name, disabled: !z.active }))}
              value={form.zone_id}
              onChange={(value) => set('zone_id', value ?? '')}
              allowDeselect={false}
              data-testid="banca-zone"
            />
            <TextInput
              type="time"
              label={t('ui.lottery.bancas.opens_at')}
              value={form.opens_at ?? ''}
              onChange={(e) => set('opens_at', e.currentTarget.value || null)}
            />
            <TextInput
              type="time"
              label={t('ui.lottery.bancas.closes_at')}
              description={t('ui.lottery.bancas.closes_at_help')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={form.closes_at ?? ''}
              onChange={(e) => set('closes_at', e.currentTarget.value || null)}
            />
          </SimpleGrid>
          <Divider label={t('ui.lottery.bancas.printing')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('ui.lottery.bancas.print_format')}
              data={PRINT_FORMATS.map((f) => ({ value: f, label: t(`ui.lottery.print_formats.${f}`) }))}
              value={form.print_format}
              onChange={(value) => value && set('print_format', value as FormState['print_format'])}
              allowDeselect={false}
            />
            <NumberInput
              label={t('ui.lottery.bancas.print_copies')}
              min={1}
              max={3}
              value={form.print_copies}
              onChange={(value) => set('print_copies', Number(value) || 1)}
            />
            <Switch
              mt="lg"
              label={t('ui.lottery.bancas.show_prize_table')}
              checked={form.show_prize_table}
              onChange={(e) => set('show_prize_table', e.currentTarget.checked)}
            />
          </SimpleGrid>
          {[0, 1, 2].map((index) => (
            <TextInput
              key={index}
              label={t('ui.lottery.bancas.footer_line', { n: index + 1 })}
              maxLength={60}
              data-testid={`banca-footer-${index + 1}`}
              value={form.footer_lines[index]}
              onChange={(e) => {
                const lines = [...form.footer_lines] as [string, string, string];
                lines[index] = e.currentTarget.value;
                set('footer_lines', lines);
              }}
            />
          ))}
          <Divider label={t('ui.lottery.bancas.risk')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NumberInput
              label={t('ui.lottery.bancas.cancel_window')}
              suffix=" min"
              min={0}
              max={1440}
              value={form.cancel_window_minutes}
              onChange={(value) => set('cancel_window_minutes', Number(value) || 0)}
              data-testid="banca-cancel-window"
            />
            <NumberInput
              label={t('ui.lottery.bancas.max_cancels_per_day')}
              description={t('ui.lottery.bancas.empty_means_none')}
              min={0}
              value={form.max_cancels_per_day ?? ''}
              onChange={(value) => set('max_cancels_per_day', numberOrNull(value))}
            />
            {optionalMoney('max_cancel_amount')}
            {optionalMoney('max_ticket_amount')}
            {optionalMoney('daily_sales_limit')}
            {optionalMoney('credit_limit')}
            {optionalMoney('deactivation_balance')}
            <Switch
              mt="lg"
              label={t('ui.lottery.bancas.accept_partial_lines')}
              checked={form.accept_partial_lines}
              onChange={(e) => set('accept_partial_lines', e.currentTarget.checked)}
            />
          </SimpleGrid>
          {error ? (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Text c="red" size="sm" data-testid="banca-error">
                {error}
              </Text>
              {stale ? (
                <Button size="compact-sm" variant="light" onClick={reload} data-testid="banca-reload">
                  {t('ui.lottery.bancas.reload')}
                </Button>
              ) : null}
            </Group>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="banca-save">
              {t('ui.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
