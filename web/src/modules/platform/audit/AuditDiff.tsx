import { Code, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function pretty(value: unknown): string {
  return value === undefined || value === null ? '—' : JSON.stringify(value, null, 2);
}

export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Field-by-field comparison of two audit snapshots (top level; nested values compared as JSON). */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.map((key) => ({
    key,
    before: b[key],
    after: a[key],
    changed: JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }));
}

/** Before/after view of one audit entry: changed fields first and highlighted, then the raw JSON. */
export function AuditDiff({
  before,
  after,
  entityId,
}: {
  before: unknown;
  after: unknown;
  entityId?: string | null;
}) {
  const { t } = useTranslation();
  const rows = diffRows(before, after).sort((x, y) => Number(y.changed) - Number(x.changed));
  return (
    <Stack gap="xs" data-testid="audit-diff">
      {entityId ? (
        <Text size="xs" c="dimmed">
          ID: <Code fz="xs">{entityId}</Code>
        </Text>
      ) : null}
      {rows.length > 0 ? (
        <Table
          withTableBorder
          withColumnBorders
          fz="xs"
          verticalSpacing={2}
          horizontalSpacing={6}
          layout="fixed"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="20%">{t('ui.audit.field')}</Table.Th>
              <Table.Th>{t('ui.audit.before')}</Table.Th>
              <Table.Th>{t('ui.audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={row.key}
                bg={row.changed ? 'var(--mantine-color-yellow-light)' : undefined}
                data-changed={row.changed || undefined}
              >
                <Table.Td ff="monospace" fw={row.changed ? 700 : undefined}>
                  {row.key}
                </Table.Td>
                <Table.Td
                  ff="monospace"
                  style={{ wordBreak: 'break-all' }}
                  td={row.changed ? 'line-through' : undefined}
                >
                  {show(row.before)}
                </Table.Td>
                <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {show(row.after)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="xs" c="dimmed">
          {t('ui.audit.no_fields')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <div>
          <Text size="xs" fw={700} mb={2}>
            {t('ui.audit.before')}
          </Text>
          <Code block fz="xs" mah={260} style={{ overflow: 'auto' }}>
            {pretty(before)}
          </Code>
        </div>
        <div>
          <Text size="xs" fw={700} mb={2}>
            {t('ui.audit.after')}
          </Text>
          <Code block fz="xs" mah={260} style={{ overflow: 'auto' }}>
            {pretty(after)}
          </Code>
        </div>
      </SimpleGrid>
    </Stack>
  );
}
