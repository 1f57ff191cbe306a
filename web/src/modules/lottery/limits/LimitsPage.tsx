import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { BET_TYPE_CODES } from '@matriz/shared/lottery/games';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useUrlParams } from '../../../ui/useUrlParams.ts';
import type { BancaView, LotteryView, ZoneView } from '../catalog.api.ts';
import { useOptions } from '../catalog.api.ts';
import {
  type BlockView,
  type HotNumberView,
  type LimitRuleView,
  useAuditTrail,
  useBlocks,
  useHotNumbers,
  useLimitMutations,
  useLimitRules,
} from './limits.api.ts';

const KEYS = ['tab'] as const;
const amount = (v: number | null) => (v === null ? '—' : v.toFixed(2));
type Option = { value: string; label: string };

/** Who changed what: old value, new value, who and why (the reason travels in `after`). */
function AuditTrail({ entity, id }: { entity: string; id: string }) {
  const { t } = useTranslation();
  const trail = useAuditTrail(entity, id);
  if (trail.error) return <Text c="dimmed">{t('ui.lottery.limits.audit_unavailable')}</Text>;
  return (
    <Stack gap={2}>
      {(trail.data?.items ?? []).map((row) => (
        <Text key={row.id} size="xs" ff="monospace">
          {formatDateTime(row.at)} · {row.username ?? '—'} · {row.action} ·{' '}
          {JSON.stringify(row.before ?? null)} → {JSON.stringify(row.after ?? null)}
        </Text>
      ))}
    </Stack>
  );
}

