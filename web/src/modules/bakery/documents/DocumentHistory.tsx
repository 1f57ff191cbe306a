import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { positiveInt, useUrlParams } from '../../../ui/useUrlParams.ts';
import type { DocumentView, Page } from '../bakery.api.ts';
import { DateRangeFilter, SellerFilter } from '../HistoryFilters.tsx';
import { type DocumentAction, DocumentActionButtons, DocumentActionModal } from './DocumentActions.tsx';

const PAGE_SIZE = 20;
const FILTERS = ['from', 'to', 'kind', 'status', 'seller', 'code', 'page'] as const;

/** The code box applies on Enter or on leaving it: a code only matches whole. */
function CodeFilter({ value, onApply }: { value: string; onApply: (code: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const apply = () => {
    if (text.trim() !== value) onApply(text.trim());
  };
  return (
    <TextInput
      label={t('ui.bakery.documents.filter_code')}
      placeholder="PD-00001"
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
      }}
      autoCapitalize="characters"
      data-testid="document-filter-code"
    />
  );
}

function DocumentCard({
  document: d,
  managesDocuments,
  onAction,
}: {
  document: DocumentView;
  managesDocuments: boolean;
  onAction: (action: DocumentAction) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder padding="xs" data-testid="document-row" data-code={d.code}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600} size="sm">
            {d.code} · {t(`ui.bakery.kind.${d.kind}`)}
          </Text>
          <Text size="xs" c="dimmed" data-testid="document-meta">
            {d.date} · {d.seller_name} · {t('ui.bakery.documents.units', { units: d.total_quantity })}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap" justify="flex-end">
          {managesDocuments ? <DocumentActionButtons document={d} onAction={onAction} /> : null}
          <Badge
            color={d.status === 'pendiente' ? 'yellow' : d.status === 'usado' ? 'green' : 'gray'}
            data-testid="document-status"
            data-status={d.status}
          >
            {t(`ui.bakery.status.${d.status}`)}
          </Badge>
        </Group>
      </Group>
      <Group>
        <Anchor
          component="button"
          type="button"
          size="xs"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          data-testid="document-toggle-lines"
        >
          {open ? t('ui.table.collapse') : t('ui.table.expand')}
        </Anchor>
      </Group>
      {open ? (
        <Stack gap={2} mt={4} data-testid="document-lines-detail">
          {d.lines.map((l) => (
            <Group key={l.product_id} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="xs" style={{ minWidth: 0 }} truncate>
                {l.product_code} · {l.product_name}
              </Text>
              <Text size="xs" fw={600}>
                {l.quantity}
              </Text>
            </Group>
          ))}
          {d.comments ? (
            <Text size="xs" c="dimmed">
              {d.comments}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Card>
  );
}

/**
 * Past pedidos, extras and devoluciones, newest first, by dates, kind, status, seller and code, a page
 * at a time; the filters live in the URL. The admin edits, reassigns or annuls those still unused.
 */
export function DocumentHistory({
  managesDocuments,
  seesAllSellers,
}: {
  managesDocuments: boolean;
  seesAllSellers: boolean;
}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlParams(FILTERS);
  const [action, setAction] = useState<{ action: DocumentAction; document: DocumentView } | null>(null);
  const page = positiveInt(filters.page, 1);
  const rangeValid = !(filters.from && filters.to && filters.from > filters.to);
  const query = {
    from: filters.from || undefined,
    to: filters.to || undefined,
    kind: filters.kind || undefined,
    status: filters.status || undefined,
    seller_id: seesAllSellers ? filters.seller || undefined : undefined,
    code: filters.code || undefined,
    page,
    page_size: PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: ['bakery', 'documents', 'list', query],
    queryFn: ({ signal }) => api.get<Page<DocumentView>>('/bakery/documents', { query, signal }),
    enabled: rangeValid,
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = FILTERS.some((key) => key !== 'page' && filters[key]);

  return (
    <Stack gap="sm">
      <Text fw={700} mt="md">
        {t(seesAllSellers ? 'ui.bakery.documents.recent_all' : 'ui.bakery.documents.recent')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" data-testid="document-filters">
        <DateRangeFilter
          from={filters.from}
          to={filters.to}
          onChange={setFilters}
          testIdPrefix="document-filter"
        />
        <Select
          label={t('ui.bakery.documents.filter_kind')}
          data={[
            { value: '', label: t('ui.bakery.documents.all_kinds') },
            ...(['PD', 'EX', 'DV'] as const).map((k) => ({ value: k, label: t(`ui.bakery.kind.${k}`) })),
          ]}
          value={filters.kind}
          onChange={(value) => setFilters({ kind: value })}
          allowDeselect={false}
          data-testid="document-filter-kind"
        />
        <Select
          label={t('ui.bakery.documents.filter_status')}
          data={[
            { value: '', label: t('ui.bakery.documents.all_statuses') },
            ...(['pendiente', 'usado', 'anulado'] as const).map((s) => ({
              value: s,
              label: t(`ui.bakery.status.${s}`),
            })),
          ]}
          value={filters.status}
          onChange={(value) => setFilters({ status: value })}
          allowDeselect={false}
          data-testid="document-filter-status"
        />
        {seesAllSellers ? (
          <SellerFilter
            value={filters.seller}
            onChange={(seller) => setFilters({ seller })}
            testId="document-filter-seller"
          />
        ) : null}
        <CodeFilter
          key={filters.code}
          value={filters.code}
          onApply={(code) => setFilters({ code: code.toUpperCase() })}
        />
      </SimpleGrid>
      {filtered ? (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setFilters(Object.fromEntries(FILTERS.map((key) => [key, null])))}
            data-testid="document-filter-clear"
          >
            {t('ui.common.clear')}
          </Button>
        </Group>
      ) : null}
      {rangeValid ? null : (
        <Alert color="red" data-testid="document-range-invalid">
          {t('ui.bakery.reports.range_invalid', { from: filters.from, to: filters.to })}
        </Alert>
      )}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Stack gap={6} data-testid="document-list">
        {rangeValid && list.data?.items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="document-list-empty">
            {t('ui.bakery.documents.none')}
          </Text>
        ) : null}
        {(rangeValid ? (list.data?.items ?? []) : []).map((d) => (
          <DocumentCard
            key={d.id}
            document={d}
            managesDocuments={managesDocuments}
            onAction={(chosen) => setAction({ action: chosen, document: d })}
          />
        ))}
      </Stack>
      {rangeValid && list.data ? (
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed" data-testid="document-total">
            {t('ui.table.total', { count: total })}
          </Text>
          {pages > 1 ? (
            <Pagination
              size="sm"
              total={pages}
              value={Math.min(page, pages)}
              onChange={(value) => setFilters({ page: value })}
              siblings={0}
              boundaries={1}
              data-testid="document-pages"
            />
          ) : null}
        </Group>
      ) : null}
      {action ? (
        <DocumentActionModal
          key={`${action.action}-${action.document.id}`}
          action={action.action}
          document={action.document}
          onClose={() => setAction(null)}
        />
      ) : null}
    </Stack>
  );
}
