import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { formatMoney, toCents } from '@matriz/shared/money';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatTime } from '../../../ui/format.ts';
import { useCurrency } from '../tickets/tickets.api.ts';
import {
  STATEMENT_TOTALS,
  type StatementRange,
  statementXlsxUrl,
  usePartnerStatement,
} from './statement.api.ts';

/**
 * A partner's statement (bote): every movement of the chosen days with the running balance, the
 * totals by concept and the closing balance. The filters and buttons stay off the printed page.
 */
export function PartnerStatement({
  partnerId,
  range,
  onRange,
  onBack,
}: {
  partnerId: string;
  range: StatementRange;
  /** Gets only the date that changed; the other one stays as it is. */
  onRange: (change: StatementRange) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const s = (key: string, values?: Record<string, unknown>) => t(`ui.lottery.risk.statement.${key}`, values);
  const currency = useCurrency();
  const money = (major: number) => formatMoney(toCents(major) ?? 0, currency);
  const blank = (major: number) => (major ? money(major) : '');
  const statement = usePartnerStatement(partnerId, range);
  const data = statement.data;
  return (
    <Stack gap="sm" data-testid="partner-statement">
      <Group className="no-print" align="end" wrap="wrap">
        <Button variant="subtle" onClick={onBack} data-testid="statement-back">
          {s('back')}
        </Button>
        {(['from', 'to'] as const).map((end) => (
          <TextInput
            key={end}
            type="date"
            label={s(end)}
            value={range[end] ?? data?.[end] ?? ''}
            onChange={(e) => onRange({ [end]: e.currentTarget.value })}
            data-testid={`statement-${end}`}
          />
        ))}
        <Button
          component="a"
          href={statementXlsxUrl(partnerId, range)}
          variant="light"
          data-testid="statement-xlsx"
        >
          {s('excel')}
        </Button>
        <Button variant="light" onClick={() => window.print()}>
          {s('print')}
        </Button>
      </Group>
      {statement.error ? <ErrorAlert error={statement.error} onRetry={() => statement.refetch()} /> : null}
      {data ? (
        <Paper withBorder p="sm">
          <Title order={4} data-testid="statement-title">
            {s('title', { code: data.partner.code, name: data.partner.name })}
          </Title>
          <Text size="sm" c="dimmed">
            {s('range', { from: data.from, to: data.to })} · {t('ui.lottery.risk.commission')}{' '}
            {data.partner.commission} %
          </Text>
          <Table.ScrollContainer minWidth={720} mt="sm">
            <Table striped fz="sm" data-testid="statement-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{s('date')}</Table.Th>
                  <Table.Th>{s('concept')}</Table.Th>
                  <Table.Th>{s('detail')}</Table.Th>
                  <Table.Th ta="right">{s('charge')}</Table.Th>
                  <Table.Th ta="right">{s('credit')}</Table.Th>
                  <Table.Th ta="right">{s('balance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>{data.from}</Table.Td>
                  <Table.Td colSpan={4}>{s('opening')}</Table.Td>
                  <Table.Td ta="right" data-testid="statement-opening">
                    {money(data.opening_balance)}
                  </Table.Td>
                </Table.Tr>
                {data.lines.map((line) => (
                  <Table.Tr key={line.id} data-testid="statement-line">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {line.business_date} {formatTime(line.at)}
                    </Table.Td>
                    <Table.Td>{s(`concept_${line.concept}`)}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {line.memo}
                    </Table.Td>
                    <Table.Td ta="right">{blank(line.charge)}</Table.Td>
                    <Table.Td ta="right">{blank(line.credit)}</Table.Td>
                    <Table.Td ta="right">{money(line.balance)}</Table.Td>
                  </Table.Tr>
                ))}
                {data.lines.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" size="sm">
                        {s('empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Td colSpan={3}>{s('closing')}</Table.Td>
                  <Table.Td ta="right">{money(data.totals.charges)}</Table.Td>
                  <Table.Td ta="right">{money(data.totals.credits)}</Table.Td>
                  <Table.Td ta="right" data-testid="statement-closing">
                    {money(data.closing_balance)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <Table fz="sm" mt="md" maw={520} data-testid="statement-totals">
            <Table.Tbody>
              {STATEMENT_TOTALS.filter(([key]) => key !== 'other' || data.totals.other !== 0).map(
                ([key, label]) => (
                  <Table.Tr key={key}>
                    <Table.Td>{s(label)}</Table.Td>
                    <Table.Td ta="right" data-testid={`statement-total-${key}`}>
                      {money(data.totals[key])}
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
              <Table.Tr fw={700}>
                <Table.Td>{s('current_balance')}</Table.Td>
                <Table.Td ta="right" data-testid="statement-balance">
                  {money(data.balance)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs">
            {s('balance_note')}
          </Text>
        </Paper>
      ) : null}
    </Stack>
  );
}
