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
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useUrlParams } from '../../../ui/useUrlParams.ts';
import type { LotteryView } from '../catalog.api.ts';
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

function RulesTab({ lotteries }: { lotteries: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const rules = useLimitRules();
  const m = useLimitMutations();
  const canAudit = useCan('platform.audit.read');
  const [form, setForm] = useState({
    level: 'number',
    measure: 'sales',
    bet_type: 'DIRECTO',
    number: '',
    lottery_id: '',
    max_amount: 0,
    note: '',
  });
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
            data={['global', 'zone', 'banca', 'bet_type', 'number'].map((v) => ({
              value: v,
              label: t(`ui.lottery.limits.level_${v}`),
            }))}
            value={form.level}
            onChange={(v) => setForm({ ...form, level: v ?? 'number' })}
            w={140}
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
          />
          <NumberInput
            label={t('ui.lottery.limits.max')}
            value={form.max_amount}
            onChange={(v) => setForm({ ...form, max_amount: Number(v) || 0 })}
            decimalScale={2}
            w={120}
          />
          <TextInput
            label={t('ui.lottery.limits.note')}
            value={form.note}
            onChange={(e) => setForm({ ...form, note: e.currentTarget.value })}
            w={180}
          />
          <Button
            loading={m.pending}
            onClick={async () => {
              try {
                await m.createRule({
                  level: form.level,
                  measure: form.measure,
                  max_amount: form.max_amount,
                  lottery_id: form.lottery_id || null,
                  bet_type: ['bet_type', 'number'].includes(form.level) ? form.bet_type : null,
                  number: form.level === 'number' && form.number ? form.number : null,
                  ...(form.note ? { note: form.note } : {}),
                });
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

function BlocksTab({ lotteries }: { lotteries: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const blocks = useBlocks();
  const m = useLimitMutations();
  const canAudit = useCan('platform.audit.read');
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
        <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(b)}>
          {t('ui.lottery.limits.unblock')}
        </Button>
      ),
    },
  ];
  return (
    <Stack gap="sm">
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

function HotTab({ lotteries }: { lotteries: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const hot = useHotNumbers();
  const m = useLimitMutations();
  const canAudit = useCan('platform.audit.read');
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
        <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(h)}>
          {t('ui.lottery.limits.unmark')}
        </Button>
      ),
    },
  ];
  return (
    <Stack gap="sm">
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
