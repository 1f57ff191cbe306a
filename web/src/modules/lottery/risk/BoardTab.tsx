import {
  Badge,
  Box,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { useUrlParams } from '../../../ui/useUrlParams.ts';
import { useDraws } from '../catalog.api.ts';
import { type BoardView, useBoard } from './risk.api.ts';
import { useScopeOptions } from './scope.ts';
import { useLiveRefetch } from './useLiveRefetch.ts';

export const COLOUR_STYLE: Record<string, { bg: string; fg: string }> = {
  green: { bg: 'var(--mantine-color-green-6)', fg: 'white' },
  yellow: { bg: 'var(--mantine-color-yellow-4)', fg: 'black' },
  orange: { bg: 'var(--mantine-color-orange-6)', fg: 'white' },
  red: { bg: 'var(--mantine-color-red-8)', fg: 'white' },
  black: { bg: 'var(--mantine-color-dark-9)', fg: 'white' },
};

const money = (value: number | null | undefined) =>
  value === null || value === undefined
    ? '—'
    : value.toLocaleString('es-DO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

type BoardNumber = BoardView['numbers'][number];

function Cell({ n }: { n: BoardNumber }) {
  const { t } = useTranslation();
  const style = COLOUR_STYLE[n.colour];
  return (
    <Box
      data-testid={`board-cell-${n.number}`}
      data-colour={n.colour}
      data-sold={n.sold}
      title={t('ui.lottery.risk.cell_title', {
        number: n.number,
        sold: money(n.sold),
        limit: money(n.limit),
        available: money(n.available),
        exposure: money(n.exposure),
      })}
      style={{
        background: style.bg,
        color: style.fg,
        borderRadius: 6,
        padding: '4px 2px',
        textAlign: 'center',
      }}
    >
      <Text fw={700} size="md" lh={1.1}>
        {n.number}
      </Text>
      <Text size="xs" lh={1.1} data-testid={`board-sold-${n.number}`}>
        {n.sold > 0 ? money(n.sold) : '·'}
      </Text>
    </Box>
  );
}

function NumberTable({ rows, testId }: { rows: BoardNumber[]; testId: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t('ui.lottery.risk.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.lottery.risk.number')}</Table.Th>
            <Table.Th ta="right">{t('ui.lottery.risk.sold')}</Table.Th>
            <Table.Th ta="right">{t('ui.lottery.risk.exposure')}</Table.Th>
            <Table.Th ta="right">{t('ui.lottery.risk.net_risk')}</Table.Th>
            <Table.Th ta="right">{t('ui.lottery.risk.available')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((n) => (
            <Table.Tr key={n.number}>
              <Table.Td>
                <Badge color={n.colour === 'black' ? 'dark' : n.colour}>{n.number}</Badge>
              </Table.Td>
              <Table.Td ta="right">{money(n.sold)}</Table.Td>
              <Table.Td ta="right">{money(n.exposure)}</Table.Td>
              <Table.Td ta="right">{money(n.net_risk)}</Table.Td>
              <Table.Td ta="right">{n.blocked ? t('ui.lottery.risk.blocked') : money(n.available)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const DRAW_KEYS = ['draw'] as const;

/** The pizarra: 00–99 coloured by share of limit, live over the websocket; and the palés/tripletas view. */
export function BoardTab() {
  const { t } = useTranslation();
  const draws = useDraws({});
  const { bancas, zones } = useScopeOptions();
  const [params, setParams] = useUrlParams(DRAW_KEYS);
  const drawId = params.draw || null;
  const setDrawId = (draw: string | null) => setParams({ draw: draw ?? '' });
  const [zoneId, setZoneId] = useState<string | null>(null);
  const [bancaId, setBancaId] = useState<string | null>(null);
  const [view, setView] = useState('numbers');
  const list = draws.data?.draws ?? [];
  const selected = drawId ?? list.find((d) => d.status === 'open')?.id ?? list[0]?.id ?? null;
  const board = useBoard(selected, {
    ...(zoneId && !bancaId ? { zone_id: zoneId } : {}),
    ...(bancaId ? { banca_id: bancaId } : {}),
  });
  useLiveRefetch(selected, () => void board.refetch());
  const data = board.data;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="end" wrap="wrap">
        <Select
          label={t('ui.lottery.risk.draw')}
          data-testid="board-draw"
          data={list.map((d) => ({
            value: d.id,
            label: `${d.lottery_name} ${d.draw_time.slice(0, 5)} (${t(`ui.lottery.draw_status.${d.status}`, d.status)})`,
          }))}
          value={selected}
          onChange={setDrawId}
          searchable
          w={280}
        />
        <Select
          label={t('ui.lottery.risk.zone')}
          data={zones.map((z) => ({ value: z.id, label: z.name }))}
          value={zoneId}
          onChange={(v) => {
            setZoneId(v);
            setBancaId(null);
          }}
          clearable
          placeholder={t('ui.lottery.risk.all')}
          w={200}
        />
        <Select
          label={t('ui.lottery.risk.banca')}
          data={bancas
            .filter((b) => !zoneId || b.zone_id === zoneId)
            .map((b) => ({ value: b.id, label: `${b.code} ${b.name}` }))}
          value={bancaId}
          onChange={setBancaId}
          clearable
          searchable
          placeholder={t('ui.lottery.risk.all')}
          w={220}
        />
        <SegmentedControl
          value={view}
          onChange={setView}
          data={[
            { value: 'numbers', label: t('ui.lottery.risk.view_numbers') },
            { value: 'combinations', label: t('ui.lottery.risk.view_combinations') },
          ]}
        />
      </Group>
      {board.error ? <ErrorAlert error={board.error} onRetry={() => void board.refetch()} /> : null}
      {!data && board.isLoading ? <PageLoader /> : null}
      {data ? (
        <>
          <Group gap="lg" wrap="wrap">
            <Text size="sm">
              {t('ui.lottery.risk.total_sales')}:{' '}
              <b data-testid="board-total-sales">{money(data.totals.sales)}</b>
            </Text>
            <Text size="sm">
              {t('ui.lottery.risk.net_sales')}: <b>{money(data.totals.net_sales)}</b>
            </Text>
            <Text size="sm">
              {t('ui.lottery.risk.tickets')}: <b>{data.totals.tickets}</b>
            </Text>
            <Text size="sm">
              {t('ui.lottery.risk.max_exposure')}: <b>{money(data.totals.max_exposure)}</b>
            </Text>
          </Group>
          <Group gap={6}>
            {Object.entries(COLOUR_STYLE).map(([colour, style]) => (
              <Badge key={colour} style={{ background: style.bg, color: style.fg }}>
                {t(`ui.lottery.risk.legend_${colour}`)}
              </Badge>
            ))}
          </Group>
          {view === 'numbers' ? (
            <SimpleGrid cols={10} spacing={4} data-testid="board-grid">
              {data.numbers.map((n) => (
                <Cell key={n.number} n={n} />
              ))}
            </SimpleGrid>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table striped data-testid="board-combinations">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ui.lottery.risk.bet_type')}</Table.Th>
                    <Table.Th>{t('ui.lottery.risk.numbers')}</Table.Th>
                    <Table.Th ta="right">{t('ui.lottery.risk.sold')}</Table.Th>
                    <Table.Th ta="right">{t('ui.lottery.risk.payout')}</Table.Th>
                    <Table.Th ta="right">{t('ui.lottery.risk.available')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.combinations.map((c) => (
                    <Table.Tr key={`${c.bet_type}${c.number}`}>
                      <Table.Td>{c.bet_type}</Table.Td>
                      <Table.Td>
                        <Badge color={c.colour === 'black' ? 'dark' : c.colour}>{c.numbers.join('-')}</Badge>
                      </Table.Td>
                      <Table.Td ta="right">{money(c.sold)}</Table.Td>
                      <Table.Td ta="right">{money(c.payout)}</Table.Td>
                      <Table.Td ta="right">{money(c.available)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="sm">
              <Title order={5} mb="xs">
                {t('ui.lottery.risk.top_risk')}
              </Title>
              <NumberTable rows={data.top_risk} testId="board-top-risk" />
            </Paper>
            <Paper withBorder p="sm">
              <Title order={5} mb="xs">
                {t('ui.lottery.risk.sold_out')}
              </Title>
              <NumberTable rows={data.sold_out} testId="board-sold-out" />
            </Paper>
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('ui.lottery.risk.exposure_note')}
          </Text>
        </>
      ) : null}
    </Stack>
  );
}
