import { Badge, Card, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { SCAN_UNDO_MINUTES } from '@matriz/shared/api/bakery-baskets';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, isApiError } from '../../../app/api.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { money, useSellers } from '../bakery.api.ts';
import { BasketsTabs } from './BasketsTabs.tsx';
import { type MovementView, type ScanMovement, type ScanResult, useBasketSettings } from './baskets.api.ts';
import { beepError, beepSuccess } from './beep.ts';
import { CameraScanner } from './CameraScanner.tsx';

interface ScanEntry {
  key: number;
  code: string;
  movement: ScanMovement;
  sellerName: string;
  outcome: 'pending' | 'ok' | 'error' | 'undone';
  message: string;
  movementId?: string;
}

const KEEP = 20;
const STORAGE = 'matriz.baskets.scan';

function stored(): { sellerId: string | null; movement: ScanMovement } {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE) ?? '{}');
    return { sellerId: value.sellerId ?? null, movement: value.movement === 'entra' ? 'entra' : 'sale' };
  } catch {
    return { sellerId: null, movement: 'sale' };
  }
}

/**
 * The dispatch door: a USB scanner (it types the code and Enter) or the phone camera. The seller and
 * the movement stay chosen between scans; each scan beeps, lands in the list of the last 20 with its
 * outcome and, when it worked, adds to the counter. The user's own last scan can be undone, once,
 * within a few minutes, after confirming which basket and movement it was.
 */
