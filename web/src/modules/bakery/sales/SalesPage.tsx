import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import {
  apiUrl,
  type DocumentView,
  money,
  type Proposal,
  type SaleComputationView,
  type SaleView,
  todayInBogota,
  useSellers,
} from '../bakery.api.ts';

interface Selection {
  pedido_id: string | null;
  extra_ids: string[];
  previous_return_id: string | null;
  return_id: string | null;
}

const documentOption = (d: DocumentView) => ({
  value: d.id,
  label: `${d.code} · ${d.date} · ${d.total_quantity}`,
});

/** Sale generation for admin and semiadmin: the screen proposes the documents, previews and confirms. */
export default function SalesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canAnnul = useCan('bakery.sales.annul');
  const sellers = useSellers();
  const [sellerId, setSellerId] = useState<string | null>(null);
  const [date, setDate] = useState(todayInBogota());
  const [selection, setSelection] = useState<Selection | null>(null);
  const [sale, setSale] = useState<SaleView | null>(null);

  const proposal = useQuery({
    queryKey: ['bakery', 'proposal', sellerId, date],
    queryFn: ({ signal }) =>
      api.get<Proposal>('/bakery/sales/proposal', { query: { seller_id: sellerId, date }, signal }),
    enabled: Boolean(sellerId && date),
  });
  useEffect(() => {
    setSelection(proposal.data ? proposal.data.proposed : null);
    setSale(null);
  }, [proposal.data]);

  const body = selection && sellerId ? { seller_id: sellerId, date, ...selection } : null;
  const preview = useQuery({
    queryKey: ['bakery', 'preview', body],
    queryFn: () => api.post<SaleComputationView>('/bakery/sales/preview', body),
    enabled: Boolean(body && !proposal.data?.existing_sale_id),
    retry: false,
  });
  const existing = useQuery({
    queryKey: ['bakery', 'sale', proposal.data?.existing_sale_id],
    queryFn: () => api.get<{ sale: SaleView }>(`/bakery/sales/${proposal.data?.existing_sale_id}`),
    enabled: Boolean(proposal.data?.existing_sale_id),
  });
  const shown = sale ?? existing.data?.sale ?? null;

  const confirm = useMutation({
    mutationFn: () => api.post<{ sale: SaleView }>('/bakery/sales', body),
    onSuccess: ({ sale: created }) => {
      setSale(created);
      notifySuccess(t('ui.bakery.sales.confirmed'));
      void queryClient.invalidateQueries({ queryKey: ['bakery'] });
    },
    onError: (error) => notifyError(error),
  });
  const annul = useMutation({
    mutationFn: (id: string) =>
      api.post(`/bakery/sales/${id}/annul`, { reason: t('ui.bakery.sales.annul_reason') }),
    onSuccess: () => {
      setSale(null);
      void queryClient.invalidateQueries({ queryKey: ['bakery'] });
    },
    onError: (error) => notifyError(error),
  });

  const candidates = proposal.data?.candidates;
  const computation: SaleComputationView | null = shown ?? preview.data ?? null;

  return (
    <Stack gap="md">
      <PageTitle title={t('ui.bakery.sales.title')} />
      <Group align="flex-end">
        <Select
          label={t('ui.bakery.common.seller')}
          data={(sellers.data ?? []).map((s) => ({ value: s.id, label: `${s.full_name} (${s.username})` }))}
          value={sellerId}
          onChange={setSellerId}
          searchable
          w={320}
          data-testid="sale-seller"
        />
        <TextInput
          type="date"
          label={t('ui.bakery.common.date')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          data-testid="sale-date"
        />
      </Group>
      {proposal.error ? <ErrorAlert error={proposal.error} /> : null}
      {candidates && selection && !shown ? (
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <Select
            label={t('ui.bakery.sales.pedido')}
            data={candidates.pedidos.map(documentOption)}
            value={selection.pedido_id}
            onChange={(value) => setSelection({ ...selection, pedido_id: value })}
            clearable
            data-testid="sale-pedido"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('ui.bakery.sales.extras')}
            </Text>
            {candidates.extras.length === 0 ? (
              <Text size="sm" c="dimmed">
                —
              </Text>
            ) : null}
            {candidates.extras.map((d) => (
              <Checkbox
                key={d.id}
                label={documentOption(d).label}
                checked={selection.extra_ids.includes(d.id)}
                onChange={(e) =>
                  setSelection({
                    ...selection,
                    extra_ids: e.currentTarget.checked
                      ? [...selection.extra_ids, d.id]
                      : selection.extra_ids.filter((id) => id !== d.id),
                  })
                }
              />
            ))}
          </Stack>
          <Checkbox
            mt="lg"
            label={`${t('ui.bakery.sales.previous_return')}: ${candidates.previous_return ? documentOption(candidates.previous_return).label : '—'}`}
            disabled={!candidates.previous_return}
            checked={selection.previous_return_id !== null}
            onChange={(e) =>
              setSelection({
                ...selection,
                previous_return_id: e.currentTarget.checked ? (candidates.previous_return?.id ?? null) : null,
              })
            }
          />
          <Select
            label={t('ui.bakery.sales.day_return')}
            data={candidates.returns.map(documentOption)}
            value={selection.return_id}
            onChange={(value) => setSelection({ ...selection, return_id: value })}
            clearable
            data-testid="sale-return"
          />
        </SimpleGrid>
      ) : null}
      {preview.error && !shown ? <ErrorAlert error={preview.error} /> : null}
      {computation ? <SaleTable computation={computation} /> : null}
      {computation && !shown ? (
        <Group>
          <Button
            size="md"
            onClick={() => confirm.mutate()}
            loading={confirm.isPending}
            data-testid="confirm-sale"
          >
            {t('ui.bakery.sales.confirm')}
          </Button>
        </Group>
      ) : null}
      {shown ? (
        <Alert color={shown.status === 'confirmada' ? 'green' : 'gray'} data-testid="sale-done">
          <Group justify="space-between">
            <Text>
              {t('ui.bakery.sales.done', {
                seller: shown.seller_name,
                date: shown.date,
                value: money(shown.value),
              })}{' '}
              · {t(`ui.bakery.status.${shown.status}`)}
            </Text>
            <Group>
              <Anchor href={apiUrl(`/bakery/sales/${shown.id}/pdf`)} download data-testid="download-pdf">
                {t('ui.bakery.sales.download_pdf')}
              </Anchor>
              {canAnnul && shown.status === 'confirmada' ? (
                <ConfirmButton
                  variant="light"
                  size="xs"
                  confirmMessage={t('ui.bakery.sales.annul_confirm')}
                  onConfirm={() => annul.mutateAsync(shown.id)}
                >
                  {t('ui.bakery.sales.annul')}
                </ConfirmButton>
              ) : null}
            </Group>
          </Group>
        </Alert>
      ) : null}
    </Stack>
  );
}

