import { Badge, Button, Group, NumberInput, Stack } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import type { Column } from '../../../ui/DataTable.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { type BancaView, useDraws, useOptions, type ZoneView } from '../catalog.api.ts';
import { type LimitRuleView, useLimitMutations, useLimitRules } from './limits.api.ts';
import {
  AuditedTable,
  amount,
  BetTypeField,
  FormAmount,
  FormPanel,
  FormSelect,
  FormText,
  LotteryField,
  lotteryColumn,
  NumberField,
  type Option,
  ReasonModal,
  SaveButton,
} from './parts.tsx';

interface RuleForm {
  level: string;
  measure: string;
  bet_type: string;
  number: string;
  lottery_id: string;
  /** A draw of the chosen lottery, listed for the "from" day (today without one). */
  draw_id: string;
  zone_id: string;
  banca_id: string;
  /** '' every day, else '0' (Sunday) … '6': the weekday of the draw's date. */
  weekday: string;
  starts_on: string;
  ends_on: string;
  max_amount: number | null;
  note: string;
}

const EMPTY: RuleForm = {
  level: 'number',
  measure: 'sales',
  bet_type: 'DIRECTO',
  number: '',
  lottery_id: '',
  draw_id: '',
  zone_id: '',
  banca_id: '',
  weekday: '',
  starts_on: '',
  ends_on: '',
  max_amount: null,
  note: '',
};

const WEEKDAYS = ['0', '1', '2', '3', '4', '5', '6'] as const;

const drawText = (draw: { draw_date: string; draw_time: string }) =>
  `${draw.draw_date} ${draw.draw_time.slice(0, 5)}`;

/** "del 2026-02-01 al 2026-02-28", "desde el …", "hasta el …"; null without dates. */
function datesText(t: TFunction, from: string | null, to: string | null): string | null {
  if (from && to) return t('ui.lottery.limits.between_dates', { from, to });
  if (from) return t('ui.lottery.limits.from_date', { from });
  if (to) return t('ui.lottery.limits.until_date', { to });
  return null;
}

/** What a new rule will stop, in words, when it reaches the whole network or allows nothing (max 0). */
function useRuleWarning(
  form: RuleForm,
  options: { lotteries: Option[]; draws: Option[]; zones: Option[]; bancas: Option[] },
) {
  const { t } = useTranslation();
  const labelOf = (list: Option[], id: string) => list.find((o) => o.value === id)?.label ?? id;
  const networkWide = !form.zone_id && !form.banca_id;
  if (form.max_amount === null || (!networkWide && form.max_amount > 0)) return null;
  const what =
    form.level === 'number'
      ? form.number
        ? t('ui.lottery.limits.what_number_one', { bet_type: form.bet_type, number: form.number })
        : t('ui.lottery.limits.what_number_each', { bet_type: form.bet_type })
      : form.level === 'bet_type'
        ? t('ui.lottery.limits.what_bet_type', { bet_type: form.bet_type })
        : t('ui.lottery.limits.what_all');
  const where = form.banca_id
    ? t('ui.lottery.limits.where_banca', { banca: labelOf(options.bancas, form.banca_id) })
    : form.zone_id
      ? t('ui.lottery.limits.where_zone', { zone: labelOf(options.zones, form.zone_id) })
      : t('ui.lottery.limits.where_network');
  const lottery = [
    form.draw_id
      ? t('ui.lottery.limits.in_draw', {
          draw: `${labelOf(options.lotteries, form.lottery_id)} ${labelOf(options.draws, form.draw_id)}`,
        })
      : form.lottery_id
        ? t('ui.lottery.limits.in_lottery', { lottery: labelOf(options.lotteries, form.lottery_id) })
        : t('ui.lottery.limits.in_all_lotteries'),
    form.weekday
      ? t('ui.lottery.limits.on_weekday', { day: t(`ui.lottery.weekdays.${form.weekday}`) })
      : null,
    datesText(t, form.starts_on || null, form.ends_on || null),
  ]
    .filter(Boolean)
    .join(', ');
  return form.max_amount === 0
    ? t('ui.lottery.limits.confirm_zero', { what, where, lottery })
    : t('ui.lottery.limits.confirm_network', {
        what,
        where,
        lottery,
        max: amount(form.max_amount),
        measure: t(`ui.lottery.limits.measure_${form.measure}`),
      });
}

