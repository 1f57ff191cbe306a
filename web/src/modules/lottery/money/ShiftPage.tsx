import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { ShiftPanel } from './ShiftPanel.tsx';

/** "Mi turno": the seller opens and closes their own shift and prints its cuadre (phone first). */
export default function ShiftPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle title={t('ui.lottery.money.shift_title')} subtitle={t('ui.lottery.money.shift_subtitle')} />
      <ShiftPanel />
    </Stack>
  );
}
