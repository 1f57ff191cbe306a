import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl, errorMessage } from '../../../app/api.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime, formatTime } from '../../../ui/format.ts';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { BancaSelect } from '../common/BancaSelect.tsx';
import { useMyBancas } from '../tickets/tickets.api.ts';
import { type Figures, FiguresTable, money } from './FiguresTable.tsx';

/** A seller's shift as the API presents it (amounts in major units). */
interface Shift {
  id: string;
  business_date: string;
  opened_at: string;
  closed_at: string | null;
  opening_cash: number;
  expected_cash: number | null;
  counted_cash: number | null;
  difference: number | null;
  figures: Figures | null;
  banca_code?: string;
  banca_name?: string;
}

/** Cash fields: never negative, at most two decimals (what the API accepts). */
const cashInput = {
  min: 0,
  allowNegative: false,
  decimalScale: 2,
  size: 'md',
  inputMode: 'decimal',
} as const;

const printUrl = (id: string) => downloadUrl(`/lottery/money/shifts/${id}/print`, { format: '80mm' });

/** Difference counted − expected in cents, from two major-unit amounts. */
const differenceOf = (counted: number, expected: number) =>
  (Math.round(counted * 100) - Math.round(expected * 100)) / 100;

/** A closed shift's frozen cuadre: expected, counted, the difference, and its 80 mm print. */
function ClosedShift({ shift }: { shift: Shift }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="shift-closed">
      <Stack gap="xs">
        <Text fw={700}>{t('ui.lottery.money.shift_closed', { at: formatDateTime(shift.closed_at) })}</Text>
        {shift.banca_code && (
          <Text size="sm" c="dimmed" data-testid="shift-closed-banca">
            {t('ui.lottery.pos.banca')}: {shift.banca_code} · {shift.banca_name}
          </Text>
        )}
        <SimpleGrid cols={3} spacing="xs">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('ui.lottery.money.cuadre.expected')}
            </Text>
            <Text data-testid="shift-expected">{money(shift.expected_cash)}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('ui.lottery.money.cuadre.counted')}
            </Text>
            <Text data-testid="shift-counted-cash">{money(shift.counted_cash)}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('ui.lottery.money.cuadre.difference')}
            </Text>
            <Text fw={700} c={(shift.difference ?? 0) < 0 ? 'red' : undefined} data-testid="shift-difference">
              {money(shift.difference)}
            </Text>
          </Stack>
        </SimpleGrid>
        {shift.figures && <FiguresTable figures={shift.figures} />}
        <Button
          component="a"
          href={printUrl(shift.id)}
          target="_blank"
          variant="light"
          size="md"
          fullWidth
          maw={360}
          data-testid="shift-print"
        >
          {t('ui.lottery.money.print_80')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** The day's earlier closed shifts, one line each, still printable. */
function EarlierShifts({ shifts }: { shifts: Shift[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} maw={480} data-testid="shift-earlier">
      <Text size="sm" c="dimmed">
        {t('ui.lottery.money.shift_earlier')}
      </Text>
      {shifts.map((s) => (
        <Group key={s.id} justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm">
            {formatTime(s.opened_at)}–{formatTime(s.closed_at)}
            {s.banca_code ? ` · ${s.banca_code}` : ''}
          </Text>
          <Text size="sm" fw={700} c={(s.difference ?? 0) < 0 ? 'red' : undefined}>
            {money(s.difference)}
          </Text>
          <Button component="a" href={printUrl(s.id)} target="_blank" variant="subtle" size="compact-sm">
            {t('ui.lottery.tickets.reprint')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * The signed-in seller's shift: open it with the cash in the drawer, follow its live cuadre, and close it
 * with the counted cash (after a confirmation: closing is final). The closed shift's cuadre opens in 80 mm.
 */
export function ShiftPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opening, setOpening] = useState<number | string>(0);
  const [counted, setCounted] = useState<number | string>('');
  const [bancaId, setBancaId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const bancas = useMyBancas();
  const bancaList = bancas.data ?? [];
  const shiftKey = ['lottery', 'money', 'shift'];
  const shift = useQuery({
    queryKey: shiftKey,
    queryFn: () => api.get<{ shift: Shift | null; closed: Shift[] }>('/lottery/money/shift'),
  });
  const open = useMutation({
    mutationFn: () =>
      api.post<{ shift: Shift }>('/lottery/money/shifts', {
        opening_cash: Number(opening),
        ...(bancaId ? { banca_id: bancaId } : {}),
      }),
    onSuccess: () => {
      setError(null);
      setCounted('');
      return client.invalidateQueries({ queryKey: ['lottery', 'money'] });
    },
    onError: (e: unknown) => setError(errorMessage(e)),
  });
  const close = useMutation({
    mutationFn: () =>
      api.post<{ shift: Shift }>('/lottery/money/shifts/close', { counted_cash: Number(counted) }),
    onSuccess: (r) => {
      setError(null);
      // The closed shift shows at once; the refetch that follows brings the same from the server.
      client.setQueryData<{ shift: Shift | null; closed: Shift[] }>(shiftKey, (before) => ({
        shift: null,
        closed: [r.shift, ...(before?.closed ?? [])],
      }));
      client.invalidateQueries({ queryKey: ['lottery', 'money'] });
      window.open(printUrl(r.shift.id), '_blank');
    },
  });
  const current = shift.data?.shift;
  const closedToday = shift.data?.closed ?? [];
  // With no shift open, the one just closed shows in full; every other closed one is a line below.
  const [latestClosed, ...olderClosed] = closedToday;
  const earlierClosed = current ? closedToday : olderClosed;
  const needsBanca = bancaList.length > 1 && !bancaId;
  const countedValid = counted !== '' && Number.isFinite(Number(counted)) && Number(counted) >= 0;
  const expected = current?.figures?.expected ?? 0;

  if (shift.isPending) return <PageLoader />;
  return (
    <Stack>
      <ErrorAlert error={shift.error} onRetry={() => shift.refetch()} />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!current && latestClosed && <ClosedShift shift={latestClosed} />}
      {shift.data && !current && (
        <Stack maw={360}>
          <Text>{t('ui.lottery.money.no_shift')}</Text>
          {bancaList.length > 1 && (
            <BancaSelect
              bancas={bancaList}
              value={bancaId}
              onChange={setBancaId}
              testId="shift-banca"
              size="md"
            />
          )}
          <NumberInput
            {...cashInput}
            label={t('ui.lottery.money.opening_cash')}
            value={opening}
            onChange={setOpening}
            data-testid="shift-opening"
          />
          <Button
            size="lg"
            fullWidth
            disabled={opening === '' || Number(opening) < 0 || needsBanca}
            onClick={() => open.mutate()}
            loading={open.isPending}
            data-testid="shift-open"
          >
            {t('ui.lottery.money.open_shift')}
          </Button>
        </Stack>
      )}
      {current && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack gap="xs">
            <Text size="sm" c="dimmed" data-testid="shift-open-since">
              {t('ui.lottery.money.shift_opened', { at: formatDateTime(current.opened_at) })}
            </Text>
            {current.figures && <FiguresTable figures={current.figures} />}
          </Stack>
          <Stack maw={360}>
            <NumberInput
              {...cashInput}
              label={t('ui.lottery.money.counted_cash')}
              value={counted}
              onChange={setCounted}
              data-testid="shift-counted"
            />
            <ConfirmButton
              size="lg"
              fullWidth
              disabled={!countedValid}
              loading={close.isPending}
              onConfirm={() => close.mutateAsync()}
              confirmTitle={t('ui.lottery.money.close_shift')}
              confirmLabel={t('ui.lottery.money.close_shift')}
              confirmMessage={
                <Stack gap={4} component="span">
                  <Text component="span" size="sm">
                    {t('ui.lottery.money.close_shift_final')}
                  </Text>
                  <Group component="span" justify="space-between">
                    <span>{t('ui.lottery.money.cuadre.counted')}</span>
                    <span data-testid="shift-confirm-counted">{money(Number(counted))}</span>
                  </Group>
                  <Group component="span" justify="space-between">
                    <span>{t('ui.lottery.money.cuadre.expected')}</span>
                    <span data-testid="shift-confirm-expected">{money(expected)}</span>
                  </Group>
                  <Group component="span" justify="space-between" fw={700}>
                    <span>{t('ui.lottery.money.cuadre.difference')}</span>
                    <span data-testid="shift-confirm-difference">
                      {money(differenceOf(Number(counted), expected))}
                    </span>
                  </Group>
                </Stack>
              }
              data-testid="shift-close"
            >
              {t('ui.lottery.money.close_shift')}
            </ConfirmButton>
          </Stack>
        </SimpleGrid>
      )}
      {earlierClosed.length > 0 && <EarlierShifts shifts={earlierClosed} />}
    </Stack>
  );
}
