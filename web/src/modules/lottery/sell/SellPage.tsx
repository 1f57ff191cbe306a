import {
  Alert,
  Badge,
  Button,
  Chip,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { parseErrorText } from '@matriz/shared/lottery/grammar';
import { formatMoney } from '@matriz/shared/money';
import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage, newIdempotencyKey } from '../../../app/api.ts';
import type { PageProps } from '../../../app/guards.tsx';
import { useRealtime } from '../../../app/realtime.ts';
import { useSession } from '../../../app/session.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { BancaSelect } from '../common/BancaSelect.tsx';
import { formatCountdownShort, timeIn, useNow } from '../common/time.ts';
import {
  betTypeName,
  type DrawView,
  entryOfTicket,
  markDrawsClosed,
  refetchOpenDraws,
  type SaleBody,
  type TicketView,
  ticketsKey,
  useCurrency,
  useMyBancas,
  useOpenDraws,
  useOperatorZone,
} from '../tickets/tickets.api.ts';
import { CutSaleNotice } from './CutSaleNotice.tsx';
import { drawLabel, shortLotteryName } from './draw-label.ts';
import { type LineNote, PlayLines } from './PlayLines.tsx';
import { liveTicket, lotterySuggestions } from './pos.ts';

const MULTIPLIERS = ['2', '3', '5', '10'];
const DISCOUNTS = ['5', '10', '15', '20'];
const LAST_KEY = 'matriz.pos.last-ticket';

interface ValidateLine {
  line: number;
  source_line: number;
  lottery_code: string;
  draw_id: string;
  bet_number: string;
  bet_amount: number;
  ok: boolean;
  error?: string;
  available: number | null;
}
interface ValidateResponse {
  ok: boolean;
  errors: ({ code: string; line?: number; lottery?: string; number?: string } & Record<string, unknown>)[];
  lines: ValidateLine[];
  totals: { grand_total: number; total_bet_amount: number; total_discount: number } | null;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const cents = (major: number) => Math.round(major * 100);

/** Vender (spec 002 "Crear ticket"): banca, draws, options, plays box, live totals, preview, confirm. */
export default function SellPage(_props: PageProps) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const bancas = useMyBancas();
  const today = useOpenDraws();
  const todayDate = today.data?.draws[0]?.business_date;
  const tomorrow = useOpenDraws(todayDate ? addDays(todayDate, 1) : undefined);
  const now = useNow();
  const currency = useCurrency();
  const zone = useOperatorZone();
  const skew = useMemo(
    () => (today.data ? Date.parse(today.data.server_time) - today.dataUpdatedAt : 0),
    [today.data, today.dataUpdatedAt],
  );
  const serverNow = now + skew;

