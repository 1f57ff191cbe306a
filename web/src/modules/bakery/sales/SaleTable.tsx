import { Card, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { money, type SaleComputationView } from '../bakery.api.ts';

/** The lines of a sale (or its preview) with the totals per category and overall. */
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
