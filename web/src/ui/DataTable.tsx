import { ActionIcon, Box, Group, LoadingOverlay, Pagination, Select, Table, Text } from '@mantine/core';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  align?: 'left' | 'center' | 'right';
  width?: number | string;
  /** Keep the cell on one line (dates, codes, action buttons). */
  nowrap?: boolean;
}

export interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** Text of the empty state. */
  emptyText?: string;
  /** Server-side pagination; omit `total` for an unpaginated table. */
  page?: number;
  pageSize?: number;
  total?: number;
  onPageChange?: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  pageSizes?: number[];
  /** Makes rows expandable; the returned node spans the full width under the row. */
  renderExpanded?: (row: T) => ReactNode;
  /** Below this width the table scrolls sideways instead of squeezing (phones). */
  minWidth?: number;
  'data-testid'?: string;
}

/** A dense table for admin screens, with an empty state, loading overlay and pagination controls. */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  loading,
  error,
  onRetry,
  emptyText,
  page = 1,
  pageSize = 50,
  total,
  onPageChange,
  onPageSizeChange,
  pageSizes = [25, 50, 100],
  renderExpanded,
  minWidth = 640,
  'data-testid': testId,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const span = columns.length + (renderExpanded ? 1 : 0);
  const pages = total !== undefined ? Math.max(1, Math.ceil(total / pageSize)) : 1;

  return (
    <Box data-testid={testId}>
      {error ? (
        <Box mb="sm">
          <ErrorAlert error={error} onRetry={onRetry} />
        </Box>
      ) : null}
      <Box pos="relative">
        <LoadingOverlay visible={!!loading && !!rows} zIndex={5} overlayProps={{ blur: 1 }} />
        <Table.ScrollContainer minWidth={minWidth} type="native">
          <Table striped highlightOnHover withTableBorder verticalSpacing={4} horizontalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                {renderExpanded ? <Table.Th w={32} aria-label={t('ui.table.expand')} /> : null}
                {columns.map((column) => (
                  <Table.Th
                    key={column.key}
                    ta={column.align}
                    w={column.width}
                    style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}
                  >
                    {column.header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows?.map((row) => {
                const key = rowKey(row);
                const open = expanded.has(key);
                return (
                  <Fragment key={key}>
                    <Table.Tr data-testid="table-row">
                      {renderExpanded ? (
                        <Table.Td>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            onClick={() => toggle(key)}
                            aria-expanded={open}
                            aria-label={open ? t('ui.table.collapse') : t('ui.table.expand')}
                          >
                            {open ? '▾' : '▸'}
                          </ActionIcon>
                        </Table.Td>
                      ) : null}
                      {columns.map((column) => (
                        <Table.Td
                          key={column.key}
                          ta={column.align}
                          style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}
                        >
                          {column.render(row)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                    {renderExpanded && open ? (
                      <Table.Tr>
                        <Table.Td colSpan={span} p="xs">
                          {renderExpanded(row)}
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                );
              })}
              {!rows || rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={span}>
                    <Text c="dimmed" ta="center" py="lg" size="sm" data-testid="table-empty">
                      {!rows && (loading || !error)
                        ? t('ui.common.loading')
                        : (emptyText ?? t('ui.table.empty'))}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      {total !== undefined ? (
        <Group justify="space-between" mt="xs" gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed" data-testid="table-total">
            {t('ui.table.total', { count: total })}
          </Text>
          <Group gap="xs" wrap="wrap">
            {onPageSizeChange ? (
              <Select
                size="xs"
                w={110}
                aria-label={t('ui.table.page_size')}
                data={pageSizes.map((size) => ({
                  value: String(size),
                  label: t('ui.table.per_page', { size }),
                }))}
                value={String(pageSize)}
                onChange={(value) => value && onPageSizeChange(Number(value))}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
            ) : null}
            <Pagination
              size="sm"
              total={pages}
              value={Math.min(page, pages)}
              onChange={(value) => onPageChange?.(value)}
              siblings={1}
              boundaries={1}
              disabled={!onPageChange}
            />
          </Group>
        </Group>
      ) : null}
    </Box>
  );
}
