import {
  Alert,
  Badge,
  Button,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  useMantineTheme,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { CurrencyFormat } from '@matriz/shared/money';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../app/api.ts';
import type { PageProps } from '../../../app/guards.tsx';
import { can, useSession } from '../../../app/session.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { shortLotteryName } from '../sell/draw-label.ts';
import { statusBadge } from './TicketsPage.tsx';
import {
  betTypeName,
  cancelTicket,
  money,
  type TicketLineView,
  ticketsKey,
  ticketUrls,
  useCurrency,
  useTicket,
} from './tickets.api.ts';

/** "Ganador · 1ra+2da": a line's status, and which prize it won. */
function LineStatus({ line }: { line: TicketLineView }) {
  const { t } = useTranslation();
  const status = t(`ui.lottery.ticket_status.${line.status.line_status}`, {
    defaultValue: line.status.line_status,
  });
  const won = line.prize.winning_class;
  return (
    <Badge
      size="sm"
      variant="light"
      color={line.prize.is_winner ? 'green' : 'gray'}
      data-testid="ticket-line-status"
    >
      {won ? `${status} · ${t(`ui.lottery.prize_classes.${won}`, { defaultValue: won })}` : status}
    </Badge>
  );
}

/**
 * The ticket's lines: a table on a wide screen; on a phone one block per line (draw, number and
 * bet type on the left, amount, status and prize on the right) so nothing scrolls sideways.
 */
function TicketLines({ lines, currency }: { lines: TicketLineView[]; currency: CurrencyFormat }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, undefined, {
    getInitialValueInEffect: false,
  });
  const draw = (line: TicketLineView) => (
    <>
      {shortLotteryName(line.lottery.lottery_name)}{' '}
      <Text span size="xs" c="dimmed">
        {line.lottery.draw_date} {line.lottery.draw_time}
      </Text>
    </>
  );
  const amount = (line: TicketLineView) => (
    <>
      {money(line.amounts.bet_amount, currency)}
      {line.amounts.missing_amount > 0 ? (
        <Text size="xs" c="orange">
          FALTA {money(line.amounts.missing_amount, currency)}
        </Text>
      ) : null}
    </>
  );
  const prize = (line: TicketLineView) =>
    line.prize.prize_amount > 0 ? money(line.prize.prize_amount, currency) : '—';

  if (!wide)
    return (
      <Stack gap={0} data-testid="ticket-lines">
        {lines.map((line, index) => (
          <Group
            key={line.line_id}
            justify="space-between"
            align="flex-start"
            wrap="nowrap"
            gap="xs"
            px="xs"
            py={6}
            bg={line.prize.is_winner ? 'green.1' : undefined}
            style={{ borderTop: index > 0 ? '1px solid var(--mantine-color-default-border)' : undefined }}
            data-testid="ticket-line"
          >
            <Stack gap={0} miw={0}>
              <Text size="sm">
                <Text span ff="monospace" fw={700}>
                  {line.bet.typed || line.bet.bet_number}
                </Text>{' '}
                {betTypeName(line.bet.bet_type_code, i18n.language)}
              </Text>
              <Text size="sm">{draw(line)}</Text>
            </Stack>
            <Stack gap={2} align="flex-end">
              <Text size="sm" ff="monospace" ta="right" style={{ whiteSpace: 'nowrap' }}>
                {amount(line)}
              </Text>
              <LineStatus line={line} />
              {line.prize.prize_amount > 0 ? (
                <Text size="sm" ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {prize(line)}
                </Text>
              ) : null}
            </Stack>
          </Group>
        ))}
      </Stack>
    );

  return (
    <Table striped fz="sm" data-testid="ticket-lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ui.lottery.pos.lottery')}</Table.Th>
          <Table.Th>{t('ui.lottery.pos.number')}</Table.Th>
          <Table.Th>{t('ui.lottery.pos.bet_type')}</Table.Th>
          <Table.Th ta="right">{t('ui.lottery.pos.amount')}</Table.Th>
          <Table.Th>{t('ui.lottery.tickets.status')}</Table.Th>
          <Table.Th ta="right">{t('ui.lottery.tickets.prize')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr
            key={line.line_id}
            bg={line.prize.is_winner ? 'green.1' : undefined}
            data-testid="ticket-line"
          >
            <Table.Td>{draw(line)}</Table.Td>
            <Table.Td ff="monospace" fw={700}>
              {line.bet.typed || line.bet.bet_number}
            </Table.Td>
            <Table.Td>{betTypeName(line.bet.bet_type_code, i18n.language)}</Table.Td>
            <Table.Td ta="right" ff="monospace">
              {amount(line)}
            </Table.Td>
            <Table.Td>
              <LineStatus line={line} />
            </Table.Td>
            <Table.Td ta="right" ff="monospace" fw={line.prize.is_winner ? 700 : undefined}>
              {prize(line)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One ticket: lines with their status and prize, and what this user may do with it. */
export default function TicketDetailPage(_props: PageProps) {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useTicket(code);
  const currency = useCurrency(query.data?.currency);
  const [reason, setReason] = useState('');

  if (query.isPending) return <PageLoader />;
  if (query.error)
    return (
      <Stack>
        <PageTitle title={t('ui.lottery.tickets.title')} />
        <ErrorAlert
          error={query.error}
          onRetry={isApiError(query.error, 'NOT_FOUND') ? undefined : () => void query.refetch()}
        />
        <Button component={Link} to="/lottery/tickets" variant="default" w="fit-content">
          {t('ui.lottery.tickets.back')}
        </Button>
      </Stack>
    );
  const ticket = query.data;
  const realCode = ticket.ticket_code;
  const winner = ticket.status === 'winner' || ticket.totals.total_prize > 0;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ticketsKey });

  return (
    <Stack gap="sm" data-testid="ticket-detail">
      <PageTitle
        title={realCode}
        subtitle={`${ticket.branch.branch_name} · ${ticket.user.username.toUpperCase()} · ${formatDateTime(ticket.created_at)}`}
        actions={statusBadge(t, ticket.status)}
      />
      {winner ? (
        <Alert
          color="green"
          variant="filled"
          title={t('ui.lottery.tickets.winner')}
          data-testid="ticket-winner"
        >
          {t('ui.lottery.tickets.prize')}: <b>{money(ticket.totals.total_prize, currency)}</b>
          {ticket.payment
            ? ` · ${t('ui.lottery.ticket_status.paid')} ${formatDateTime(ticket.payment.paid_at)}`
            : ''}
        </Alert>
      ) : null}
      {ticket.cancellation ? (
        <Alert color="red" data-testid="ticket-cancelled">
          {t('ui.lottery.ticket_status.cancelled')} {formatDateTime(ticket.cancellation.cancelled_at)} ·{' '}
          {ticket.cancellation.reason}
        </Alert>
      ) : null}
      <Paper
        withBorder
        p={0}
        style={winner ? { borderColor: 'var(--mantine-color-green-6)', borderWidth: 2 } : undefined}
      >
        <TicketLines lines={ticket.lines} currency={currency} />
      </Paper>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Text size="sm">
          {t('ui.lottery.pos.subtotal')}: <b>{money(ticket.totals.total_bet_amount, currency)}</b>
        </Text>
        <Text size="sm">
          {t('ui.lottery.pos.discount')}: <b>{money(-ticket.totals.total_discount, currency)}</b>
        </Text>
        <Text size="sm">
          {t('ui.lottery.pos.total')}:{' '}
          <b data-testid="ticket-total">{money(ticket.totals.grand_total, currency)}</b>
        </Text>
        <Text size="sm">
          {t('ui.lottery.tickets.valid_until')}: {formatDateTime(ticket.expires_at)}
        </Text>
      </SimpleGrid>
      <Group gap="xs">
        <Image src={ticketUrls.barcode(realCode, 'code128')} alt={realCode} h={48} w="auto" fit="contain" />
        <Image src={ticketUrls.barcode(realCode, 'qr')} alt="QR" h={72} w={72} />
      </Group>
      <Group gap="xs" wrap="wrap">
        <Button
          component={Link}
          to={`/lottery/tickets/${realCode}/print`}
          variant="default"
          data-testid="ticket-print"
        >
          {t('ui.lottery.print.print')}
        </Button>
        {ticket.status !== 'cancelled' && can(session, 'lottery.ticket.sell', 'lottery.ticket.read.all') ? (
          <Button
            variant="default"
            onClick={() => navigate(`/lottery/tickets/${realCode}/print?auto=1`)}
            data-testid="ticket-reprint"
          >
            {t('ui.lottery.tickets.reprint')}
          </Button>
        ) : null}
        {can(session, 'lottery.ticket.sell') ? (
          <Button
            component={Link}
            to={`/lottery/sell?duplicate=${encodeURIComponent(realCode)}`}
            variant="default"
            data-testid="ticket-duplicate"
          >
            {t('ui.lottery.pos.duplicate')}
          </Button>
        ) : null}
        {ticket.status === 'winner' && !ticket.payment && can(session, 'lottery.ticket.pay') ? (
          <Button
            component={Link}
            to={`/lottery/pay?code=${encodeURIComponent(realCode)}`}
            color="green"
            data-testid="ticket-pay"
          >
            {t('ui.lottery.tickets.pay')}
          </Button>
        ) : null}
        {ticket.status === 'pending' && can(session, 'lottery.ticket.cancel') ? (
          <ConfirmButton
            color="red"
            variant="light"
            data-testid="ticket-cancel"
            confirmTitle={t('ui.lottery.tickets.cancel_title', { code: realCode })}
            confirmMessage={
              <Stack gap="xs">
                <Text size="sm">
                  {t('ui.lottery.tickets.cancel_message', {
                    total: money(ticket.totals.grand_total, currency),
                  })}
                </Text>
                <TextInput
                  label={t('ui.lottery.tickets.cancel_reason')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  data-autofocus
                  data-testid="ticket-cancel-reason"
                />
              </Stack>
            }
            confirmLabel={t('ui.lottery.tickets.cancel')}
            onConfirm={async () => {
              await cancelTicket(
                realCode,
                reason.trim().length >= 3 ? reason.trim() : t('ui.lottery.tickets.cancel_default'),
              );
              await refresh();
              notifySuccess(t('ui.lottery.tickets.cancelled', { code: realCode }));
            }}
          >
            {t('ui.lottery.tickets.cancel')}
          </ConfirmButton>
        ) : null}
      </Group>
    </Stack>
  );
}
