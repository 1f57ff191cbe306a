import { Alert, Anchor, Badge, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { money, type SaleView } from '../bakery.api.ts';
import { AnnulSaleModal } from './AnnulSaleModal.tsx';
import { SaleTable } from './SaleTable.tsx';

/**
 * One past sale: who, which day, the documents it used, its lines with the price and rate it was
 * confirmed with, the PDF; the admin may annul it from here (with a reason).
 */
export function SaleDetailModal({ saleId, onClose }: { saleId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 36em)');
  const canAnnul = useCan('bakery.sales.annul');
  const [annulling, setAnnulling] = useState(false);
  const detail = useQuery({
    queryKey: ['bakery', 'sale', saleId],
    queryFn: ({ signal }) => api.get<{ sale: SaleView }>(`/bakery/sales/${saleId}`, { signal }),
  });
  const sale = detail.data?.sale;
  const used = sale?.documents;
  const usedCodes = used
    ? [
        used.previous_return ? `${t('ui.bakery.sales.previous_return')}: ${used.previous_return.code}` : null,
        used.pedido ? `${t('ui.bakery.sales.pedido')}: ${used.pedido.code}` : null,
        used.extras.length > 0
          ? `${t('ui.bakery.sales.extras')}: ${used.extras.map((d) => d.code).join(', ')}`
          : null,
        used.return ? `${t('ui.bakery.sales.day_return')}: ${used.return.code}` : null,
      ].filter(Boolean)
    : [];

  return (
    <>
      <Modal
        opened={!annulling}
        onClose={onClose}
        size="xl"
        fullScreen={narrow}
        title={
          sale
            ? t('ui.bakery.sales_history.detail_title', { seller: sale.seller_name, date: sale.date })
            : t('ui.common.loading')
        }
        data-testid="sale-detail"
      >
        {detail.error ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
        {!sale && !detail.error ? <PageLoader /> : null}
        {sale ? (
          <Stack gap="sm">
            <Group gap="xs" wrap="wrap">
              <Badge
                color={sale.status === 'confirmada' ? 'green' : 'gray'}
                data-testid="sale-detail-status"
                data-status={sale.status}
              >
                {t(`ui.bakery.status.${sale.status}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('ui.bakery.sales_history.created', { at: formatDateTime(sale.created_at) })}
              </Text>
            </Group>
            {sale.status === 'anulada' ? (
              <Alert color="gray" data-testid="sale-detail-annulled">
                {t('ui.bakery.sales_history.annulled', {
                  at: formatDateTime(sale.annulled_at),
                  reason: sale.annul_reason ?? '',
                })}
              </Alert>
            ) : null}
            <SimpleGrid cols={3} spacing="xs" data-testid="sale-detail-totals">
              {(['value', 'commission', 'payable'] as const).map((key) => (
                <Stack key={key} gap={0}>
                  <Text size="xs" c="dimmed">
                    {t(`ui.bakery.sales.col_${key}`)}
                  </Text>
                  <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
                    {money(sale[key])}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
            {usedCodes.length > 0 ? (
              <Text size="sm" data-testid="sale-detail-documents">
                {usedCodes.join(' · ')}
              </Text>
            ) : null}
            <SaleTable computation={sale} />
            <Group justify="space-between" wrap="wrap">
              <Anchor
                href={downloadUrl(`/bakery/sales/${sale.id}/pdf`)}
                download
                data-testid="sale-detail-pdf"
              >
                {t('ui.bakery.sales.download_pdf')}
              </Anchor>
              {canAnnul && sale.status === 'confirmada' ? (
                <Button
                  variant="light"
                  color="red"
                  size="xs"
                  onClick={() => setAnnulling(true)}
                  data-testid="sale-detail-annul"
                >
                  {t('ui.bakery.sales.annul')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        ) : null}
      </Modal>
      {sale && annulling ? (
        <AnnulSaleModal sale={sale} onDone={() => setAnnulling(false)} onCancel={() => setAnnulling(false)} />
      ) : null}
    </>
  );
}
