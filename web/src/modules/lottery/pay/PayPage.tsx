import { Alert, Badge, Button, Group, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, newIdempotencyKey } from '../../../app/api.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useUrlParams } from '../../../ui/useUrlParams.ts';
import { payTicket, type ScannedTicket, scanTicket, useUnclaimed } from '../results/results.api.ts';

const STATUS_COLOURS: Record<string, string> = {
  winner: 'green',
  paid: 'blue',
  loser: 'gray',
  cancelled: 'red',
  expired: 'orange',
  pending: 'yellow',
  active: 'yellow',
};

function PayTab() {
  const { t } = useTranslation();
  const [scanned, setScanned] = useState('');
  const [ticket, setTicket] = useState<ScannedTicket | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [receiptUrl, setReceiptUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per scanned ticket: a double click or a retry gets the same receipt, never a second payment.
  const key = useRef(newIdempotencyKey());
  const input = useRef<HTMLInputElement>(null);

  const lookUp = async () => {
    setError(null);
    setTicket(null);
    setReceiptUrl(null);
    key.current = newIdempotencyKey();
    try {
      setTicket((await scanTicket(scanned.trim())).ticket);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const pay = async () => {
    setBusy(true);
    setError(null);
    try {
      const paid = await payTicket(scanned.trim(), key.current);
      setTicket(paid.ticket);
      setReceiptUrl(paid.receipt_url);
      window.open(paid.receipt_url, '_blank', 'noopener');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const next = () => {
    setScanned('');
    setTicket(null);
    setError(null);
    setReceiptUrl(null);
    input.current?.focus();
  };

  return (
    <Stack maw={640}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void lookUp();
        }}
      >
        <Group align="flex-end">
          <TextInput
            ref={input}
            autoFocus
            style={{ flex: 1 }}
            label={t('ui.lottery.pay.scan')}
            placeholder="LAN-20260129-0001"
            value={scanned}
            onChange={(e) => setScanned(e.currentTarget.value)}
            data-testid="pay-scan"
          />
          <Button type="submit" variant="default">
            {t('ui.lottery.pay.look_up')}
          </Button>
        </Group>
      </form>
      {error && (
        <Alert color="red" data-testid="pay-error">
          {error}
        </Alert>
      )}
      {ticket && (
        <Paper withBorder p="md">
          <Group justify="space-between">
            <Title order={3}>{ticket.ticket_code}</Title>
            <Badge size="lg" color={STATUS_COLOURS[ticket.status] ?? 'gray'} data-testid="pay-status">
              {t(`ui.lottery.pay.status_${ticket.status}`)}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {ticket.branch.branch_code} {ticket.branch.branch_name} ·{' '}
            {t('ui.lottery.pay.expires', { date: ticket.expires_at.slice(0, 10) })}
          </Text>
          <Stack gap={2} my="sm">
            {ticket.lines.map((l) => (
              <Group key={l.line_number} justify="space-between">
                <Text size="sm">
                  {l.lottery.lottery_code} {l.lottery.draw_time} · {l.bet.bet_type_name} {l.bet.bet_number} ·{' '}
                  {l.amounts.bet_amount.toFixed(2)}
                </Text>
                <Text size="sm" fw={l.prize.is_winner ? 700 : 400} c={l.prize.is_winner ? 'green' : 'dimmed'}>
                  {l.prize.is_winner
                    ? l.prize.prize_amount.toFixed(2)
                    : t(`ui.lottery.pay.line_${l.status.line_status}`)}
                </Text>
              </Group>
            ))}
          </Stack>
          <Group justify="space-between" align="center">
            <Text size="xl" fw={700} data-testid="pay-prize">
              {t('ui.lottery.pay.prize')}: {ticket.totals.total_prize.toFixed(2)}
            </Text>
            {ticket.status === 'winner' && !receiptUrl && (
              <Button size="lg" color="green" onClick={pay} loading={busy} data-testid="pay-button">
                {t('ui.lottery.pay.pay')}
              </Button>
            )}
            {receiptUrl && (
              <Group>
                <Button component="a" href={receiptUrl} target="_blank" variant="default">
                  {t('ui.lottery.pay.receipt')}
                </Button>
                <Button onClick={next}>{t('ui.lottery.pay.next')}</Button>
              </Group>
            )}
          </Group>
          {ticket.payment && (
            <Text size="sm" mt="xs" c="dimmed">
              {t('ui.lottery.pay.paid_on', { at: ticket.payment.paid_at.replace('T', ' ').slice(0, 16) })}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}

function UnclaimedTab() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useUnclaimed({ page, page_size: 50 });
  return (
    <Stack>
      <Text>
        {t('ui.lottery.pay.unclaimed_total', {
          count: list.data?.total ?? 0,
          amount: (list.data?.prize_total ?? 0).toFixed(2),
        })}
      </Text>
      <DataTable
        rows={list.data?.items}
        rowKey={(r) => r.code}
        loading={list.isFetching}
        error={list.error}
        page={page}
        pageSize={50}
        total={list.data?.total}
        onPageChange={setPage}
        emptyText={t('ui.lottery.pay.no_unclaimed')}
        columns={[
          { key: 'code', header: t('ui.lottery.results.ticket'), render: (r) => r.code, nowrap: true },
          { key: 'date', header: t('ui.lottery.results.date'), render: (r) => r.business_date, nowrap: true },
          {
            key: 'banca',
            header: t('ui.lottery.results.banca'),
            render: (r) => `${r.banca_code} ${r.banca_name}`,
          },
          {
            key: 'prize',
            header: t('ui.lottery.results.prize'),
            render: (r) => r.prize_total.toFixed(2),
            align: 'right',
          },
          {
            key: 'expires',
            header: t('ui.lottery.pay.expires_at'),
            render: (r) => r.expires_at.slice(0, 10),
            nowrap: true,
          },
        ]}
      />
    </Stack>
  );
}

/** /lottery/pay: scan → status and prize → PAGAR → printed receipt; and the prizes nobody collected yet. */
export default function PayPage() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlParams(['tab'] as const);
  return (
    <>
      <PageTitle title={t('ui.lottery.pay.title')} subtitle={t('ui.lottery.pay.subtitle')} />
      <Tabs value={params.tab || 'pay'} onChange={(value) => setParams({ tab: value })} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="pay">{t('ui.lottery.pay.tab_pay')}</Tabs.Tab>
          <Tabs.Tab value="unclaimed">{t('ui.lottery.pay.tab_unclaimed')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pay">
          <PayTab />
        </Tabs.Panel>
        <Tabs.Panel value="unclaimed">
          <UnclaimedTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
