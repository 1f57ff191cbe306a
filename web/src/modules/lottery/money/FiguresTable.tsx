import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A cuadre's figures in major units (opening_cash, sales, cancelled, commission, …, expected). */
export type Figures = Record<string, number>;

/** Money as the money screens show it: en-US grouping, two decimals, no symbol; '' for none. */
export const money = (n: number | null | undefined) =>
  n === null || n === undefined
    ? ''
    : // the cuadre negates its deductions: −0 would show as "-0.00"
      (n === 0 ? 0 : n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The cuadre lines (deductions negated) and the cash to hand over. */
export function FiguresTable({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const rows: [string, number][] = [
    ['opening_cash', figures.opening_cash],
    ['sales', figures.sales],
    ['cancelled', -figures.cancelled],
    ['commission', -figures.commission],
    ['prizes_paid', -figures.prizes_paid],
    ['cobros', -figures.cobros],
    ['pagos', figures.pagos],
  ];
  return (
    <Table fz="sm" w="100%" maw={360}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Td>{t(`ui.lottery.money.cuadre.${k}`)}</Table.Td>
            <Table.Td ta="right" data-testid={`cuadre-${k}`}>
              {money(v)}
            </Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr fw={700}>
          <Table.Td>{t('ui.lottery.money.cuadre.expected')}</Table.Td>
          <Table.Td ta="right" data-testid="cuadre-expected">
            {money(figures.expected)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
