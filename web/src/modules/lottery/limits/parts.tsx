import {
  Badge,
  Button,
  type ButtonProps,
  Group,
  Modal,
  NumberInput,
  type NumberInputProps,
  Paper,
  Select,
  type SelectProps,
  Stack,
  Text,
  TextInput,
  type TextInputProps,
  Title,
} from '@mantine/core';
import { BET_TYPE_CODES } from '@matriz/shared/lottery/games';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { useAuditTrail } from './limits.api.ts';

export type Option = { value: string; label: string };

export const amount = (v: number | null) => (v === null ? '—' : v.toFixed(2));

/** The keys of a form whose values are of type V. */
type KeysOf<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T] & string;

/** A field bound to one key of a form kept as a single state object. */
interface Bound<T, V> {
  form: T;
  onChange: (next: T) => void;
  field: KeysOf<T, V>;
}

type SelectFieldProps<T> = Bound<T, string> & { anyLabel?: string } & Omit<
    SelectProps,
    'value' | 'onChange' | 'form'
  >;

export function FormText<T>({
  form,
  onChange,
  field,
  ...props
}: Bound<T, string> & Omit<TextInputProps, 'value' | 'onChange' | 'form'>) {
  return (
    <TextInput
      {...props}
      value={form[field] as string}
      onChange={(e) => onChange({ ...form, [field]: e.currentTarget.value })}
    />
  );
}

/** With `anyLabel` the select may be left empty, which means "all" (every lottery, every day …). */
export function FormSelect<T>({ form, onChange, field, anyLabel, ...props }: SelectFieldProps<T>) {
  return (
    <Select
      clearable={anyLabel !== undefined}
      allowDeselect={anyLabel !== undefined}
      {...props}
      placeholder={props.placeholder ?? anyLabel}
      value={(form[field] as string) || null}
      onChange={(v) => onChange({ ...form, [field]: v ?? '' })}
    />
  );
}

/** Empty until typed: a default of 0 would mean "allow nothing". */
export function FormAmount<T>({
  form,
  onChange,
  field,
  ...props
}: Bound<T, number | null> & Omit<NumberInputProps, 'value' | 'onChange' | 'form'>) {
  return (
    <NumberInput
      min={0}
      decimalScale={2}
      {...props}
      value={(form[field] as number | null) ?? ''}
      onChange={(v) => onChange({ ...form, [field]: v === '' ? null : Number(v) })}
    />
  );
}

/** The lottery a rule, block or hot number is for; left empty, every lottery. */
export function LotteryField<T>({ lotteries, ...props }: { lotteries: Option[] } & SelectFieldProps<T>) {
  const { t } = useTranslation();
  return (
    <FormSelect
      label={t('ui.lottery.limits.lottery')}
      anyLabel={t('ui.lottery.risk.all')}
      w={160}
      {...props}
      data={lotteries}
    />
  );
}

export function BetTypeField<T>(props: SelectFieldProps<T>) {
  const { t } = useTranslation();
  return <FormSelect label={t('ui.lottery.risk.bet_type')} data={[...BET_TYPE_CODES]} w={150} {...props} />;
}

export function NumberField<T>(
  props: Bound<T, string> & Omit<TextInputProps, 'value' | 'onChange' | 'form'>,
) {
  const { t } = useTranslation();
  return <FormText label={t('ui.lottery.risk.number')} w={90} {...props} />;
}

/** A form of one tab: its title over a row of fields that wraps on narrow screens. */
export function FormPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Title order={5}>{title}</Title>
      <Group align="end" wrap="wrap">
        {children}
      </Group>
    </Paper>
  );
}

/** Saves, then says so; a refusal shows the server's message and the form keeps what was typed. */
export function SaveButton({
  onSave,
  children,
  ...props
}: { onSave: () => Promise<unknown>; children: ReactNode; title?: string; 'data-testid'?: string } & Omit<
  ButtonProps,
  'onClick'
>) {
  const { t } = useTranslation();
  return (
    <Button
      {...props}
      onClick={async () => {
        try {
          await onSave();
          notifySuccess(t('ui.lottery.risk.saved'));
        } catch (error) {
          notifyError(error);
        }
      }}
    >
      {children}
    </Button>
  );
}

export const lotteryColumn = <T extends { lottery_id: string | null }>(
  t: TFunction,
  lotteries: Option[],
): Column<T> => ({
  key: 'lottery',
  header: t('ui.lottery.limits.lottery'),
  render: (r) => lotteries.find((l) => l.value === r.lottery_id)?.label ?? t('ui.lottery.risk.all'),
});

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
export function ReasonModal({
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

/** Audited records in a table: each row opens onto its audit trail (for those who may read it). */
export function AuditedTable<T extends { id: string }>({
  entity,
  rows,
  error,
  columns,
  minWidth,
  'data-testid': testId,
}: {
  entity: string;
  rows: T[] | undefined;
  error: unknown;
  columns: Column<T>[];
  minWidth?: number;
  'data-testid'?: string;
}) {
  const canAudit = useCan('platform.audit.read');
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      error={error}
      renderExpanded={canAudit ? (r) => <AuditTrail entity={entity} id={r.id} /> : undefined}
      minWidth={minWidth}
      data-testid={testId}
    />
  );
}

/**
 * Blocked and hot numbers: the number, its lottery, the tab's own columns and the reason; only an admin
 * lifts one, giving why.
 */
export function NumberMarks<
  T extends { id: string; number: string; lottery_id: string | null; reason: string | null },
>({
  entity,
  colour,
  lotteries,
  rows,
  error,
  columns,
  removeLabel,
  onRemove,
  minWidth,
}: {
  entity: string;
  colour: string;
  lotteries: Option[];
  rows: T[] | undefined;
  error: unknown;
  columns: Column<T>[];
  removeLabel: string;
  onRemove: (id: string, reason: string) => Promise<unknown>;
  minWidth?: number;
}) {
  const { t } = useTranslation();
  const admin = useCan('lottery.network.manage');
  const [removing, setRemoving] = useState<T | null>(null);
  return (
    <>
      <AuditedTable
        entity={entity}
        rows={rows}
        error={error}
        minWidth={minWidth}
        columns={[
          {
            key: 'number',
            header: t('ui.lottery.risk.number'),
            render: (r) => <Badge color={colour}>{r.number}</Badge>,
          },
          lotteryColumn<T>(t, lotteries),
          ...columns,
          { key: 'reason', header: t('ui.lottery.limits.reason'), render: (r) => r.reason ?? '' },
          {
            key: 'actions',
            header: '',
            render: (r) => (
              <Button size="xs" variant="subtle" color="red" disabled={!admin} onClick={() => setRemoving(r)}>
                {removeLabel}
              </Button>
            ),
          },
        ]}
      />
      <ReasonModal
        opened={removing !== null}
        title={removeLabel}
        onClose={() => setRemoving(null)}
        onSubmit={async (reason) => {
          if (!removing) return;
          await onRemove(removing.id, reason);
          notifySuccess(t('ui.lottery.risk.saved'));
        }}
      />
    </>
  );
}
