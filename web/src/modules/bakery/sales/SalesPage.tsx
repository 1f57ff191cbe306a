import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, downloadUrl } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import {
  type DocumentView,
  money,
  type Proposal,
  type SaleComputationView,
  type SaleView,
  todayInBogota,
  useSellers,
} from '../bakery.api.ts';
import { AnnulSaleModal } from './AnnulSaleModal.tsx';
import { SaleTable } from './SaleTable.tsx';

interface Selection {
  pedido_id: string | null;
  extra_ids: string[];
  previous_return_id: string | null;
  return_id: string | null;
}

type Translate = ReturnType<typeof useTranslation>['t'];

const documentLabel = (t: Translate, d: DocumentView) =>
  `${d.code} · ${d.date} · ${t('ui.bakery.documents.units', { units: d.total_quantity })}`;

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
  const [annulling, setAnnulling] = useState<SaleView | null>(null);

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

  const candidates = proposal.data?.candidates;
  const computation: SaleComputationView | null = shown ?? preview.data ?? null;
  const option = (d: DocumentView) => ({ value: d.id, label: documentLabel(t, d) });
  // Of several pedidos that day none is proposed: confirming without one would bill only the extras.
  const pedidoMissing = Boolean(proposal.data?.pedido_choice_required && !selection?.pedido_id);

  return (
    <Stack gap="md">
      <PageTitle
        title={t('ui.bakery.sales.title')}
        actions={
          <Button
            component={Link}
            to="/bakery/sales-history"
            variant="light"
            size="xs"
            data-testid="sales-history-link"
          >
            {t('ui.bakery.sales_history.title')}
          </Button>
        }
      />
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
      {candidates && selection && !shown && pedidoMissing ? (
        <Alert color="yellow" data-testid="sale-pedido-choice">
          <Stack gap="xs">
            <Text size="sm">
              {t('ui.bakery.sales.pedido_choice', { count: candidates.pedidos.length, date })}
            </Text>
            <Group gap="xs">
              {candidates.pedidos.map((d) => (
                <Button
                  key={d.id}
                  size="compact-sm"
                  variant="white"
                  onClick={() => setSelection({ ...selection, pedido_id: d.id })}
                  data-testid="sale-pedido-option"
                >
                  {d.code} · {t('ui.bakery.documents.units', { units: d.total_quantity })}
                  {d.comments ? ` · ${d.comments}` : ''}
                </Button>
              ))}
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {candidates && selection && !shown ? (
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <Select
            label={t('ui.bakery.sales.pedido')}
            data={candidates.pedidos.map(option)}
            value={selection.pedido_id}
            onChange={(value) => setSelection({ ...selection, pedido_id: value })}
            clearable
            error={pedidoMissing}
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
                label={documentLabel(t, d)}
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
            label={`${t('ui.bakery.sales.previous_return')}: ${candidates.previous_return ? documentLabel(t, candidates.previous_return) : '—'}`}
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
            data={candidates.returns.map(option)}
            value={selection.return_id}
            onChange={(value) => setSelection({ ...selection, return_id: value })}
            clearable
            data-testid="sale-return"
          />
        </SimpleGrid>
      ) : null}
      {selection && !shown && !selection.return_id ? (
        <Alert color="yellow" data-testid="sale-no-return">
          {t('ui.bakery.sales.no_return')}
        </Alert>
      ) : null}
      {preview.error && !shown ? <ErrorAlert error={preview.error} /> : null}
      {computation ? <SaleTable computation={computation} /> : null}
      {computation && !shown ? (
        <Group>
          <Button
            size="md"
            onClick={() => confirm.mutate()}
            loading={confirm.isPending}
            disabled={pedidoMissing}
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
              <Anchor href={downloadUrl(`/bakery/sales/${shown.id}/pdf`)} download data-testid="download-pdf">
                {t('ui.bakery.sales.download_pdf')}
              </Anchor>
              {canAnnul && shown.status === 'confirmada' ? (
                <Button
                  variant="light"
                  color="red"
                  size="xs"
                  onClick={() => setAnnulling(shown)}
                  data-testid="annul-sale"
                >
                  {t('ui.bakery.sales.annul')}
                </Button>
              ) : null}
            </Group>
          </Group>
        </Alert>
      ) : null}
      {annulling ? (
        <AnnulSaleModal
          sale={annulling}
          onDone={() => {
            setAnnulling(null);
            setSale(null);
          }}
          onCancel={() => setAnnulling(null)}
        />
      ) : null}
    </Stack>
  );
}
