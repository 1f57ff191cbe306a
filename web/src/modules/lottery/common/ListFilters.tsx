import { Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ListFiltersProps {
  q: string;
  active: string;
  onChange: (patch: { q?: string; active?: string }) => void;
  /** More filters after search and status. */
  children?: ReactNode;
  testId: string;
}

/** Search box (debounced) and active/inactive select, the filters every catalog list has. */
export function ListFilters({ q, active, onChange, children, testId }: ListFiltersProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text, 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: push the typed search only when it settles
  useEffect(() => {
    if (debounced.trim() !== q) onChange({ q: debounced.trim() });
  }, [debounced]);
  return (
    <Paper withBorder p="xs" mb="sm">
      <SimpleGrid cols={{ base: 1, xs: 3, md: 4 }} spacing="xs">
        <TextInput
          size="sm"
          type="search"
          placeholder={t('ui.lottery.common.search')}
          aria-label={t('ui.lottery.common.search')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid={`${testId}-filter-q`}
        />
        <Select
          size="sm"
          aria-label={t('ui.lottery.common.status')}
          data={[
            { value: '', label: t('ui.lottery.common.all_statuses') },
            { value: 'true', label: t('ui.lottery.common.only_active') },
            { value: 'false', label: t('ui.lottery.common.only_inactive') },
          ]}
          value={active}
          onChange={(value) => onChange({ active: value ?? '' })}
          allowDeselect={false}
          data-testid={`${testId}-filter-active`}
        />
        {children}
      </SimpleGrid>
    </Paper>
  );
}
