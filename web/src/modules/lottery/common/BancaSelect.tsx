import { NativeSelect } from '@mantine/core';
import type { BancaView } from '@matriz/shared/api/lottery-catalog';
import { useTranslation } from 'react-i18next';

/** The banca a seller of several bancas works at now: nothing is picked until they pick one. */
export function BancaSelect({
  bancas,
  value,
  onChange,
  testId,
  size,
}: {
  bancas: readonly BancaView[];
  value: string | null;
  onChange(bancaId: string | null): void;
  testId: string;
  size?: 'sm' | 'md';
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      size={size}
      label={t('ui.lottery.pos.banca')}
      data={[
        { value: '', label: '—' },
        ...bancas.map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` })),
      ]}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value || null)}
      data-testid={testId}
      required
    />
  );
}
