import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { positiveInt, useUrlParams } from '../../../ui/useUrlParams.ts';
import { money, type SalePage, type SaleSummary } from '../bakery.api.ts';
import { DateRangeFilter, SellerFilter } from '../HistoryFilters.tsx';
import { SaleDetailModal } from './SaleDetailModal.tsx';

const PARAMS = ['from', 'to', 'seller', 'status', 'page', 'page_size', 'sale'] as const;

/**
 * Past sales, annulled ones included, by dates, seller and status, a page at a time, with the sums of
 * the confirmed ones; a row opens the sale. A route seller sees only their own.
 */
export default function SalesHistoryPage() {
  const { t } = useTranslation();
  const seesAllSellers = useCan('bakery.documents.manage', 'bakery.history.all');
  const generates = useCan('bakery.sales.generate');
  const [params, setParams] = useUrlParams(PARAMS);
  const page = positiveInt(params.page, 1);
  const pageSize = positiveInt(params.page_size, 25);
  const rangeValid = !(params.from && params.to && params.from > params.to);
  const query = {
    from: params.from || undefined,
    to: params.to || undefined,
    seller_id: seesAllSellers ? params.seller || undefined : undefined,
    status: params.status || undefined,
    page,
    page_size: pageSize,
  };
  const list = useQuery({
    queryKey: ['bakery', 'sales', 'list', query],
    queryFn: ({ signal }) => api.get<SalePage>('/bakery/sales', { query, signal }),
    enabled: rangeValid,
    placeholderData: keepPreviousData,
  });
  const open = (sale: SaleSummary) => setParams({ sale: sale.id, page: params.page });

  const columns: Column<SaleSummary>[] = [
    { key: 'date', header: t('ui.bakery.common.date'), render: (s) => s.date, nowrap: true },
    ...(seesAllSellers
      ? [{ key: 'seller', header: t('ui.bakery.common.seller'), render: (s: SaleSummary) => s.seller_name }]
      : []),
    {
      key: 'value',
      header: t('ui.bakery.sales.col_value'),
      render: (s) => money(s.value),
      align: 'right',
      nowrap: true,
    },
    {
      key: 'commission',
      header: t('ui.bakery.sales.col_commission'),
      render: (s) => money(s.commission),
      align: 'right',
      nowrap: true,
    },
    {
      key: 'payable',
      header: t('ui.bakery.sales.col_payable'),
      render: (s) => money(s.payable),
      align: 'right',
      nowrap: true,
    },
    {
      key: 'status',
      header: t('ui.bakery.sales_history.status'),
      render: (s) => (
        <Badge
          color={s.status === 'confirmada' ? 'green' : 'gray'}
          data-testid="sale-row-status"
          data-status={s.status}
        >
          {t(`ui.bakery.status.${s.status}`)}
        </Badge>
      ),
    },
    {
      key: 'open',
      header: '',
      render: (s) => (
        <Button size="compact-xs" variant="light" onClick={() => open(s)} data-testid="sale-open">
          {t('ui.bakery.sales_history.open')}
        </Button>
      ),
      nowrap: true,
    },
  ];
  const totals = list.data?.confirmed_totals;

  return (
    <Stack gap="sm">
      <PageTitle
        title={t('ui.bakery.sales_history.title')}
        actions={
          generates ? (
            <Button component={Link} to="/bakery/sales" variant="light" size="xs">
              {t('ui.bakery.sales.title')}
            </Button>
          ) : null
        }
      />
      <Paper withBorder p="xs">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <DateRangeFilter
            from={params.from}
            to={params.to}
            onChange={setParams}
            testIdPrefix="sales-filter"
          />
          {seesAllSellers ? (
            <SellerFilter
              value={params.seller}
              onChange={(seller) => setParams({ seller })}
              testId="sales-filter-seller"
            />
          ) : null}
          <Select
            label={t('ui.bakery.sales_history.status')}
            data={[
              { value: '', label: t('ui.bakery.sales_history.all_statuses') },
              { value: 'confirmada', label: t('ui.bakery.status.confirmada') },
              { value: 'anulada', label: t('ui.bakery.status.anulada') },
            ]}
            value={params.status}
            onChange={(value) => setParams({ status: value })}
            allowDeselect={false}
            data-testid="sales-filter-status"
          />
        </SimpleGrid>
      </Paper>
      {rangeValid ? null : (
        <Alert color="red" data-testid="sales-range-invalid">
          {t('ui.bakery.reports.range_invalid', { from: params.from, to: params.to })}
        </Alert>
      )}
      {totals && rangeValid && params.status !== 'anulada' ? (
        <Group gap="md" wrap="wrap" data-testid="sales-totals">
          <Text size="sm" fw={600}>
            {t('ui.bakery.sales_history.confirmed_totals')}
          </Text>
          <Text size="sm" data-testid="sales-total-value">
            {t('ui.bakery.sales.col_value')}: {money(totals.value)}
          </Text>
          <Text size="sm">
            {t('ui.bakery.sales.col_commission')}: {money(totals.commission)}
          </Text>
          <Text size="sm">
            {t('ui.bakery.sales.col_payable')}: {money(totals.payable)}
          </Text>
        </Group>
      ) : null}
      <DataTable
        columns={columns}
        rows={rangeValid ? list.data?.items : []}
        rowKey={(s) => s.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyText={t('ui.bakery.sales_history.empty')}
        page={page}
        pageSize={pageSize}
        total={rangeValid ? (list.data?.total ?? 0) : 0}
        onPageChange={(value) => setParams({ page: value })}
        onPageSizeChange={(value) => setParams({ page_size: value })}
        minWidth={seesAllSellers ? 720 : 560}
        data-testid="sales-history"
      />
      {params.sale ? (
        <SaleDetailModal
          key={params.sale}
          saleId={params.sale}
          onClose={() => setParams({ sale: null, page: params.page })}
        />
      ) : null}
    </Stack>
  );
}