export default function ScanPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sellers = useSellers();
  const settings = useBasketSettings();
  const initial = useRef(stored());
  const [sellerId, setSellerId] = useState<string | null>(initial.current.sellerId);
  const [movement, setMovement] = useState<ScanMovement>(initial.current.movement);
  const [value, setValue] = useState('');
  const [entries, setEntries] = useState<ScanEntry[]>([]);
  const [count, setCount] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);

  const focus = useCallback(() => window.setTimeout(() => input.current?.focus(), 0), []);
  useEffect(() => {
    try {
      sessionStorage.setItem(STORAGE, JSON.stringify({ sellerId, movement }));
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, [sellerId, movement]);

  const sellerOptions = (sellers.data ?? [])
    .filter((s) => s.active)
    .map((s) => ({ value: s.id, label: s.full_name }));
  const sellerName = sellerOptions.find((s) => s.value === sellerId)?.label ?? '';

  const update = (key: number, patch: Partial<ScanEntry>) =>
    setEntries((current) => current.map((e) => (e.key === key ? { ...e, ...patch } : e)));

  const explain = (error: unknown): string => {
    if (isApiError(error, 'BASKET_CODE_INVALID')) {
      const reason = String(error.details?.reason ?? '');
      return `${error.message} — ${t(`ui.bakery.baskets.code_reason.${reason}`, { defaultValue: reason })}`;
    }
    return errorMessage(error);
  };

  const submit = (raw: string) => {
    const code = raw.trim();
    if (!code) return;
    const key = nextKey.current++;
    const entry: ScanEntry = {
      key,
      code: code.toUpperCase(),
      movement,
      sellerName,
      outcome: 'pending',
      message: '',
    };
    setEntries((current) => [entry, ...current].slice(0, KEEP));
    if (!sellerId) {
      beepError();
      update(key, { outcome: 'error', message: t('ui.bakery.baskets.choose_seller') });
      return;
    }
    api
      .post<ScanResult>('/bakery/baskets/scan', { code, seller_id: sellerId, movement })
      .then((result) => {
        beepSuccess();
        setCount((c) => c + 1);
        const seller = result.movement.seller_name ?? '';
        const credit = result.movement.amount;
        const done =
          credit !== null && credit < 0
            ? t('ui.bakery.baskets.ok_entra_credited', { seller, amount: money(-credit) })
            : result.previous_status === 'baja' && result.movement.kind === 'entra'
              ? t('ui.bakery.baskets.ok_entra_written_off', { seller })
              : t(`ui.bakery.baskets.ok_${result.movement.kind}`, { seller });
        update(key, {
          code: result.basket.code,
          outcome: 'ok',
          movementId: result.movement.id,
          message: result.registered ? `${done} · ${t('ui.bakery.baskets.registered')}` : done,
        });
        void queryClient.invalidateQueries({ queryKey: ['bakery', 'baskets'] });
      })
      .catch((error: unknown) => {
        beepError();
        update(key, { outcome: 'error', message: explain(error) });
      });
  };

  // Only the newest scan that went through may be undone, and only once (one level, no walking back).
  const newest = entries.find((e) => e.movementId !== undefined);
  const lastScan = newest?.outcome === 'ok' ? newest : undefined;

  const undo = async (entry: ScanEntry) => {
    try {
      const result = await api.post<{ movement: MovementView }>('/bakery/baskets/scan/undo', {
        movement_id: entry.movementId,
      });
      beepSuccess();
      update(entry.key, { outcome: 'undone', message: t('ui.bakery.baskets.undone') });
      setCount((c) => Math.max(0, c - 1));
      notifySuccess(t('ui.bakery.baskets.undone_ok', { code: result.movement.basket_code }));
      void queryClient.invalidateQueries({ queryKey: ['bakery', 'baskets'] });
      focus();
    } catch (error) {
      // The dialog stays open showing why.
      beepError();
      throw error;
    }
  };

  const rule = settings.data;
  return (
    <Stack gap="sm" maw={640}>
      <PageTitle title={t('ui.bakery.baskets.scan_title')} />
      <BasketsTabs />
      <Select
        label={t('ui.bakery.baskets.seller')}
        placeholder={t('ui.bakery.baskets.choose_seller')}
        data={sellerOptions}
        value={sellerId}
        onChange={(id) => {
          setSellerId(id);
          focus();
        }}
        searchable
        size="md"
        data-testid="scan-seller"
      />
      <SegmentedControl
        fullWidth
        size="md"
        value={movement}
        onChange={(v) => {
          setMovement(v as ScanMovement);
          focus();
        }}
        data={[
          { value: 'sale', label: t('ui.bakery.baskets.movement.sale') },
          { value: 'entra', label: t('ui.bakery.baskets.movement.entra') },
        ]}
        color={movement === 'sale' ? 'orange' : 'teal'}
        data-testid="scan-movement"
      />
      <TextInput
        ref={input}
        autoFocus
        size="xl"
        label={t('ui.bakery.baskets.scan_label')}
        placeholder={t('ui.bakery.baskets.scan_placeholder')}
        value={value}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="characters"
        spellCheck={false}
        enterKeyHint="send"
        inputMode="text"
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            // The scanner types faster than React re-renders: read the field itself.
            submit(e.currentTarget.value);
            setValue('');
          }
        }}
        description={
          rule
            ? t('ui.bakery.baskets.rule', {
                prefix: rule.code_prefix,
                length: rule.code_length ?? t('ui.bakery.baskets.any_length'),
                check: rule.check_digit === 'luhn' ? 'Luhn' : '—',
              })
            : undefined
        }
        data-testid="basket-scan-input"
      />
      <CameraScanner onCode={submit} />
      <Group justify="space-between">
        <Text fw={700} size="lg" data-testid="scan-count">
          {t('ui.bakery.baskets.counter', { count })}
        </Text>
        <ConfirmButton
          variant="light"
          color="gray"
          disabled={!lastScan}
          confirmTitle={t('ui.bakery.baskets.undo_title')}
          confirmMessage={
            lastScan
              ? t('ui.bakery.baskets.undo_confirm', {
                  code: lastScan.code,
                  movement: t(`ui.bakery.baskets.movement.${lastScan.movement}`),
                  seller: lastScan.sellerName,
                  minutes: SCAN_UNDO_MINUTES,
                })
              : ''
          }
          confirmLabel={t('ui.bakery.baskets.undo')}
          onConfirm={() => lastScan && undo(lastScan)}
          data-testid="scan-undo"
        >
          {t('ui.bakery.baskets.undo')}
        </ConfirmButton>
      </Group>
      <Text fw={700}>{t('ui.bakery.baskets.last_scans')}</Text>
      <Stack gap={6} data-testid="scan-list">
        {entries.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('ui.bakery.baskets.no_scans')}
          </Text>
        ) : null}
        {entries.map((e) => (
          <Card
            key={e.key}
            withBorder
            padding="xs"
            data-testid="scan-entry"
            data-outcome={e.outcome}
            style={{
              borderLeft: `4px solid var(--mantine-color-${
                e.outcome === 'ok' ? 'green' : e.outcome === 'error' ? 'red' : 'gray'
              }-6)`,
            }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={700} size="sm" ff="monospace">
                  {e.code}
                </Text>
                <Text size="xs" c={e.outcome === 'error' ? 'red' : 'dimmed'} lineClamp={2}>
                  {e.outcome === 'pending' ? t('ui.bakery.baskets.pending') : e.message}
                </Text>
              </Stack>
              <Badge color={e.movement === 'sale' ? 'orange' : 'teal'} variant="light">
                {t(`ui.bakery.baskets.movement_short.${e.movement}`)}
              </Badge>
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