  const [bancaId, setBancaId] = useState<string | null>(null);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [multOn, setMultOn] = useState(false);
  const [mult, setMult] = useState('2');
  const [descOn, setDescOn] = useState(false);
  const [desc, setDesc] = useState('10');
  const [lines, setLines] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [validation, setValidation] = useState<ValidateResponse | null>(null);
  const [validating, setValidating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [duplicateOpen, setDuplicateOpen] = useState(false);
  const [duplicateCode, setDuplicateCode] = useState('');
  const [cutSale, setCutSale] = useState<{ ticket: TicketView; typedCents: number } | null>(null);
  const [closedNotice, setClosedNotice] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const idempotency = useRef<{ key: string; body: string } | null>(null);

  // An early close is news to this screen's clock: the server says so the moment it happens.
  useRealtime<{ draw_ids?: string[] }>('lottery.draw.closed', (payload) =>
    markDrawsClosed(queryClient, payload.draw_ids ?? []),
  );
  useRealtime('lottery.draw.reopened', () => void refetchOpenDraws(queryClient));
  useRealtime('lottery.draws.changed', () => void refetchOpenDraws(queryClient));

  // Closed draws leave the screen on their own, by the server's clock.
  const isOpen = useCallback(
    (d: DrawView) => d.status === 'open' && Date.parse(d.close_at) > serverNow,
    [serverNow],
  );
  const todayDraws = (today.data?.draws ?? []).filter(isOpen);
  const tomorrowDraws = (tomorrow.data?.draws ?? []).filter(isOpen);
  const allDraws = useMemo(() => [...todayDraws, ...tomorrowDraws], [todayDraws, tomorrowDraws]);
  const selected = allDraws.filter((d) => selectedIds.includes(d.id));
  useEffect(() => {
    const open = new Set(allDraws.map((d) => d.id));
    const gone = selectedIds.filter((id) => !open.has(id));
    if (gone.length === 0) return;
    setSelectedIds((ids) => ids.filter((id) => open.has(id)));
    const known = [...(today.data?.draws ?? []), ...(tomorrow.data?.draws ?? [])];
    const names = known.filter((d) => gone.includes(d.id)).map((d) => drawLabel(d, zone));
    if (names.length > 0) setClosedNotice(t('ui.lottery.pos.draw_closed', { draws: names.join(', ') }));
  }, [allDraws, selectedIds, today.data, tomorrow.data, zone, t]);

  const multiplier = multOn ? Number(mult) : 1;
  const discount = descOn ? Number(desc) : 0;
  const live = useMemo(
    () => liveTicket(lines, selected, allDraws, { multiplier, discountBp: discount * 100 }),
    [lines, selected, allDraws, multiplier, discount],
  );
  const codes = useMemo(
    () => [...new Set(allDraws.map((d) => d.lottery_code.toUpperCase()))].sort(),
    [allDraws],
  );
  const suggestions = lotterySuggestions(input, codes);

  const bancaList = bancas.data ?? [];
  const effectiveBanca = bancaId ?? (bancaList.length === 1 ? bancaList[0].id : null);
  const body = useMemo((): SaleBody | null => {
    if (lines.length === 0) return null;
    return {
      branch_id: effectiveBanca ?? undefined,
      configuration: { global_multiplier: multiplier, global_discount: discount },
      entry: lines.join('\n'),
      draw_ids: selectedIds.length ? selectedIds : undefined,
    };
  }, [lines, effectiveBanca, multiplier, discount, selectedIds]);

  // Inline per-line errors from the server, debounced while the seller types.
  useEffect(() => {
    if (!body || live.errors.length > 0) {
      setValidation(null);
      return;
    }
    const controller = new AbortController();
    setValidating(true);
    const timer = window.setTimeout(() => {
      api
        .post<ValidateResponse>('/lottery/tickets/validate', body, { signal: controller.signal })
        .then((result) => setValidation(result))
        .catch((cause) => {
          if (!(cause instanceof DOMException)) setError(errorMessage(cause));
        })
        .finally(() => setValidating(false));
    }, 250);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [body, live.errors.length]);

  // DUPLICAR from a ticket: /lottery/sell?duplicate=CODE
  const duplicateFrom = useCallback(
    async (code: string) => {
      try {
        const { ticket } = await api.get<{ ticket: TicketView }>(
          `/lottery/tickets/${encodeURIComponent(code)}`,
        );
        setLines(entryOfTicket(ticket));
        const open = new Set(allDraws.map((d) => d.id));
        setSelectedIds([...new Set(ticket.lines.map((l) => l.lottery.draw_id).filter((id) => open.has(id)))]);
        setMultOn(ticket.configuration.global_multiplier > 1);
        if (ticket.configuration.global_multiplier > 1)
          setMult(String(ticket.configuration.global_multiplier));
        setDescOn(ticket.configuration.global_discount > 0);
        if (ticket.configuration.global_discount > 0) setDesc(String(ticket.configuration.global_discount));
        setError(null);
      } catch (cause) {
        setError(errorMessage(cause));
      }
      inputRef.current?.focus();
    },
    [allDraws],
  );
  const duplicateParam = params.get('duplicate');
  useEffect(() => {
    if (duplicateParam && today.data) {
      void duplicateFrom(duplicateParam);
      setParams({}, { replace: true });
    }
  }, [duplicateParam, today.data, duplicateFrom, setParams]);

  const clear = () => {
    setLines([]);
    setInput('');
    setValidation(null);
    setError(null);
    idempotency.current = null;
    inputRef.current?.focus();
  };

  // CONFIRMAR, F12, Ctrl+Enter and the preview's button all sell on exactly this condition.
  const canConfirm =
    !!body &&
    live.errors.length === 0 &&
    validation?.ok !== false &&
    !busy &&
    (bancaList.length <= 1 || !!effectiveBanca);

  const confirm = async () => {
    if (!body || !canConfirm) return;
    const text = JSON.stringify(body);
    // One key per sale attempt, reused when the same sale is retried after a failure.
    if (!idempotency.current || idempotency.current.body !== text)
      idempotency.current = { key: newIdempotencyKey(), body: text };
    const typedCents = live.priced.totals.grand_total;
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<{ ticket: TicketView }>('/lottery/tickets', body, {
        headers: { 'Idempotency-Key': idempotency.current.key },
      });
      idempotency.current = null;
      sessionStorage.setItem(LAST_KEY, result.ticket.ticket_code);
      void queryClient.invalidateQueries({ queryKey: ticketsKey });
      setLines([]);
      setInput('');
      const cut =
        cents(result.ticket.totals.grand_total) !== typedCents ||
        result.ticket.lines.some((line) => line.amounts.missing_amount > 0);
      if (cut) setCutSale({ ticket: result.ticket, typedCents });
      else navigate(`/lottery/tickets/${result.ticket.ticket_code}/print?auto=1`);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  const showPreview = async () => {
    if (!body) return;
    setBusy(true);
    try {
      const result = await api.post<{ html: string }>('/lottery/tickets/preview', body);
      setPreview(result.html);
      setError(null);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  const openDuplicate = () => {
    setDuplicateCode(sessionStorage.getItem(LAST_KEY) ?? '');
    setDuplicateOpen(true);
  };

  const toggleDraw = (id: string) =>
    setSelectedIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const onKeys = (event: KeyboardEvent<HTMLElement>) => {
    const key = event.key;
    if (key === 'F12' || (key === 'Enter' && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      void confirm();
    } else if (key === 'F9') {
      event.preventDefault();
      void showPreview();
    } else if (key === 'F4') {
      event.preventDefault();
      clear();
    } else if (key === 'F6') {
      event.preventDefault();
      openDuplicate();
    } else if (event.altKey && /^[1-9]$/.test(key)) {
      event.preventDefault();
      const draw = allDraws[Number(key) - 1];
      if (draw) toggleDraw(draw.id);
    } else if (event.altKey && key.toLowerCase() === 'm') {
      event.preventDefault();
      setMultOn((v) => !v);
    } else if (event.altKey && key.toLowerCase() === 'd') {
      event.preventDefault();
      setDescOn((v) => !v);
    }
  };

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const text = input.trim();
      if (text) {
        setLines((current) => [...current, text]);
        setInput('');
      }
    } else if (event.key === 'Tab' && suggestions.length > 0 && !event.shiftKey) {
      event.preventDefault();
      setInput(`${suggestions[0]}|`);
    } else if (event.key === 'Backspace' && input === '' && lines.length > 0) {
      event.preventDefault();
      setInput(lines[lines.length - 1]);
      setLines((current) => current.slice(0, -1));
    }
  };

  const serverLines = validation?.lines ?? [];
  const lineNote = (sourceLine: number): LineNote | null => {
    const parse = live.errors.find((e) => e.line === sourceLine);
    if (parse)
      return {
        text: parseErrorText(
          parse,
          (key, values) => t(`grammar.${key}`, values),
          (code) => betTypeName(code, i18n.language),
        ).message,
        colour: 'red',
        testId: 'pos-line-error',
      };
    const server = validation?.errors.find((e) => e.line === sourceLine);
    if (server)
      return {
        text: t(`errors.${server.code}`, { defaultValue: server.code, ...server }),
        colour: 'red',
        testId: 'pos-line-error',
      };
    const hits = serverLines.filter((l) => l.source_line === sourceLine && l.available !== null);
    for (const hit of hits) {
      if (!hit.ok)
        return {
          text: t('ui.lottery.pos.only_more', {
            amount: formatMoney(cents(hit.available ?? 0), currency),
            number: hit.bet_number,
            lottery: hit.lottery_code,
          }),
          colour: 'red',
          testId: 'pos-line-limit',
        };
      if ((hit.available ?? 0) < hit.bet_amount * 2)
        return {
          text: t('ui.lottery.pos.near_limit', {
            amount: formatMoney(cents(hit.available ?? 0), currency),
            number: hit.bet_number,
          }),
          colour: 'orange',
          testId: 'pos-line-limit',
        };
    }
    return null;
  };
  const totals = live.priced.totals;
  const serverTotal = validation?.totals ? cents(validation.totals.grand_total) : null;

  const chip = (draw: DrawView, index: number) => {
    const left = Date.parse(draw.close_at) - serverNow;
    const title = t('ui.lottery.pos.draw_title', {
      lottery: draw.lottery_name,
      time: timeIn(draw.draw_at, zone),
      close: timeIn(draw.close_at, zone),
    });
    return (
      <span
        key={draw.id}
        data-testid={`pos-draw-${draw.id}`}
        data-lottery={draw.lottery_code}
        title={index < 9 ? `${title} · Alt+${index + 1}` : title}
      >
        <Chip
          checked={selectedIds.includes(draw.id)}
          onChange={() => toggleDraw(draw.id)}
          size="sm"
          radius="sm"
        >
          {/* A long name is cut (the title has it whole) so a chip fits a 360 px phone. */}
          <span style={{ display: 'inline-flex', alignItems: 'baseline' }}>
            <Text span fw={700} size="sm" maw="10.5rem" truncate="end">
              {shortLotteryName(draw.lottery_name)}
            </Text>
            &nbsp;
            <Text span size="sm" ff="monospace" data-testid="pos-draw-time">
              {timeIn(draw.draw_at, zone)}
            </Text>
            &nbsp;
            <Text span size="xs" c={left < 10 * 60_000 ? 'red' : 'dimmed'} ff="monospace">
              {formatCountdownShort(left)}
            </Text>
          </span>
        </Chip>
      </span>
    );
  };

  return (
    <Stack gap="sm" onKeyDown={onKeys} data-testid="pos-page" maw={1100}>
      <PageTitle
        title={t('ui.lottery.pos.title')}
        subtitle={`${t('ui.lottery.pos.seller')}: ${session.user.username.toUpperCase()}`}
      />
      {bancaList.length > 1 ? (
        <BancaSelect bancas={bancaList} value={effectiveBanca} onChange={setBancaId} testId="pos-banca" />
      ) : bancaList[0] ? (
        <Text size="sm" c="dimmed" data-testid="pos-banca-name">
          {t('ui.lottery.pos.banca')}: <b>{bancaList[0].name}</b>
        </Text>
      ) : null}

      {closedNotice ? (
        <Alert
          color="orange"
          withCloseButton
          onClose={() => setClosedNotice(null)}
          data-testid="pos-draw-closed"
        >
          {closedNotice}
        </Alert>
      ) : null}
      {/* On a phone the chips scroll inside a short box so the plays box stays within reach. */}
      <Paper withBorder p="xs" mah={{ base: 150, sm: 260 }} style={{ overflowY: 'auto' }}>
        <Text size="xs" fw={700} c="dimmed" mb={4}>
          {t('ui.lottery.pos.draws_today', { count: todayDraws.length })}
        </Text>
        <Group gap={6} data-testid="pos-draws">
          {todayDraws.map((d, i) => chip(d, i))}
          {todayDraws.length === 0 && !today.isPending ? (
            <Text size="sm" c="dimmed">
              {t('ui.lottery.pos.no_draws')}
            </Text>
          ) : null}
        </Group>
        {tomorrowDraws.length > 0 ? (
          <>
            <Text size="xs" fw={700} c="dimmed" mt="xs" mb={4}>
              {t('ui.lottery.pos.draws_tomorrow')}
            </Text>
            <Group gap={6}>{tomorrowDraws.map((d, i) => chip(d, todayDraws.length + i))}</Group>
          </>
        ) : null}
      </Paper>

      <Group gap="md" wrap="wrap">
        <Group gap={6}>
          <Switch
            label={t('ui.lottery.pos.mult')}
            checked={multOn}
            onChange={(e) => setMultOn(e.currentTarget.checked)}
            data-testid="pos-mult"
          />
          {multOn ? (
            <NativeSelect
              data={MULTIPLIERS.map((m) => ({ value: m, label: `x${m}` }))}
              value={mult}
              onChange={(e) => setMult(e.currentTarget.value)}
              w={80}
              size="xs"
              aria-label={t('ui.lottery.pos.mult')}
            />
          ) : null}
        </Group>
        <Group gap={6}>
          <Switch
            label={t('ui.lottery.pos.desc')}
            checked={descOn}
            onChange={(e) => setDescOn(e.currentTarget.checked)}
            data-testid="pos-desc"
          />
          {descOn ? (
            <NativeSelect
              data={DISCOUNTS.map((d) => ({ value: d, label: `${d}%` }))}
              value={desc}
              onChange={(e) => setDesc(e.currentTarget.value)}
              w={80}
              size="xs"
              aria-label={t('ui.lottery.pos.desc')}
            />
          ) : null}
        </Group>
      </Group>

      <div>
        <TextInput
          ref={inputRef}
          autoFocus
          label={t('ui.lottery.pos.plays')}
          description={t('ui.lottery.pos.plays_help')}
          placeholder={selected.length ? '23 100' : 'REAL|23|100'}
          value={input}
          onChange={(e) => setInput(e.currentTarget.value)}
          onKeyDown={onInputKey}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="enter"
          ff="monospace"
          size="md"
          data-testid="pos-input"
        />
        {suggestions.length > 0 ? (
          <Group gap={4} mt={4} data-testid="pos-suggestions">
            {suggestions.map((code) => (
              <Button
                key={code}
                size="compact-xs"
                variant="light"
                onClick={() => {
                  setInput(`${code}|`);
                  inputRef.current?.focus();
                }}
              >
                {code}
              </Button>
            ))}
            <Text size="xs" c="dimmed">
              Tab
            </Text>
          </Group>
        ) : null}
      </div>

      {lines.length > 0 ? (
        <PlayLines
          lines={lines}
          plays={live.plays}
          noteOf={lineNote}
          onRemove={(index) => setLines((current) => current.filter((_, j) => j !== index))}
          currency={currency}
        />
      ) : null}

      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('ui.lottery.pos.subtotal')}
            </Text>
            <Text ff="monospace" data-testid="pos-subtotal">
              {formatMoney(totals.total_bet_amount, currency)}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('ui.lottery.pos.discount')} {discount ? `${discount}%` : ''}
            </Text>
            <Text ff="monospace" data-testid="pos-discount">
              {formatMoney(-totals.total_discount, currency)}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('ui.lottery.pos.multiplier')}
            </Text>
            <Text ff="monospace">x{multiplier}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('ui.lottery.pos.total')}
            </Text>
            <Text ff="monospace" fw={800} fz="xl" data-testid="pos-total">
              {formatMoney(totals.grand_total, currency)}
            </Text>
            {serverTotal !== null ? (
              <Text
                size="xs"
                c={serverTotal === totals.grand_total ? 'teal' : 'red'}
                data-testid="pos-server-total"
                data-cents={serverTotal}
              >
                {serverTotal === totals.grand_total ? '✓ ' : '≠ '}
                {t('ui.lottery.pos.server_total', { total: formatMoney(serverTotal, currency) })}
              </Text>
            ) : validating && body ? (
              <Text size="xs" c="dimmed">
                …
              </Text>
            ) : null}
          </Stack>
        </SimpleGrid>
      </Paper>

      {error ? (
        <Alert color="red" data-testid="pos-error" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      ) : null}
      {validation && !validation.ok && validation.errors.length > 0 && !validation.errors[0].line ? (
        <Alert color="red" data-testid="pos-validate-error">
          {validation.errors.map((e) => t(`errors.${e.code}`, { defaultValue: e.code, ...e })).join(' · ')}
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Button variant="default" onClick={openDuplicate} data-testid="pos-duplicate" title="F6">
          {t('ui.lottery.pos.duplicate')}
        </Button>
        <Button variant="default" onClick={clear} data-testid="pos-clear" title="F4">
          {t('ui.lottery.pos.clear')}
        </Button>
        <Button
          variant="light"
          onClick={() => void showPreview()}
          disabled={!body || live.errors.length > 0}
          loading={busy && !!preview}
          data-testid="pos-preview"
          title="F9"
        >
          {t('ui.lottery.pos.preview')}
        </Button>
        <Button
          color="green"
          onClick={() => void confirm()}
          disabled={!canConfirm}
          loading={busy}
          data-testid="pos-confirm"
          title="F12 · Ctrl+Enter"
        >
          {t('ui.lottery.pos.confirm')}
        </Button>
      </SimpleGrid>
      <Text size="xs" c="dimmed" visibleFrom="sm">
        {t('ui.lottery.pos.keys_help')}
      </Text>
      {selected.length > 0 ? (
        <Group gap={4}>
          {selected.map((d) => (
            <Badge key={d.id} variant="outline" size="sm">
              {drawLabel(d, zone)}
            </Badge>
          ))}
        </Group>
      ) : null}

      <Modal
        opened={preview !== null}
        onClose={() => setPreview(null)}
        title={t('ui.lottery.pos.preview')}
        size="auto"
        data-testid="pos-preview-modal"
      >
        {preview ? (
          <iframe
            title={t('ui.lottery.pos.preview')}
            srcDoc={preview}
            style={{ width: 'min(340px, 80vw)', height: '65vh', border: 0 }}
            data-testid="pos-preview-frame"
          />
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => setPreview(null)}>
            {t('ui.common.close', { defaultValue: 'Cerrar' })}
          </Button>
          <Button
            color="green"
            onClick={() => {
              setPreview(null);
              void confirm();
            }}
            disabled={!canConfirm}
          >
            {t('ui.lottery.pos.confirm')}
          </Button>
        </Group>
      </Modal>

      <CutSaleNotice
        sale={cutSale}
        onPrint={(code) => navigate(`/lottery/tickets/${code}/print?auto=1`)}
        onOpen={(code) => navigate(`/lottery/tickets/${code}`)}
      />

      <Modal
        opened={duplicateOpen}
        onClose={() => setDuplicateOpen(false)}
        title={t('ui.lottery.pos.duplicate_title')}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setDuplicateOpen(false);
            if (duplicateCode.trim()) void duplicateFrom(duplicateCode.trim());
          }}
        >
          <TextInput
            autoFocus
            label={t('ui.lottery.tickets.code')}
            value={duplicateCode}
            onChange={(e) => setDuplicateCode(e.currentTarget.value)}
            data-testid="pos-duplicate-code"
          />
          <Group justify="flex-end" mt="sm">
            <Button type="submit">{t('ui.lottery.pos.duplicate')}</Button>
          </Group>
        </form>
      </Modal>
    </Stack>
  );
}
