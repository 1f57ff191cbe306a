import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { DocumentKind } from '@matriz/shared/bakery/sale-math';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import {
  type DocumentView,
  money,
  type ProductView,
  todayInBogota,
  useProducts,
  useSellers,
} from '../bakery.api.ts';

interface Line {
  product: ProductView;
  quantity: number;
}

/**
 * The route seller's phone form: scan (the scanner types the code and Enter) or type a code, each
 * scan adds one unit or a new line; steppers adjust; totals run as lines change.
 */
export default function DocumentsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const managesDocuments = useCan('bakery.documents.manage');
  const products = useProducts(true);
  const sellers = useSellers(managesDocuments);
  const [kind, setKind] = useState<DocumentKind>('PD');
  const [sellerId, setSellerId] = useState<string | null>(null);
  const [date, setDate] = useState(todayInBogota());
  const [lines, setLines] = useState<Line[]>([]);
  const [comments, setComments] = useState('');
  const [scan, setScan] = useState('');
  const [scanError, setScanError] = useState<string | null>(null);
  const [created, setCreated] = useState<DocumentView | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);

  const byCode = useMemo(() => new Map((products.data ?? []).map((p) => [p.code, p])), [products.data]);
  const totals = lines.reduce(
    (sum, line) => ({
      units: sum.units + line.quantity,
      value: sum.value + Math.round(line.quantity * line.product.price * 100),
    }),
    { units: 0, value: 0 },
  );

  const recent = useQuery({
    queryKey: ['bakery', 'documents', 'recent'],
    queryFn: ({ signal }) =>
      api.get<{ items: DocumentView[] }>('/bakery/documents', { query: { page_size: 20 }, signal }),
  });

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

  const submit = useMutation({
    mutationFn: () =>
      api.post<{ document: DocumentView }>('/bakery/documents', {
        kind,
        date,
        comments,
        ...(managesDocuments && sellerId ? { seller_id: sellerId } : {}),
        lines: lines.map((l) => ({ product_code: l.product.code, quantity: l.quantity })),
      }),
    onSuccess: ({ document }) => {
      setCreated(document);
      setLines([]);
      setComments('');
      notifySuccess(t('ui.bakery.documents.created', { code: document.code }));
      void queryClient.invalidateQueries({ queryKey: ['bakery', 'documents'] });
      scanRef.current?.focus();
    },
    onError: (error) => notifyError(error),
  });

  return (
    <Stack gap="sm" maw={640}>
      <PageTitle title={t('ui.bakery.documents.title')} />
      <SegmentedControl
        fullWidth
        value={kind}
        onChange={(value) => setKind(value as DocumentKind)}
        data={(['PD', 'EX', 'DV'] as const).map((k) => ({ value: k, label: t(`ui.bakery.kind.${k}`) }))}
        data-testid="document-kind"
      />
      <Group grow>
        <TextInput
          type="date"
          label={t('ui.bakery.common.date')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        {managesDocuments ? (
          <Select
            label={t('ui.bakery.common.seller')}
            data={(sellers.data ?? [])
              .filter((s) => s.active)
              .map((s) => ({ value: s.id, label: s.full_name }))}
            value={sellerId}
            onChange={setSellerId}
            searchable
          />
        ) : null}
      </Group>
      <TextInput
        ref={scanRef}
        autoFocus
        size="lg"
        label={t('ui.bakery.documents.scan')}
        placeholder={t('ui.bakery.documents.scan_placeholder')}
        value={scan}
        error={scanError}
        autoComplete="off"
        autoCapitalize="characters"
        enterKeyHint="enter"
        onChange={(e) => setScan(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            addCode(scan);
            setScan('');
          }
        }}
        data-testid="scan-input"
      />
      {products.error ? <ErrorAlert error={products.error} /> : null}
      <Stack gap={6} data-testid="document-lines">
        {lines.map((line) => (
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
                  onClick={() => setQuantity(line.product.id, line.quantity - 1)}
                >
                  −
                </ActionIcon>
                <NumberInput
                  w={70}
                  min={1}
                  max={100000}
                  value={line.quantity}
                  onChange={(value) => setQuantity(line.product.id, Number(value) || 1)}
                  hideControls
                  aria-label={t('ui.bakery.common.quantity')}
                  data-testid={`qty-${line.product.code}`}
                />
                <ActionIcon
                  size="lg"
                  variant="light"
                  aria-label="+"
                  onClick={() => setQuantity(line.product.id, line.quantity + 1)}
                >
                  +
                </ActionIcon>
                <ActionIcon
                  size="lg"
                  color="red"
                  variant="subtle"
                  aria-label={t('ui.bakery.common.remove')}
                  onClick={() => setLines((current) => current.filter((l) => l !== line))}
                >
                  ×
                </ActionIcon>
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      <Group justify="space-between" data-testid="document-totals">
        <Text size="sm">{t('ui.bakery.documents.totals', { lines: lines.length, units: totals.units })}</Text>
        <Text fw={700}>{money(totals.value / 100)}</Text>
      </Group>
      <Textarea
        label={t('ui.bakery.common.comments')}
        value={comments}
        onChange={(e) => setComments(e.currentTarget.value)}
        maxLength={500}
      />
      <Button
        size="lg"
        onClick={() => submit.mutate()}
        loading={submit.isPending}
        disabled={lines.length === 0 || (managesDocuments && !sellerId)}
        data-testid="submit-document"
      >
        {t('ui.bakery.documents.submit', { kind: t(`ui.bakery.kind.${kind}`) })}
      </Button>
      {created ? (
        <Alert color="green" data-testid="created-document">
          {t('ui.bakery.documents.created', { code: created.code })}
        </Alert>
      ) : null}

      <Text fw={700} mt="md">
        {t('ui.bakery.documents.recent')}
      </Text>
      {recent.error ? <ErrorAlert error={recent.error} onRetry={() => void recent.refetch()} /> : null}
      <Stack gap={6} data-testid="document-list">
        {(recent.data?.items ?? []).map((d) => (
          <Card key={d.id} withBorder padding="xs">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Text fw={600} size="sm">
                  {d.code} · {t(`ui.bakery.kind.${d.kind}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {d.date} · {d.seller_name} · {t('ui.bakery.documents.units', { units: d.total_quantity })}
                </Text>
              </Stack>
              <Badge color={d.status === 'pendiente' ? 'yellow' : d.status === 'usado' ? 'green' : 'gray'}>
                {t(`ui.bakery.status.${d.status}`)}
              </Badge>
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
