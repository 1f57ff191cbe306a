import { ActionIcon, Card, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { type Ref, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DocumentView, money, type ProductView } from '../bakery.api.ts';

export interface Line {
  product: ProductView;
  quantity: number;
}

/** The lines of an existing document, as the editor holds them (its products may be inactive now). */
export function linesOf(document: DocumentView): Line[] {
  return document.lines.map((l) => ({
    product: {
      id: l.product_id,
      code: l.product_code,
      name: l.product_name,
      price: l.price,
      category: l.category,
      active: true,
    },
    quantity: l.quantity,
  }));
}

export interface LineEditor {
  lines: Line[];
  scanError: string | null;
  totals: { units: number; value: number };
  addCode: (raw: string) => void;
  setQuantity: (productId: string, quantity: number) => void;
  remove: (line: Line) => void;
  reset: (lines?: Line[]) => void;
}

/** Lines of a pedido, extra or devolución: each scan adds one unit or a new line. */
export function useLineEditor(products: ProductView[] | undefined, initial: Line[] = []): LineEditor {
  const { t } = useTranslation();
  const [lines, setLines] = useState<Line[]>(initial);
  const [scanError, setScanError] = useState<string | null>(null);
  const byCode = useMemo(() => new Map((products ?? []).map((p) => [p.code, p])), [products]);
  const totals = lines.reduce(
    (sum, line) => ({
      units: sum.units + line.quantity,
      value: sum.value + Math.round(line.quantity * line.product.price * 100),
    }),
    { units: 0, value: 0 },
  );

  const addCode = (raw: string) => {
    const code = raw.trim().toUpperCase();
    if (!code) return;
    const product = byCode.get(code);
    if (!product) {
      setScanError(t('ui.bakery.documents.unknown_code', { code }));
      return;
    }
    setScanError(null);
    setLines((current) => {
      const existing = current.find((l) => l.product.id === product.id);
      if (existing) return current.map((l) => (l === existing ? { ...l, quantity: l.quantity + 1 } : l));
      return [...current, { product, quantity: 1 }];
    });
  };

  const setQuantity = (productId: string, quantity: number) =>
    setLines((current) =>
      current.map((l) => (l.product.id === productId ? { ...l, quantity: Math.max(1, quantity) } : l)),
    );

  return {
    lines,
    scanError,
    totals,
    addCode,
    setQuantity,
    remove: (line) => setLines((current) => current.filter((l) => l !== line)),
    reset: (next = []) => {
      setLines(next);
      setScanError(null);
    },
  };
}

/** The code field: the scanner types the code and Enter. */
export function ScanField({
  editor,
  inputRef,
  autoFocus = false,
  size,
  testId = 'scan-input',
}: {
  editor: LineEditor;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  size?: 'sm' | 'md' | 'lg';
  testId?: string;
}) {
  const { t } = useTranslation();
  const [scan, setScan] = useState('');
  return (
    <TextInput
      ref={inputRef}
      autoFocus={autoFocus}
      size={size}
      label={t('ui.bakery.documents.scan')}
      placeholder={t('ui.bakery.documents.scan_placeholder')}
      value={scan}
      error={editor.scanError}
      autoComplete="off"
      autoCapitalize="characters"
      enterKeyHint="enter"
      onChange={(e) => setScan(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          editor.addCode(scan);
          setScan('');
        }
      }}
      data-testid={testId}
    />
  );
}

/** One card per line with − / quantity / + / remove. */
export function LineList({ editor, testId = 'document-lines' }: { editor: LineEditor; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid={testId}>
      {editor.lines.map((line) => (
        <Card key={line.product.id} withBorder padding="xs" data-testid="document-line">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={600} size="sm" truncate>
                {line.product.code} · {line.product.name}
              </Text>
              <Text size="xs" c="dimmed">
                {money(line.product.price)} · {t(`ui.bakery.category.${line.product.category}`)}
              </Text>
            </Stack>
            <Group gap={4} wrap="nowrap">
              <ActionIcon
                size="lg"
                variant="light"
                aria-label="−"
                onClick={() => editor.setQuantity(line.product.id, line.quantity - 1)}
              >
                −
              </ActionIcon>
              <NumberInput
                w={70}
                min={1}
                max={100000}
                value={line.quantity}
                onChange={(value) => editor.setQuantity(line.product.id, Number(value) || 1)}
                hideControls
                aria-label={t('ui.bakery.common.quantity')}
                data-testid={`qty-${line.product.code}`}
              />
              <ActionIcon
                size="lg"
                variant="light"
                aria-label="+"
                onClick={() => editor.setQuantity(line.product.id, line.quantity + 1)}
              >
                +
              </ActionIcon>
              <ActionIcon
                size="lg"
                color="red"
                variant="subtle"
                aria-label={t('ui.bakery.common.remove')}
                onClick={() => editor.remove(line)}
              >
                ×
              </ActionIcon>
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** "3 productos · 5 unidades" and the value. */
export function LineTotals({ editor, testId = 'document-totals' }: { editor: LineEditor; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" data-testid={testId}>
      <Text size="sm">
        {t('ui.bakery.documents.totals', { lines: editor.lines.length, units: editor.totals.units })}
      </Text>
      <Text fw={700}>{money(editor.totals.value / 100)}</Text>
    </Group>
  );
}
