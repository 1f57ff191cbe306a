import { ActionIcon, Group, Paper, Stack, Table, Text, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type CurrencyFormat, formatMoney } from '@matriz/shared/money';
import { useTranslation } from 'react-i18next';
import { betTypeName } from '../tickets/tickets.api.ts';
import type { LivePlay } from './pos.ts';

/** What to say under an entry line: a parse or server error, or how much its limit still takes. */
export interface LineNote {
  text: string;
  colour: 'red' | 'orange';
  testId: 'pos-line-error' | 'pos-line-limit';
}

interface EntryLine {
  index: number;
  text: string;
  plays: LivePlay[];
  note: LineNote | null;
}

/**
 * The typed lines with their plays: a table on a wide screen; on a phone one compact block per line
 * (number, bet type, amount, ×, and the error under it) so nothing needs sideways scrolling.
 */
export function PlayLines({
  lines,
  plays,
  noteOf,
  onRemove,
  currency,
}: {
  lines: readonly string[];
  plays: readonly LivePlay[];
  noteOf: (sourceLine: number) => LineNote | null;
  onRemove: (index: number) => void;
  currency: CurrencyFormat;
}) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, undefined, {
    getInitialValueInEffect: false,
  });
  const entries: EntryLine[] = lines.map((text, index) => ({
    index,
    text,
    plays: plays.filter((p) => p.sourceLine === index + 1),
    note: noteOf(index + 1),
  }));
  const remove = (index: number) => (
    <ActionIcon
      size="sm"
      variant="subtle"
      color="red"
      aria-label={t('ui.lottery.pos.remove_line')}
      onClick={() => onRemove(index)}
      data-testid="pos-line-remove"
    >
      ×
    </ActionIcon>
  );
  const note = (line: EntryLine) =>
    line.note ? (
      <Text span size="sm" c={line.note.colour} data-testid={line.note.testId}>
        {line.note.text}
      </Text>
    ) : null;
  const amount = (play: LivePlay) => (
    <Text span ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="pos-line-amount">
      {formatMoney(play.amountCents, currency)}
    </Text>
  );

  if (!wide)
    return (
      <Paper withBorder p={0}>
        <Stack gap={0} data-testid="pos-lines">
          {entries.map((line) => (
            <Group
              key={line.index}
              gap={6}
              px="xs"
              py={6}
              wrap="nowrap"
              align="flex-start"
              style={{
                borderTop: line.index > 0 ? '1px solid var(--mantine-color-default-border)' : undefined,
              }}
            >
              <Text size="xs" c="dimmed" w={18} pt={2}>
                {line.index + 1}
              </Text>
              <Stack gap={2} flex={1} miw={0}>
                {line.plays.length === 0 ? (
                  <Text ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {line.text}
                  </Text>
                ) : null}
                {line.plays.map((play) => (
                  <Group key={play.key} gap="xs" wrap="nowrap" justify="space-between" data-testid="pos-line">
                    <Text size="sm" miw={0}>
                      <Text span ff="monospace" fw={700}>
                        {play.number}
                      </Text>{' '}
                      <Text span size="xs" c="dimmed">
                        {play.lottery} {play.drawTime} · {betTypeName(play.betType, i18n.language)}
                      </Text>
                    </Text>
                    {amount(play)}
                  </Group>
                ))}
                {note(line)}
              </Stack>
              {remove(line.index)}
            </Group>
          ))}
        </Stack>
      </Paper>
    );

  return (
    <Paper withBorder p={0}>
      <Table striped fz="sm" verticalSpacing={4} data-testid="pos-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('ui.lottery.pos.lottery')}</Table.Th>
            <Table.Th>{t('ui.lottery.pos.number')}</Table.Th>
            <Table.Th>{t('ui.lottery.pos.bet_type')}</Table.Th>
            <Table.Th ta="right">{t('ui.lottery.pos.amount')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((line) => [
            ...line.plays.map((play, i) => (
              <Table.Tr key={play.key} data-testid="pos-line">
                <Table.Td c="dimmed">{i === 0 ? line.index + 1 : ''}</Table.Td>
                <Table.Td>
                  {play.lottery}
                  {play.drawTime ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {play.drawTime}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ff="monospace" fw={700}>
                  {play.number}
                </Table.Td>
                <Table.Td>{betTypeName(play.betType, i18n.language)}</Table.Td>
                <Table.Td ta="right">{amount(play)}</Table.Td>
                <Table.Td w={30}>{i === 0 ? remove(line.index) : null}</Table.Td>
              </Table.Tr>
            )),
            line.plays.length === 0 || line.note ? (
              <Table.Tr key={`p${line.index}`}>
                <Table.Td c="dimmed">{line.plays.length === 0 ? line.index + 1 : ''}</Table.Td>
                <Table.Td colSpan={4}>
                  {line.plays.length === 0 ? (
                    <Text span ff="monospace" size="sm" mr="xs">
                      {line.text}
                    </Text>
                  ) : null}
                  {note(line)}
                </Table.Td>
                <Table.Td w={30}>{line.plays.length === 0 ? remove(line.index) : null}</Table.Td>
              </Table.Tr>
            ) : null,
          ])}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
