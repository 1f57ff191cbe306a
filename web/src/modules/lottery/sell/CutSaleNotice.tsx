import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { formatMoney } from '@matriz/shared/money';
import { useTranslation } from 'react-i18next';
import { money, type TicketView, useCurrency } from '../tickets/tickets.api.ts';
import { shortLotteryName } from './draw-label.ts';

/**
 * A banca that accepts part of a line sells what its limits still take: the seller may have
 * collected the typed total, so before anything prints they must see what was really sold.
 */
export function CutSaleNotice({
  sale,
  onPrint,
  onOpen,
}: {
  sale: { ticket: TicketView; typedCents: number } | null;
  onPrint: (code: string) => void;
  onOpen: (code: string) => void;
}) {
  const { t } = useTranslation();
  const currency = useCurrency(sale?.ticket.currency);
  const soldCents = sale ? Math.round(sale.ticket.totals.grand_total * 100) : 0;
  return (
    <Modal
      opened={sale !== null}
      onClose={() => sale && onOpen(sale.ticket.ticket_code)}
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
      title={t('ui.lottery.pos.cut_title', { code: sale?.ticket.ticket_code })}
      centered
    >
      {sale ? (
        <Stack gap="sm" data-testid="pos-cut">
          <Alert color="red" variant="filled">
            {t('ui.lottery.pos.cut_message', {
              sold: formatMoney(soldCents, currency),
              typed: formatMoney(sale.typedCents, currency),
              difference: formatMoney(sale.typedCents - soldCents, currency),
            })}
          </Alert>
          <Group justify="space-between">
            <Text size="sm">
              {t('ui.lottery.pos.cut_typed')}{' '}
              <Text span ff="monospace" td="line-through" data-testid="pos-cut-typed">
                {formatMoney(sale.typedCents, currency)}
              </Text>
            </Text>
            <Text size="sm">
              {t('ui.lottery.pos.cut_sold')}{' '}
              <Text span ff="monospace" fw={800} fz="lg" data-testid="pos-cut-sold">
                {formatMoney(soldCents, currency)}
              </Text>
            </Text>
          </Group>
          <Stack gap={2}>
            {sale.ticket.lines
              .filter((line) => line.amounts.missing_amount > 0)
              .map((line) => (
                <Text key={line.line_id} size="sm" c="red" data-testid="pos-cut-line">
                  {t('ui.lottery.pos.cut_line', {
                    lottery: `${shortLotteryName(line.lottery.lottery_name)} ${line.lottery.draw_time}`,
                    number: line.bet.bet_number,
                    sold: money(line.amounts.bet_amount, currency),
                    typed: money(line.amounts.requested_amount, currency),
                  })}
                </Text>
              ))}
          </Stack>
          <Group justify="flex-end" gap="xs">
            <Button
              variant="default"
              onClick={() => onOpen(sale.ticket.ticket_code)}
              data-testid="pos-cut-open"
            >
              {t('ui.lottery.pos.cut_open')}
            </Button>
            <Button
              color="green"
              onClick={() => onPrint(sale.ticket.ticket_code)}
              data-autofocus
              data-testid="pos-cut-print"
            >
              {t('ui.lottery.pos.cut_print')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