export function SaleTable({ computation }: { computation: SaleComputationView }) {
  const { t } = useTranslation();
  const head = [
    'code',
    'product',
    'category',
    'previous',
    'pedido',
    'extras',
    'return',
    'quantity',
    'price',
    'value',
    'percent',
    'commission',
    'payable',
  ];
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={1000}>
        <Table striped fz="sm" data-testid="sale-lines">
          <Table.Thead>
            <Table.Tr>
              {head.map((h) => (
                <Table.Th key={h} ta={['code', 'product', 'category'].includes(h) ? 'left' : 'right'}>
                  {t(`ui.bakery.sales.col_${h}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {computation.lines.map((l) => (
              <Table.Tr key={l.product_id}>
                <Table.Td>{l.product_code}</Table.Td>
                <Table.Td>{l.product_name}</Table.Td>
                <Table.Td>{t(`ui.bakery.category.${l.category}`)}</Table.Td>
                <Table.Td ta="right">{l.previous_qty}</Table.Td>
                <Table.Td ta="right">{l.pedido_qty}</Table.Td>
                <Table.Td ta="right">{l.extras_qty}</Table.Td>
                <Table.Td ta="right">{l.return_qty}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {l.quantity}
                </Table.Td>
                <Table.Td ta="right">{money(l.price)}</Table.Td>
                <Table.Td ta="right">{money(l.value)}</Table.Td>
                <Table.Td ta="right">{l.commission_percent} %</Table.Td>
                <Table.Td ta="right">{money(l.commission)}</Table.Td>
                <Table.Td ta="right">{money(l.payable)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            {(['panaderia', 'bizcocheria'] as const).map((category) => (
              <Table.Tr key={category}>
                <Table.Td colSpan={7}>{t(`ui.bakery.category.${category}`)}</Table.Td>
                <Table.Td ta="right">{computation.by_category[category].quantity}</Table.Td>
                <Table.Td />
                <Table.Td ta="right">{money(computation.by_category[category].value)}</Table.Td>
                <Table.Td />
                <Table.Td ta="right">{money(computation.by_category[category].commission)}</Table.Td>
                <Table.Td ta="right">{money(computation.by_category[category].payable)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700} data-testid="sale-total">
              <Table.Td colSpan={7}>{t('ui.bakery.sales.total')}</Table.Td>
              <Table.Td ta="right">{computation.total.quantity}</Table.Td>
              <Table.Td />
              <Table.Td ta="right">{money(computation.total.value)}</Table.Td>
              <Table.Td />
              <Table.Td ta="right">{money(computation.total.commission)}</Table.Td>
              <Table.Td ta="right">{money(computation.total.payable)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
