import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" aria-busy="true" aria-label={t('ui.common.loading')}>
      <Loader size="sm" />
    </Center>
  );
}