export function RulesTab({ lotteries }: { lotteries: Option[] }) {
  const { t } = useTranslation();
  const rules = useLimitRules();
  const m = useLimitMutations();
  // Admins set limits anywhere; a supervisor only inside the zones and bancas they cover.
  const admin = useCan('lottery.network.manage');
  const bancaOptions = useOptions<BancaView>('/lottery/bancas');
  const zoneOptions = useOptions<ZoneView>('/lottery/zones');
  const bancas = (bancaOptions.data ?? []).map((b) => ({ value: b.id, label: `${b.code} ${b.name}` }));
  const ownZones = new Set((bancaOptions.data ?? []).map((b) => b.zone_id));
  const zones = (zoneOptions.data ?? [])
    .filter((z) => admin || ownZones.has(z.id))
    .map((z) => ({ value: z.id, label: z.name }));
  const [form, setForm] = useState<RuleForm>(EMPTY);
  // The draw list belongs to one lottery and one day: changing either empties the choice.
  const update = (next: RuleForm) =>
    setForm(
      next.lottery_id !== form.lottery_id || next.starts_on !== form.starts_on
        ? { ...next, draw_id: '' }
        : next,
    );
  const bind = { form, onChange: update };
  const drawList = useDraws({ lottery_id: form.lottery_id || undefined, date: form.starts_on || undefined });
  const draws = form.lottery_id
    ? (drawList.data?.draws ?? [])
        .filter((d) => d.lottery_id === form.lottery_id)
        .map((d) => ({ value: d.id, label: drawText(d) }))
    : [];
  const warning = useRuleWarning(form, { lotteries, draws, zones, bancas });
  const needsScope = !admin && !form.zone_id && !form.banca_id;
  const backwards = !!form.starts_on && !!form.ends_on && form.ends_on < form.starts_on;
  const create = async () => {
    await m.createRule({
      level: form.level,
      measure: form.measure,
      max_amount: form.max_amount,
      lottery_id: form.lottery_id || null,
      draw_id: form.draw_id || null,
      zone_id: form.zone_id || null,
      banca_id: form.banca_id || null,
      bet_type: ['bet_type', 'number'].includes(form.level) ? form.bet_type : null,
      number: form.level === 'number' && form.number ? form.number : null,
      weekday: form.weekday === '' ? null : Number(form.weekday),
      starts_on: form.starts_on || null,
      ends_on: form.ends_on || null,
      ...(form.note ? { note: form.note } : {}),
    });
    setForm(EMPTY);
  };
  const [editing, setEditing] = useState<{ rule: LimitRuleView; max: number; deactivate: boolean } | null>(
    null,
  );
  const columns: Column<LimitRuleView>[] = [
    {
      key: 'level',
      header: t('ui.lottery.limits.level'),
      render: (r) => t(`ui.lottery.limits.level_${r.level}`, r.level),
    },
    {
      key: 'measure',
      header: t('ui.lottery.limits.measure'),
      render: (r) => t(`ui.lottery.limits.measure_${r.measure}`, r.measure),
    },
    lotteryColumn<LimitRuleView>(t, lotteries),
    {
      key: 'draw',
      header: t('ui.lottery.limits.draw'),
      render: (r) => (r.draw ? drawText(r.draw) : t('ui.lottery.limits.draw_any')),
      nowrap: true,
    },
    { key: 'bet', header: t('ui.lottery.risk.bet_type'), render: (r) => r.bet_type ?? '—' },
    { key: 'number', header: t('ui.lottery.risk.number'), render: (r) => r.number ?? '—' },
    {
      key: 'weekday',
      header: t('ui.lottery.limits.weekday'),
      render: (r) =>
        r.weekday === null ? t('ui.lottery.limits.every_day') : t(`ui.lottery.weekdays.${r.weekday}`),
    },
    {
      key: 'validity',
      header: t('ui.lottery.limits.validity'),
      render: (r) => datesText(t, r.starts_on, r.ends_on) ?? t('ui.lottery.limits.always'),
      nowrap: true,
    },
    { key: 'max', header: t('ui.lottery.limits.max'), render: (r) => amount(r.max_amount), align: 'right' },
    {
      key: 'active',
      header: '',
      render: (r) => (
        <Badge color={r.active ? 'green' : 'gray'}>
          {r.active ? t('ui.lottery.limits.active') : t('ui.lottery.limits.inactive')}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: '',
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          <Button
            size="xs"
            variant="light"
            onClick={() => setEditing({ rule: r, max: r.max_amount, deactivate: false })}
          >
            {t('ui.lottery.limits.edit')}
          </Button>
          {r.active ? (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => setEditing({ rule: r, max: r.max_amount, deactivate: true })}
            >
              {t('ui.lottery.limits.deactivate')}
            </Button>
          ) : null}
        </Group>
      ),
    },
  ];
  const all = t('ui.lottery.risk.all');
  const scopePlaceholder = admin ? all : t('ui.lottery.limits.choose_scope');
  return (
    <Stack gap="sm">
      <FormPanel title={t('ui.lottery.limits.new_rule')}>
        <FormSelect
          {...bind}
          field="level"
          label={t('ui.lottery.limits.level')}
          data={(admin
            ? ['global', 'zone', 'banca', 'bet_type', 'number']
            : ['zone', 'banca', 'bet_type', 'number']
          ).map((v) => ({ value: v, label: t(`ui.lottery.limits.level_${v}`) }))}
          w={140}
          data-testid="rule-level"
        />
        <FormSelect
          {...bind}
          field="measure"
          label={t('ui.lottery.limits.measure')}
          data={['sales', 'payout'].map((v) => ({ value: v, label: t(`ui.lottery.limits.measure_${v}`) }))}
          w={130}
        />
        <LotteryField
          {...bind}
          field="lottery_id"
          lotteries={lotteries}
          searchable
          data-testid="rule-lottery"
        />
        <FormSelect
          {...bind}
          field="draw_id"
          label={t('ui.lottery.limits.draw')}
          data={draws}
          anyLabel={t('ui.lottery.limits.draw_any')}
          placeholder={form.lottery_id ? undefined : t('ui.lottery.limits.draw_pick_lottery')}
          disabled={!form.lottery_id}
          description={
            form.lottery_id
              ? form.starts_on
                ? t('ui.lottery.limits.draws_of', { date: form.starts_on })
                : t('ui.lottery.limits.draws_today')
              : undefined
          }
          w={170}
          data-testid="rule-draw"
        />
        <FormSelect
          {...bind}
          field="zone_id"
          label={t('ui.lottery.risk.zone')}
          data={zones}
          anyLabel={scopePlaceholder}
          w={170}
          data-testid="rule-zone"
        />
        <FormSelect
          {...bind}
          field="banca_id"
          label={t('ui.lottery.risk.banca')}
          data={bancas}
          anyLabel={scopePlaceholder}
          searchable
          w={190}
          data-testid="rule-banca"
        />
        <BetTypeField {...bind} field="bet_type" />
        <NumberField {...bind} field="number" data-testid="rule-number" />
        <FormSelect
          {...bind}
          field="weekday"
          label={t('ui.lottery.limits.weekday')}
          data={WEEKDAYS.map((d) => ({ value: d, label: t(`ui.lottery.weekdays.${d}`) }))}
          anyLabel={t('ui.lottery.limits.every_day')}
          w={150}
          data-testid="rule-weekday"
        />
        <FormText
          {...bind}
          field="starts_on"
          type="date"
          label={t('ui.lottery.limits.starts_on')}
          w={150}
          data-testid="rule-starts-on"
        />
        <FormText
          {...bind}
          field="ends_on"
          type="date"
          label={t('ui.lottery.limits.ends_on')}
          min={form.starts_on || undefined}
          error={backwards ? t('errors.INVALID_DATE_RANGE') : undefined}
          w={150}
          data-testid="rule-ends-on"
        />
        <FormAmount
          {...bind}
          field="max_amount"
          label={t('ui.lottery.limits.max')}
          placeholder={t('ui.lottery.limits.max_placeholder')}
          w={120}
          data-testid="rule-max"
        />
        <FormText {...bind} field="note" label={t('ui.lottery.limits.note')} w={180} />
        {warning && !needsScope && !backwards ? (
          <ConfirmButton
            confirmTitle={t('ui.lottery.limits.confirm_title')}
            confirmMessage={warning}
            confirmLabel={t('ui.lottery.limits.confirm_create')}
            onConfirm={async () => {
              await create();
              notifySuccess(t('ui.lottery.risk.saved'));
            }}
            data-testid="rule-save"
          >
            {t('ui.lottery.risk.save')}
          </ConfirmButton>
        ) : (
          <SaveButton
            loading={m.pending}
            disabled={form.max_amount === null || needsScope || backwards}
            title={needsScope ? t('ui.lottery.limits.choose_scope') : undefined}
            data-testid="rule-save"
            onSave={create}
          >
            {t('ui.lottery.risk.save')}
          </SaveButton>
        )}
      </FormPanel>
      <AuditedTable
        entity="lottery_limit_rule"
        rows={rules.data?.items}
        error={rules.error}
        columns={columns}
        data-testid="limit-rules"
      />
      <ReasonModal
        opened={editing !== null}
        title={editing?.deactivate ? t('ui.lottery.limits.deactivate') : t('ui.lottery.limits.edit')}
        onClose={() => setEditing(null)}
        onSubmit={async (reason) => {
          if (!editing) return;
          await m.changeRule(
            editing.rule.id,
            editing.deactivate ? { active: false, reason } : { max_amount: editing.max, reason },
          );
          notifySuccess(t('ui.lottery.risk.saved'));
        }}
      >
        {editing && !editing.deactivate ? (
          <NumberInput
            label={t('ui.lottery.limits.max')}
            value={editing.max}
            onChange={(v) => setEditing({ ...editing, max: Number(v) || 0 })}
            decimalScale={2}
          />
        ) : null}
      </ReasonModal>
    </Stack>
  );
}
