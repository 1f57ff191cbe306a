import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSellers } from './bakery.api.ts';

/** A history's seller filter: empty means every seller. */
export function SellerFilter({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (sellerId: string | null) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const sellers = useSellers();
  return (
    <Select
      label={t('ui.bakery.common.seller')}
      placeholder={t('ui.bakery.documents.all_sellers')}
      data={(sellers.data ?? []).map((s) => ({ value: s.id, label: s.full_name }))}
      value={value || null}
      onChange={onChange}
      clearable
      searchable
      data-testid={testId}
    />
  );
}

/** A history's date range (ISO dates; either may be empty). */
export function DateRangeFilter({
  from,
  to,
  onChange,
  testIdPrefix,
}: {
  from: string;
  to: string;
  onChange: (change: { from?: string; to?: string }) => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        type="date"
        label={t('ui.bakery.panel.from')}
        value={from}
        onChange={(e) => onChange({ from: e.currentTarget.value })}
        data-testid={`${testIdPrefix}-from`}
      />
      <TextInput
        type="date"
        label={t('ui.bakery.panel.to')}
        value={to}
        onChange={(e) => onChange({ to: e.currentTarget.value })}
        data-testid={`${testIdPrefix}-to`}
      />
    </>
  );
}
