import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCan } from '../../../app/session.ts';

/** Scan · Reports · Settings, each shown to whoever may use it. */
export function BasketsTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const scans = useCan('bakery.baskets.scan');
  const reads = useCan('bakery.baskets.scan', 'bakery.baskets.manage', 'bakery.reports.read');
  const manages = useCan('bakery.baskets.manage');
  const tabs = [
    { path: '/bakery/baskets', label: t('ui.bakery.baskets.tabs.scan'), show: scans, id: 'scan' },
    { path: '/bakery/baskets/report', label: t('ui.bakery.baskets.tabs.report'), show: reads, id: 'report' },
    {
      path: '/bakery/baskets/settings',
      label: t('ui.bakery.baskets.tabs.settings'),
      show: manages,
      id: 'settings',
    },
  ].filter((tab) => tab.show);
  return (
    <Group gap="xs" mb="sm">
      {tabs.map((tab) => (
        <Button
          key={tab.path}
          component={Link}
          to={tab.path}
          size="xs"
          variant={pathname === tab.path ? 'filled' : 'light'}
          data-testid={`baskets-tab-${tab.id}`}
        >
          {tab.label}
        </Button>
      ))}
    </Group>
  );
}
