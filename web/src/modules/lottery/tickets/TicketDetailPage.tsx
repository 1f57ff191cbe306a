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
} from '@mantine/core';
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
import { statusBadge } from './TicketsPage.tsx';
import { cancelTicket, money, ticketsKey, ticketUrls, useTicket } from './tickets.api.ts';

/** One ticket: lines with their status and prize, and what this user may do with it. */
export default function TicketDetailPage(_props: PageProps) {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useTicket(code);
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
          {t('ui.lottery.tickets.prize')}: <b>{money(ticket.totals.total_prize)}</b>
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
        <Table.ScrollContainer minWidth={480} type="native">
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
              {ticket.lines.map((line) => (
                <Table.Tr key={line.line_id} bg={line.prize.is_winner ? 'green.1' : undefined}>
                  <Table.Td>
                    {line.lottery.lottery_code}{' '}
                    <Text span size="xs" c="dimmed">
                      {line.lottery.draw_date} {line.lottery.draw_time}
                    </Text>
                  </Table.Td>
                  <Table.Td ff="monospace" fw={700}>
                    {line.bet.typed || line.bet.bet_number}
                  </Table.Td>
                  <Table.Td>{line.bet.bet_type_name}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {money(line.amounts.bet_amount)}
                    {line.amounts.missing_amount > 0 ? (
                      <Text size="xs" c="orange">
                        FALTA {money(line.amounts.missing_amount)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={line.prize.is_winner ? 'green' : 'gray'}>
                      {t(`ui.lottery.ticket_status.${line.status.line_status}`, {
                        defaultValue: line.status.line_status,
                      })}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" fw={line.prize.is_winner ? 700 : undefined}>
                    {line.prize.prize_amount > 0 ? money(line.prize.prize_amount) : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Text size="sm">
          {t('ui.lottery.pos.subtotal')}: <b>{money(ticket.totals.total_bet_amount)}</b>
        </Text>
        <Text size="sm">
          {t('ui.lottery.pos.discount')}: <b>{money(-ticket.totals.total_discount)}</b>
        </Text>
        <Text size="sm">
          {t('ui.lottery.pos.total')}: <b data-testid="ticket-total">{money(ticket.totals.grand_total)}</b>
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
                  {t('ui.lottery.tickets.cancel_message', { total: money(ticket.totals.grand_total) })}
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
