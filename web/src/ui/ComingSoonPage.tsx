import { useTranslation } from 'react-i18next';
import type { PageProps } from '../app/guards.tsx';
import { navItem } from '../app/navigation.ts';
import { EmptyPage } from './EmptyPage.tsx';
import { PageTitle } from './PageTitle.tsx';

/** Placeholder for a module screen that a later issue builds. */
export default function ComingSoonPage({ navKey }: PageProps) {
  const { t } = useTranslation();
  const item = navItem(navKey);
  return (
    <>
      <PageTitle title={t(item.label)} />
      <EmptyPage
        icon={item.icon}
        title={t('ui.coming_soon.title')}
        description={t('ui.coming_soon.description')}
        data-testid="coming-soon"
      />
    </>
  );
}
