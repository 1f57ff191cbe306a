import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl, errorMessage, newIdempotencyKey } from '../../../app/api.ts';
import { useSession } from '../../../app/session.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { type Figures, FiguresTable, money } from './FiguresTable.tsx';
import { ShiftPanel } from './ShiftPanel.tsx';

interface Movement {
  id: string;
  kind: string;
  banca_code: string;
  amount: number;
  status: string;
  business_date: string;
  created_by_username: string;
  note: string | null;
}
interface Loan {
  id: string;
  banca_code: string;
  principal: number;
  installments: number;
  frequency: string;
  repaid: number;
  balance: number;
  status: string;
}
/** Today in the browser's time zone (toISOString is UTC: from 20:00 in Santo Domingo it is already tomorrow). */
const today = () => new Date().toLocaleDateString('en-CA');
const STATUS: Record<string, string> = { pending: 'yellow', approved: 'green', rejected: 'red' };

function useBancas() {
  return useQuery({
    queryKey: ['lottery', 'bancas', 'all'],
    queryFn: () =>
      api.get<{ items: { id: string; code: string; name: string }[] }>('/lottery/bancas', {
        query: { page_size: 500 },
      }),
  });
}

function BancaSelect({ value, onChange }: { value: string | null; onChange: (v: string | null) => void }) {
  const { t } = useTranslation();
  const bancas = useBancas();
  return (
    <Select
      label={t('ui.lottery.money.banca')}
      searchable
      data={(bancas.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.code} ${b.name}` }))}
      value={value}
      onChange={onChange}
      w={240}
      data-testid="money-banca"
    />
  );
}

function Movements({ admin }: { admin: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [bancaId, setBancaId] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['lottery', 'money', 'movements'],
    queryFn: () => api.get<{ items: Movement[] }>('/lottery/money/movements', { query: { page_size: 100 } }),
  });
  const record = useMutation({
    mutationFn: (kind: 'cobros' | 'pagos') =>
      api.post(
        `/lottery/money/${kind}`,
        { banca_id: bancaId, amount: Number(amount), note: note || null },
        { headers: { 'Idempotency-Key': newIdempotencyKey() } },
      ),
    onSuccess: () => {
      setAmount('');
      setNote('');
      setError(null);
      client.invalidateQueries({ queryKey: ['lottery', 'money'] });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
      api.post(`/lottery/money/movements/${id}/decision`, { decision }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['lottery', 'money'] }),
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Stack>
      <Paper withBorder p="sm">
        <Group align="end" wrap="wrap">
          <BancaSelect value={bancaId} onChange={setBancaId} />
          <NumberInput
            label={t('ui.lottery.money.amount')}
            value={amount}
            onChange={setAmount}
            min={0}
            decimalScale={2}
            w={160}
            data-testid="money-amount"
          />
          <TextInput
            label={t('ui.lottery.money.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            w={220}
          />
          <Button
            disabled={!bancaId || !Number(amount)}
            loading={record.isPending}
            onClick={() => record.mutate('cobros')}
            data-testid="money-collect"
          >
            {t('ui.lottery.money.collect')}
          </Button>
          <Button
            variant="light"
            disabled={!bancaId || !Number(amount)}
            loading={record.isPending}
            onClick={() => record.mutate('pagos')}
            data-testid="money-pay"
          >
            {t('ui.lottery.money.pay')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" mt="sm">
            {error}
          </Alert>
        )}
      </Paper>
      <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.lottery.money.date')}</Table.Th>
              <Table.Th>{t('ui.lottery.money.kind')}</Table.Th>
              <Table.Th>{t('ui.lottery.money.banca')}</Table.Th>
              <Table.Th ta="right">{t('ui.lottery.money.amount')}</Table.Th>
              <Table.Th>{t('ui.lottery.money.status')}</Table.Th>
              <Table.Th>{t('ui.lottery.money.by')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.items ?? []).map((m) => (
              <Table.Tr key={m.id} data-testid="movement-row">
                <Table.Td>{m.business_date}</Table.Td>
                <Table.Td>{t(`ui.lottery.money.${m.kind}`)}</Table.Td>
                <Table.Td>{m.banca_code}</Table.Td>
                <Table.Td ta="right">{money(m.amount)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS[m.status]}>{t(`ui.lottery.money.status_${m.status}`)}</Badge>
                </Table.Td>
                <Table.Td>{m.created_by_username}</Table.Td>
                <Table.Td>
                  {admin && m.status === 'pending' && (
                    <Group gap={4}>
                      <Button size="xs" onClick={() => decide.mutate({ id: m.id, decision: 'approve' })}>
                        {t('ui.lottery.money.approve')}
                      </Button>
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        onClick={() => decide.mutate({ id: m.id, decision: 'reject' })}
                      >
                        {t('ui.lottery.money.reject')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Loans({ admin }: { admin: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [bancaId, setBancaId] = useState<string | null>(null);
  const [principal, setPrincipal] = useState<number | string>('');
  const [installments, setInstallments] = useState<number | string>(4);
  const [frequency, setFrequency] = useState<string | null>('week');
  const [repay, setRepay] = useState<Record<string, number | string>>({});
  const [error, setError] = useState<string | null>(null);
  const loans = useQuery({
    queryKey: ['lottery', 'money', 'loans'],
    queryFn: () => api.get<{ items: Loan[] }>('/lottery/money/loans'),
  });
  const done = {
    onSuccess: () => client.invalidateQueries({ queryKey: ['lottery', 'money'] }),
    onError: (e: unknown) => setError(errorMessage(e)),
  };
  const grant = useMutation({
    mutationFn: () =>
      api.post('/lottery/money/loans', {
        banca_id: bancaId,
        principal: Number(principal),
        installments: Number(installments),
        frequency,
        note: null,
      }),
    ...done,
  });
  const pay = useMutation({
    mutationFn: (id: string) =>
      api.post(`/lottery/money/loans/${id}/repayments`, { amount: Number(repay[id]), note: null }),
    ...done,
  });
  return (
    <Stack>
      {admin && (
        <Paper withBorder p="sm">
          <Group align="end" wrap="wrap">
            <BancaSelect value={bancaId} onChange={setBancaId} />
            <NumberInput
              label={t('ui.lottery.money.principal')}
              value={principal}
              onChange={setPrincipal}
              min={0}
              decimalScale={2}
              w={150}
            />
            <NumberInput
              label={t('ui.lottery.money.installments')}
              value={installments}
              onChange={setInstallments}
              min={1}
              w={110}
            />
            <Select
              label={t('ui.lottery.money.frequency')}
              data={['day', 'week', 'month'].map((f) => ({
                value: f,
                label: t(`ui.lottery.money.freq_${f}`),
              }))}
              value={frequency}
              onChange={setFrequency}
              w={130}
            />
            <Button
              disabled={!bancaId || !Number(principal)}
              loading={grant.isPending}
              onClick={() => grant.mutate()}
            >
              {t('ui.lottery.money.grant')}
            </Button>
          </Group>
        </Paper>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.lottery.money.banca')}</Table.Th>
            <Table.Th ta="right">{t('ui.lottery.money.principal')}</Table.Th>
            <Table.Th ta="right">{t('ui.lottery.money.repaid')}</Table.Th>
            <Table.Th ta="right">{t('ui.lottery.money.owed')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(loans.data?.items ?? []).map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.banca_code}</Table.Td>
              <Table.Td ta="right">{money(l.principal)}</Table.Td>
              <Table.Td ta="right">{money(l.repaid)}</Table.Td>
              <Table.Td ta="right">{money(l.balance)}</Table.Td>
              <Table.Td>
                {l.balance > 0 && (
                  <Group gap={4}>
                    <NumberInput
                      size="xs"
                      w={110}
                      value={repay[l.id] ?? ''}
                      onChange={(v) => setRepay({ ...repay, [l.id]: v })}
                      decimalScale={2}
                    />
                    <Button size="xs" onClick={() => pay.mutate(l.id)}>
                      {t('ui.lottery.money.repay')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Cuadre() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [bancaId, setBancaId] = useState<string | null>(null);
  const [date, setDate] = useState(today());
  const [counted, setCounted] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const cuadre = useQuery({
    queryKey: ['lottery', 'money', 'cuadre', bancaId, date],
    enabled: !!bancaId,
    queryFn: () =>
      api.get<{
        figures: Figures;
        close: { closed_at: string; counted_cash: number; difference: number } | null;
      }>('/lottery/money/cuadre', {
        query: { banca_id: bancaId!, date },
      }),
  });
  const close = useMutation({
    mutationFn: () =>
      api.post('/lottery/money/cash-closes', {
        banca_id: bancaId,
        date,
        counted_cash: Number(counted),
        note: null,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['lottery', 'money'] }),
    onError: (e) => setError(errorMessage(e)),
  });
  const printUrl = (format: string) =>
    downloadUrl('/lottery/money/cuadre/print', { banca_id: bancaId, date, format });
  return (
    <Stack>
      <Group align="end">
        <BancaSelect value={bancaId} onChange={setBancaId} />
        <TextInput
          type="date"
          label={t('ui.lottery.money.date')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          data-testid="cuadre-date"
        />
      </Group>
      <ErrorAlert error={cuadre.error} />
      {cuadre.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <FiguresTable figures={cuadre.data.figures} />
          <Stack>
            {cuadre.data.close ? (
              <Alert color="blue" data-testid="cuadre-closed">
                {t('ui.lottery.money.closed', {
                  at: cuadre.data.close.closed_at.slice(0, 16).replace('T', ' '),
                })}{' '}
                · {t('ui.lottery.money.cuadre.counted')}{' '}
                <span data-testid="cuadre-counted-cash">{money(cuadre.data.close.counted_cash)}</span> ·{' '}
                {t('ui.lottery.money.cuadre.difference')}{' '}
                <span data-testid="cuadre-difference">{money(cuadre.data.close.difference)}</span>
              </Alert>
            ) : (
              <Group align="end">
                <NumberInput
                  label={t('ui.lottery.money.counted_cash')}
                  value={counted}
                  onChange={setCounted}
                  min={0}
                  allowNegative={false}
                  decimalScale={2}
                  w={180}
                  data-testid="cuadre-counted"
                />
                <Button
                  disabled={counted === ''}
                  loading={close.isPending}
                  onClick={() => close.mutate()}
                  data-testid="cuadre-close"
                >
                  {t('ui.lottery.money.close_day')}
                </Button>
              </Group>
            )}
            {error && <Alert color="red">{error}</Alert>}
            <Group>
              <Button component="a" href={printUrl('80mm')} target="_blank" variant="light">
                {t('ui.lottery.money.print_80')}
              </Button>
              <Button component="a" href={printUrl('a4')} target="_blank" variant="light">
                {t('ui.lottery.money.print_a4')}
              </Button>
            </Group>
          </Stack>
        </SimpleGrid>
      )}
    </Stack>
  );
}

export default function MoneyPage() {
  const { t } = useTranslation();
  const session = useSession();
  const permissions = new Set<string>(session.user.permissions);
  const admin = permissions.has('lottery.money.manage');
  const seller = permissions.has('lottery.ticket.sell');
  return (
    <Stack>
      <PageTitle title={t('ui.lottery.money.title')} subtitle={t('ui.lottery.money.subtitle')} />
      <Tabs defaultValue={seller && !admin ? 'shift' : 'movements'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="movements" data-testid="money-tab-movements">
            {t('ui.lottery.money.tab_movements')}
          </Tabs.Tab>
          <Tabs.Tab value="loans" data-testid="money-tab-loans">
            {t('ui.lottery.money.tab_loans')}
          </Tabs.Tab>
          <Tabs.Tab value="cuadre" data-testid="money-tab-cuadre">
            {t('ui.lottery.money.tab_cuadre')}
          </Tabs.Tab>
          {seller && (
            <Tabs.Tab value="shift" data-testid="money-tab-shift">
              {t('ui.lottery.money.tab_shift')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="movements" pt="sm">
          <Movements admin={admin} />
        </Tabs.Panel>
        <Tabs.Panel value="loans" pt="sm">
          <Loans admin={admin} />
        </Tabs.Panel>
        <Tabs.Panel value="cuadre" pt="sm">
          <Cuadre />
        </Tabs.Panel>
        <Tabs.Panel value="shift" pt="sm">
          <ShiftPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
