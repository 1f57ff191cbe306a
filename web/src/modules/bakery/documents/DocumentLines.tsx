import { ActionIcon, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { MAX_LINE_QUANTITY } from '@matriz/shared/bakery/sale-math';
import { type Ref, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DocumentView, money, type ProductView } from '../bakery.api.ts';

export interface Line {
  product: ProductView;
  /** What the quantity field holds: free text while typing (it may be empty), checked on submit. */
  quantity: string;
}

/** A line as the API takes it. */
export interface LineInput {
  product_code: string;
  quantity: number;
}

/** The units a quantity field holds, 0 while it holds no whole number. */
const unitsOf = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : 0);

/** The server's own rule for a line: a whole number of units from 1 to the cap. */
const validQuantity = (text: string) => {
  const units = unitsOf(text);
  return units >= 1 && units <= MAX_LINE_QUANTITY;
};

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
    quantity: String(l.quantity),
  }));
}

export interface LineEditor {
  lines: Line[];
  scanError: string | null;
  totals: { units: number; value: number };
  /** The problem of a line's quantity, once a submit was tried. */
  quantityError: (line: Line) => string | null;
  /** A submit was tried with a quantity that the server would refuse. */
  invalid: boolean;
  addCode: (raw: string) => void;
  setQuantity: (productId: string, text: string) => void;
  step: (productId: string, delta: number) => void;
  remove: (line: Line) => void;
  reset: (lines?: Line[]) => void;
  /** The lines to send, or null (and every bad quantity marked) when one is not valid. */
  submitLines: () => LineInput[] | null;
}

/** Lines of a pedido, extra or devolución: each scan adds one unit or a new line. */
export function useLineEditor(products: ProductView[] | undefined, initial: Line[] = []): LineEditor {
  const { t, i18n } = useTranslation();
  const [lines, setLines] = useState<Line[]>(initial);
  const [scanError, setScanError] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const byCode = useMemo(() => new Map((products ?? []).map((p) => [p.code, p])), [products]);
  const totals = lines.reduce(
    (sum, line) => ({
      units: sum.units + unitsOf(line.quantity),
      value: sum.value + Math.round(unitsOf(line.quantity) * line.product.price * 100),
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
      if (existing)
        return current.map((l) => (l === existing ? { ...l, quantity: String(unitsOf(l.quantity) + 1) } : l));
      return [...current, { product, quantity: '1' }];
    });
  };

  const setQuantity = (productId: string, text: string) =>
    setLines((current) => current.map((l) => (l.product.id === productId ? { ...l, quantity: text } : l)));

  return {
    lines,
    scanError,
    totals,
    quantityError: (line) =>
      checked && !validQuantity(line.quantity)
        ? t('ui.bakery.documents.quantity_invalid', { max: MAX_LINE_QUANTITY.toLocaleString(i18n.language) })
        : null,
    invalid: checked && lines.some((l) => !validQuantity(l.quantity)),
    addCode,
    setQuantity,
    step: (productId, delta) => {
      const line = lines.find((l) => l.product.id === productId);
      if (line) setQuantity(productId, String(Math.max(1, unitsOf(line.quantity) + delta)));
    },
    remove: (line) => setLines((current) => current.filter((l) => l !== line)),
    reset: (next = []) => {
      setLines(next);
      setScanError(null);
      setChecked(false);
    },
    submitLines: () => {
      setChecked(true);
      if (lines.some((l) => !validQuantity(l.quantity))) return null;
      return lines.map((l) => ({ product_code: l.product.code, quantity: unitsOf(l.quantity) }));
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
      {editor.lines.map((line) => {
        const problem = editor.quantityError(line);
        const errorId = `qty-error-${line.product.code}`;
        return (
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
                  onClick={() => editor.step(line.product.id, -1)}
                >
                  −
                </ActionIcon>
                <TextInput
                  w={70}
                  value={line.quantity}
                  onChange={(e) => editor.setQuantity(line.product.id, e.currentTarget.value)}
                  inputMode="numeric"
                  autoComplete="off"
                  error={problem !== null}
                  aria-describedby={problem ? errorId : undefined}
                  aria-label={t('ui.bakery.common.quantity')}
                  data-testid={`qty-${line.product.code}`}
                />
                <ActionIcon
                  size="lg"
                  variant="light"
                  aria-label="+"
                  onClick={() => editor.step(line.product.id, 1)}
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
            {problem ? (
              <Text size="xs" c="red" ta="right" mt={4} id={errorId} data-testid={errorId}>
                {line.product.code}: {problem}
              </Text>
            ) : null}
          </Card>
        );
      })}
    </Stack>
  );
}

/** "3 productos · 5 unidades" and the value; after a refused submit, what to fix. */
export function LineTotals({ editor, testId = 'document-totals' }: { editor: LineEditor; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Group justify="space-between" data-testid={testId}>
        <Text size="sm">
          {t('ui.bakery.documents.totals', { lines: editor.lines.length, units: editor.totals.units })}
        </Text>
        <Text fw={700}>{money(editor.totals.value / 100)}</Text>
      </Group>
      {editor.invalid ? (
        <Text size="sm" c="red" role="alert" data-testid="lines-invalid">
          {t('ui.bakery.documents.lines_invalid')}
        </Text>
      ) : null}
    </Stack>
  );
}
