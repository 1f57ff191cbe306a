import { Alert, Badge, Button, Group, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import type { CurrencyFormat } from '@matriz/shared/money';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage, newIdempotencyKey } from '../../../app/api.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useUrlParams } from '../../../ui/useUrlParams.ts';
import { payTicket, type ScannedTicket, scanTicket, useUnclaimed } from '../results/results.api.ts';
import { betTypeName, money, useCurrency } from '../tickets/tickets.api.ts';

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
  const currency = useCurrency();
  const [params] = useSearchParams();
  const [scanned, setScanned] = useState('');
  // The ticket on screen with the exact text it was looked up by: PAGAR pays that, never the box.
  const [shown, setShown] = useState<{ scan: string; ticket: ScannedTicket } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [receiptUrl, setReceiptUrl] = useState<string | null>(null);
  // One key per scanned ticket: a double click or a retry gets the same receipt, never a second payment.
  const key = useRef(newIdempotencyKey());
  // Bumped by every look-up and every edit, so an answer that comes back late is not shown.
  const attempt = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  const lookUp = useCallback(async (text: string) => {
    const scan = text.trim();
    const mine = ++attempt.current;
    setError(null);
    setShown(null);
    setReceiptUrl(null);
    key.current = newIdempotencyKey();
    if (!scan) return;
    try {
      const { ticket } = await scanTicket(scan);
      if (attempt.current === mine) setShown({ scan, ticket });
    } catch (e) {
      if (attempt.current === mine) setError(errorMessage(e));
    }
  }, []);
  const edit = (text: string) => {
    attempt.current++;
    setScanned(text);
    setShown(null);
    setError(null);
    setReceiptUrl(null);
  };
  const pay = async (scan: string) => {
    const paid = await payTicket(scan, key.current);
    setShown({ scan, ticket: paid.ticket });
    setReceiptUrl(paid.receipt_url);
    window.open(paid.receipt_url, '_blank', 'noopener');
  };
  const next = () => {
    edit('');
    input.current?.focus();
  };

  // The ticket page's "Pagar" opens /lottery/pay?code=…: look it up at once.
  const linked = params.get('code');
  useEffect(() => {
    if (!linked) return;
    setScanned(linked);
    void lookUp(linked);
  }, [linked, lookUp]);

  return (
    <Stack maw={640}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void lookUp(scanned);
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
            onChange={(e) => edit(e.currentTarget.value)}
            data-testid="pay-scan"
          />
          <Button type="submit" variant="default" data-testid="pay-look-up">
            {t('ui.lottery.pay.look_up')}
          </Button>
        </Group>
      </form>
      {error && (
        <Alert color="red" data-testid="pay-error">
          {error}
        </Alert>
      )}
      {shown && (
        <ShownTicket
          ticket={shown.ticket}
          receiptUrl={receiptUrl}
          onPay={() => pay(shown.scan)}
          onNext={next}
          currency={currency}
        />
      )}
    </Stack>
  );
}

/** The looked-up ticket: its lines and prize, and PAGAR after a confirmation that names code and amount. */
function ShownTicket({
  ticket,
  receiptUrl,
  onPay,
  onNext,
  currency,
}: {
  ticket: ScannedTicket;
  receiptUrl: string | null;
  onPay: () => Promise<void>;
  onNext: () => void;
  currency: CurrencyFormat;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="pay-ticket">
      <Group justify="space-between">
        <Title order={3} data-testid="pay-code">
          {ticket.ticket_code}
        </Title>
        <Badge size="lg" color={STATUS_COLOURS[ticket.status] ?? 'gray'} data-testid="pay-status">
          {t(`ui.lottery.pay.status_${ticket.status}`)}
        </Badge>
      </Group>
      <Text c="dimmed" size="sm">
        {ticket.branch.branch_code} {ticket.branch.branch_name} ·{' '}
        {t('ui.lottery.pay.expires', { date: formatDateTime(ticket.expires_at) })}
      </Text>
      <Stack gap={2} my="sm">
        {ticket.lines.map((l) => (
          <Group key={l.line_number} justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm">
              {l.lottery.lottery_name} {l.lottery.draw_time} ·{' '}
              {betTypeName(l.bet.bet_type_code, i18n.language)} {l.bet.bet_number} ·{' '}
              {money(l.amounts.bet_amount, currency)}
            </Text>
            <Text
              size="sm"
              fw={l.prize.is_winner ? 700 : 400}
              c={l.prize.is_winner ? 'green' : 'dimmed'}
              style={{ whiteSpace: 'nowrap' }}
            >
              {l.prize.is_winner
                ? money(l.prize.prize_amount, currency)
                : t(`ui.lottery.pay.line_${l.status.line_status}`)}
            </Text>
          </Group>
        ))}
      </Stack>
      <Group justify="space-between" align="center">
        <Text size="xl" fw={700} data-testid="pay-prize">
          {t('ui.lottery.pay.prize')}: {money(ticket.totals.total_prize, currency)}
        </Text>
        {ticket.status === 'winner' && !receiptUrl && (
          <ConfirmButton
            size="lg"
            color="green"
            danger={false}
            data-testid="pay-button"
            confirmTitle={t('ui.lottery.pay.confirm_title', { code: ticket.ticket_code })}
            confirmMessage={t('ui.lottery.pay.confirm_message', {
              code: ticket.ticket_code,
              amount: money(ticket.totals.total_prize, currency),
            })}
            confirmLabel={t('ui.lottery.pay.confirm_pay', {
              amount: money(ticket.totals.total_prize, currency),
            })}
            onConfirm={onPay}
          >
            {t('ui.lottery.pay.pay')}
          </ConfirmButton>
        )}
        {receiptUrl && (
          <Group>
            <Button component="a" href={receiptUrl} target="_blank" variant="default">
              {t('ui.lottery.pay.receipt')}
            </Button>
            <Button onClick={onNext}>{t('ui.lottery.pay.next')}</Button>
          </Group>
        )}
      </Group>
      {ticket.payment && (
        <Text size="sm" mt="xs" c="dimmed" data-testid="pay-paid-on">
          {t('ui.lottery.pay.paid_on', { at: formatDateTime(ticket.payment.paid_at) })}
        </Text>
      )}
    </Paper>
  );
}

function UnclaimedTab() {
  const { t } = useTranslation();
  const currency = useCurrency();
  const [page, setPage] = useState(1);
  const list = useUnclaimed({ page, page_size: 50 });
  return (
    <Stack>
      <Text>
        {t('ui.lottery.pay.unclaimed_total', {
          count: list.data?.total ?? 0,
          amount: money(list.data?.prize_total ?? 0, currency),
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
            render: (r) => money(r.prize_total, currency),
            align: 'right',
          },
          {
            key: 'expires',
            header: t('ui.lottery.pay.expires_at'),
            render: (r) => formatDateTime(r.expires_at),
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