/** A small modal asking for the reason a change needs. */
function ReasonModal({
  opened,
  title,
  onClose,
  onSubmit,
  children,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        {children}
        <TextInput
          label={t('ui.lottery.limits.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="reason-input"
        />
        <Button
          data-testid="reason-submit"
          onClick={async () => {
            try {
              await onSubmit(reason);
              setReason('');
              onClose();
            } catch (error) {
              notifyError(error);
            }
          }}
        >
          {t('ui.lottery.limits.confirm')}
        </Button>
      </Stack>
    </Modal>
  );
}

interface RuleForm {
  level: string;
  measure: string;
  bet_type: string;
  number: string;
  lottery_id: string;
  zone_id: string;
  banca_id: string;
  /** Empty until typed: a default of 0 would refuse every sale the rule covers. */
  max_amount: number | null;
  note: string;
}

/** What a new rule will stop, in words, when it reaches the whole network or allows nothing (max 0). */
function useRuleWarning(form: RuleForm, options: { lotteries: Option[]; zones: Option[]; bancas: Option[] }) {
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
  const lottery = form.lottery_id
    ? t('ui.lottery.limits.in_lottery', { lottery: labelOf(options.lotteries, form.lottery_id) })
    : t('ui.lottery.limits.in_all_lotteries');
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

function RulesTab({ lotteries }: { lotteries: Option[] }) {
  const { t } = useTranslation();
  const rules = useLimitRules();
  const m = useLimitMutations();
  const canAudit = useCan('platform.audit.read');
  // Admins set limits anywhere; a supervisor only inside the zones and bancas they cover.
  const admin = useCan('lottery.network.manage');
  const bancaOptions = useOptions<BancaView>('/lottery/bancas');
  const zoneOptions = useOptions<ZoneView>('/lottery/zones');
  const bancas = (bancaOptions.data ?? []).map((b) => ({ value: b.id, label: `${b.code} ${b.name}` }));
  const ownZones = new Set((bancaOptions.data ?? []).map((b) => b.zone_id));
  const zones = (zoneOptions.data ?? [])
    .filter((z) => admin || ownZones.has(z.id))
    .map((z) => ({ value: z.id, label: z.name }));
  const empty: RuleForm = {
    level: 'number',
    measure: 'sales',
    bet_type: 'DIRECTO',
    number: '',
    lottery_id: '',
    zone_id: '',
    banca_id: '',
    max_amount: null,
    note: '',
  };
  const [form, setForm] = useState<RuleForm>(empty);
  const warning = useRuleWarning(form, { lotteries, zones, bancas });
  const needsScope = !admin && !form.zone_id && !form.banca_id;
  const create = async () => {
    await m.createRule({
      level: form.level,
      measure: form.measure,
      max_amount: form.max_amount,
      lottery_id: form.lottery_id || null,
      zone_id: form.zone_id || null,
      banca_id: form.banca_id || null,
      bet_type: ['bet_type', 'number'].includes(form.level) ? form.bet_type : null,
      number: form.level === 'number' && form.number ? form.number : null,
      ...(form.note ? { note: form.note } : {}),
    });
    notifySuccess(t('ui.lottery.risk.saved'));
    setForm(empty);
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
    {
      key: 'lottery',
      header: t('ui.lottery.limits.lottery'),
      render: (r) => lotteries.find((l) => l.value === r.lottery_id)?.label ?? t('ui.lottery.risk.all'),
    },
    { key: 'bet', header: t('ui.lottery.risk.bet_type'), render: (r) => r.bet_type ?? '—' },
    { key: 'number', header: t('ui.lottery.risk.number'), render: (r) => r.number ?? '—' },
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
  return (
    <Stack gap="sm">
      <Paper withBorder p="sm">
        <Title order={5}>{t('ui.lottery.limits.new_rule')}</Title>
        <Group align="end" wrap="wrap">
          <Select
            label={t('ui.lottery.limits.level')}
            data={(admin
              ? ['global', 'zone', 'banca', 'bet_type', 'number']
              : ['zone', 'banca', 'bet_type', 'number']
            ).map((v) => ({
              value: v,
              label: t(`ui.lottery.limits.level_${v}`),
            }))}
            value={form.level}
            onChange={(v) => setForm({ ...form, level: v ?? 'number' })}
            w={140}
            data-testid="rule-level"
          />
          <Select
            label={t('ui.lottery.limits.measure')}
            data={['sales', 'payout'].map((v) => ({ value: v, label: t(`ui.lottery.limits.measure_${v}`) }))}
            value={form.measure}
            onChange={(v) => setForm({ ...form, measure: v ?? 'sales' })}
            w={130}
          />
          <Select
            label={t('ui.lottery.limits.lottery')}
            data={lotteries}
            value={form.lottery_id || null}
            onChange={(v) => setForm({ ...form, lottery_id: v ?? '' })}
            clearable
            placeholder={t('ui.lottery.risk.all')}
            w={160}
          />
          <Select
            label={t('ui.lottery.risk.zone')}
            data={zones}
            value={form.zone_id || null}
            onChange={(v) => setForm({ ...form, zone_id: v ?? '' })}
            clearable
            placeholder={admin ? t('ui.lottery.risk.all') : t('ui.lottery.limits.choose_scope')}
            w={170}
            data-testid="rule-zone"
          />
          <Select
            label={t('ui.lottery.risk.banca')}
            data={bancas}
            value={form.banca_id || null}
            onChange={(v) => setForm({ ...form, banca_id: v ?? '' })}
            clearable
            searchable
            placeholder={admin ? t('ui.lottery.risk.all') : t('ui.lottery.limits.choose_scope')}
            w={190}
            data-testid="rule-banca"
          />
          <Select
            label={t('ui.lottery.risk.bet_type')}
            data={[...BET_TYPE_CODES]}
            value={form.bet_type}
            onChange={(v) => setForm({ ...form, bet_type: v ?? 'DIRECTO' })}
            w={150}
          />
          <TextInput
            label={t('ui.lottery.risk.number')}
            value={form.number}
            onChange={(e) => setForm({ ...form, number: e.currentTarget.value })}
            w={90}
            data-testid="rule-number"
          />
          <NumberInput
            label={t('ui.lottery.limits.max')}
            value={form.max_amount ?? ''}
            onChange={(v) => setForm({ ...form, max_amount: v === '' ? null : Number(v) })}
            min={0}
            decimalScale={2}
            placeholder={t('ui.lottery.limits.max_placeholder')}
            w={120}
            data-testid="rule-max"
          />
          <TextInput
            label={t('ui.lottery.limits.note')}
            value={form.note}
            onChange={(e) => setForm({ ...form, note: e.currentTarget.value })}
            w={180}
          />
          {warning && !needsScope ? (
            <ConfirmButton
              confirmTitle={t('ui.lottery.limits.confirm_title')}
              confirmMessage={warning}
              confirmLabel={t('ui.lottery.limits.confirm_create')}
              onConfirm={create}
              data-testid="rule-save"
            >
              {t('ui.lottery.risk.save')}
            </ConfirmButton>
          ) : (
            <Button
              loading={m.pending}
              disabled={form.max_amount === null || needsScope}
              title={needsScope ? t('ui.lottery.limits.choose_scope') : undefined}
              data-testid="rule-save"
              onClick={async () => {
                try {
                  await create();
                } catch (error) {
                  notifyError(error);
                }
              }}
            >
              {t('ui.lottery.risk.save')}
            </Button>
          )}
        </Group>
      </Paper>
      <DataTable
        columns={columns}
        rows={rules.data?.items}
        rowKey={(r) => r.id}
        error={rules.error}
        renderExpanded={canAudit ? (r) => <AuditTrail entity="lottery_limit_rule" id={r.id} /> : undefined}
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

/** Blocks and hot numbers hold at every banca: only admins set or lift them; others see them. */
function AdminOnlyNote() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" data-testid="limits-admin-only">
      {t('ui.lottery.limits.admin_only')}
    </Text>
  );
}

function BlocksTab({ lotteries }: { lotteries: Option[] }) {
  const { t } = useTranslation();
  const blocks = useBlocks();
  const m = useLimitMutations();
  const canAudit = useCan('platform.audit.read');
  const admin = useCan('lottery.network.manage');
  const [form, setForm] = useState({ number: '', lottery_id: '', bet_type: '', reason: '' });
  const [removing, setRemoving] = useState<BlockView | null>(null);
  const columns: Column<BlockView>[] = [
    {
      key: 'number',
      header: t('ui.lottery.risk.number'),
      render: (b) => <Badge color="dark">{b.number}</Badge>,
    },
    {
      key: 'lottery',
      header: t('ui.lottery.limits.lottery'),
      render: (b) => lotteries.find((l) => l.value === b.lottery_id)?.label ?? t('ui.lottery.risk.all'),
    },
    {
      key: 'bet',
      header: t('ui.lottery.risk.bet_type'),
      render: (b) => b.bet_type ?? t('ui.lottery.risk.all'),
    },
    { key: 'reason', header: t('ui.lottery.limits.reason'), render: (b) => b.reason ?? '' },
    {
      key: 'actions',
      header: '',
      render: (b) => (
        <Button size="xs" variant="subtle" color="red" disabled={!admin} onClick={() => setRemoving(b)}>
          {t('ui.lottery.limits.unblock')}
        </Button>
      ),
    },
  ];
  return (
    <Stack gap="sm">
      {admin ? (
        <Paper withBorder p="sm">
          <Title order={5}>{t('ui.lottery.limits.new_block')}</Title>
          <Group align="end" wrap="wrap">
            <TextInput
              label={t('ui.lottery.risk.number')}
              value={form.number}
              onChange={(e) => setForm({ ...form, number: e.currentTarget.value })}
              w={90}
              data-testid="block-number"
            />
            <Select
              label={t('ui.lottery.limits.lottery')}
              data={lotteries}
              value={form.lottery_id || null}
              onChange={(v) => setForm({ ...form, lottery_id: v ?? '' })}
              clearable
              placeholder={t('ui.lottery.risk.all')}
              w={160}
            />
            <Select
              label={t('ui.lottery.risk.bet_type')}
              data={[...BET_TYPE_CODES]}
              value={form.bet_type || null}
              onChange={(v) => setForm({ ...form, bet_type: v ?? '' })}
              clearable
              placeholder={t('ui.lottery.risk.all')}
              w={150}
            />
            <TextInput
              label={t('ui.lottery.limits.reason')}
              value={form.reason}
              onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
              w={200}
              data-testid="block-reason"
            />
            <Button
              data-testid="block-submit"
              onClick={async () => {
                try {
                  await m.block({
                    number: form.number,
                    lottery_id: form.lottery_id || null,
                    bet_type: form.bet_type || null,
                    reason: form.reason,
                  });
                  notifySuccess(t('ui.lottery.risk.saved'));
                  setForm({ ...form, number: '', reason: '' });
                } catch (error) {
                  notifyError(error);
                }
              }}
            >
              {t('ui.lottery.limits.block')}
            </Button>
          </Group>
        </Paper>
      ) : (
        <AdminOnlyNote />
      )}
      <DataTable
        columns={columns}
        rows={blocks.data?.items}
        rowKey={(b) => b.id}
        error={blocks.error}
        renderExpanded={canAudit ? (b) => <AuditTrail entity="lottery_block" id={b.id} /> : undefined}
        minWidth={480}
      />
      <ReasonModal
        opened={removing !== null}
        title={t('ui.lottery.limits.unblock')}
        onClose={() => setRemoving(null)}
        onSubmit={async (reason) => {
          await m.unblock(removing!.id, reason);
          notifySuccess(t('ui.lottery.risk.saved'));
        }}
      />
    </Stack>
  );
}

const HOT_FIELDS = ['directo', 'pale_1', 'pale_2', 'tripleta_1', 'tripleta_2', 'tripleta_3'] as const;

function HotTab({ lotteries }: { lotteries: Option[] }) {
  const { t } = useTranslation();
  const hot = useHotNumbers();
  const m = useLimitMutations();
  const canAudit = useCan('platform.audit.read');
  const admin = useCan('lottery.network.manage');
  const [form, setForm] = useState<Record<string, string | number | null>>({
    number: '',
    lottery_id: '',
    reason: '',
    directo: null,
    pale_1: null,
    pale_2: null,
    tripleta_1: null,
    tripleta_2: null,
    tripleta_3: null,
  });
  const [removing, setRemoving] = useState<HotNumberView | null>(null);
  const columns: Column<HotNumberView>[] = [
    {
      key: 'number',
      header: t('ui.lottery.risk.number'),
      render: (h) => <Badge color="red">{h.number}</Badge>,
    },
    {
      key: 'lottery',
      header: t('ui.lottery.limits.lottery'),
      render: (h) => lotteries.find((l) => l.value === h.lottery_id)?.label ?? t('ui.lottery.risk.all'),
    },
    ...HOT_FIELDS.map((f) => ({
      key: f,
      header: t(`ui.lottery.limits.hot_${f}`),
      render: (h: HotNumberView) => amount(h[f]),
      align: 'right' as const,
    })),
    { key: 'reason', header: t('ui.lottery.limits.reason'), render: (h) => h.reason ?? '' },
    {
      key: 'actions',
      header: '',
      render: (h) => (
        <Button size="xs" variant="subtle" color="red" disabled={!admin} onClick={() => setRemoving(h)}>
          {t('ui.lottery.limits.unmark')}
        </Button>
      ),
    },
  ];
  return (
    <Stack gap="sm">
      {admin ? (
        <Paper withBorder p="sm">
          <Title order={5}>{t('ui.lottery.limits.new_hot')}</Title>
          <Group align="end" wrap="wrap">
            <TextInput
              label={t('ui.lottery.risk.number')}
              value={String(form.number)}
              onChange={(e) => setForm({ ...form, number: e.currentTarget.value })}
              w={80}
            />
            <Select
              label={t('ui.lottery.limits.lottery')}
              data={lotteries}
              value={(form.lottery_id as string) || null}
              onChange={(v) => setForm({ ...form, lottery_id: v ?? '' })}
              clearable
              placeholder={t('ui.lottery.risk.all')}
              w={150}
            />
            {HOT_FIELDS.map((f) => (
              <NumberInput
                key={f}
                label={t(`ui.lottery.limits.hot_${f}`)}
                value={(form[f] as number | null) ?? ''}
                onChange={(v) => setForm({ ...form, [f]: v === '' ? null : Number(v) })}
                decimalScale={2}
                w={100}
              />
            ))}
            <TextInput
              label={t('ui.lottery.limits.reason')}
              value={String(form.reason)}
              onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
              w={180}
            />
            <Button
              onClick={async () => {
                try {
                  await m.markHot({ ...form, lottery_id: form.lottery_id || null });
                  notifySuccess(t('ui.lottery.risk.saved'));
                } catch (error) {
                  notifyError(error);
                }
              }}
            >
              {t('ui.lottery.risk.save')}
            </Button>
          </Group>
        </Paper>
      ) : (
        <AdminOnlyNote />
      )}
      <DataTable
        columns={columns}
        rows={hot.data?.items}
        rowKey={(h) => h.id}
        error={hot.error}
        renderExpanded={canAudit ? (h) => <AuditTrail entity="lottery_hot_number" id={h.id} /> : undefined}
      />
      <ReasonModal
        opened={removing !== null}
        title={t('ui.lottery.limits.unmark')}
        onClose={() => setRemoving(null)}
        onSubmit={async (reason) => {
          await m.unmarkHot(removing!.id, reason);
          notifySuccess(t('ui.lottery.risk.saved'));
        }}
      />
    </Stack>
  );
}

/** /lottery/limits: limit rules, blocked numbers and hot numbers, each change with its reason and audit. */
export default function LimitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlParams(KEYS);
  const lotteryOptions = useOptions<LotteryView>('/lottery/lotteries');
  const lotteries = (lotteryOptions.data ?? []).map((l) => ({ value: l.id, label: l.name }));
  const tab = params.tab || 'rules';
  return (
    <>
      <PageTitle title={t('ui.lottery.limits.title')} subtitle={t('ui.lottery.limits.subtitle')} />
      <Tabs value={tab} onChange={(value) => setParams({ tab: value })} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="rules">{t('ui.lottery.limits.tab_rules')}</Tabs.Tab>
          <Tabs.Tab value="blocks" data-testid="tab-blocks">
            {t('ui.lottery.limits.tab_blocks')}
          </Tabs.Tab>
          <Tabs.Tab value="hot">{t('ui.lottery.limits.tab_hot')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rules">
          <RulesTab lotteries={lotteries} />
        </Tabs.Panel>
        <Tabs.Panel value="blocks">
          <BlocksTab lotteries={lotteries} />
        </Tabs.Panel>
        <Tabs.Panel value="hot">
          <HotTab lotteries={lotteries} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
