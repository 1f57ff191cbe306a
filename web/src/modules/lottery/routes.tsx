import type { Permission } from '@matriz/shared/auth/permissions';
import { lazy, type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { Forbidden, navRoute } from '../../app/guards.tsx';
import { useCan } from '../../app/session.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';

const ComingSoon = lazy(() => import('../../ui/ComingSoonPage.tsx'));
const DrawsPage = lazy(() => import('./draws/DrawsPage.tsx'));
const NetworkPage = lazy(() => import('./network/NetworkPage.tsx'));
const CatalogPage = lazy(() => import('./catalog/CatalogPage.tsx'));
const SettingsPage = lazy(() => import('./settings/SettingsPage.tsx'));

/** Pages without a navigation item (catalog, settings) guard themselves by permission. */
function Guarded({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) {
  const allowed = useCan(...anyOf);
  if (!allowed) return <Forbidden />;
  return <Suspense fallback={<PageLoader />}>{children}</Suspense>;
}

/** Lottery screens, children of the authenticated layout. Replace a placeholder with `lazy(() => import('./sell/SellPage.tsx'))`. */
export const lotteryRoutes: RouteObject[] = [
  navRoute('lottery-sell', ComingSoon),
  navRoute('lottery-tickets', ComingSoon),
  navRoute('lottery-draws', DrawsPage),
  navRoute('lottery-network', NetworkPage),
  navRoute('lottery-risk', ComingSoon),
  navRoute('lottery-money', ComingSoon),
  {
    path: 'lottery/catalog',
    element: (
      <Guarded anyOf={['lottery.catalog.read']}>
        <CatalogPage />
      </Guarded>
    ),
  },
  {
    path: 'lottery/settings',
    element: (
      <Guarded anyOf={['lottery.network.manage', 'platform.settings.manage']}>
        <SettingsPage />
      </Guarded>
    ),
  },
];
