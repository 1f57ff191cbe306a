import type { Permission } from '@matriz/shared/auth/permissions';
import { lazy, type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { Forbidden, navRoute } from '../../../app/guards.tsx';
import { useCan } from '../../../app/session.ts';
import { PageLoader } from '../../../ui/PageLoader.tsx';

const ScanPage = lazy(() => import('./ScanPage.tsx'));
const ReportPage = lazy(() => import('./ReportPage.tsx'));
const SettingsPage = lazy(() => import('./SettingsPage.tsx'));

/** The report and settings pages have no navigation item of their own: they guard themselves. */
function Guarded({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) {
  const allowed = useCan(...anyOf);
  if (!allowed) return <Forbidden />;
  return <Suspense fallback={<PageLoader />}>{children}</Suspense>;
}

/** Canastas: the scan screen (navigation item `bakery-baskets`), its reports and its settings. */
export const basketRoutes: RouteObject[] = [
  navRoute('bakery-baskets', ScanPage),
  {
    path: 'bakery/baskets/report',
    element: (
      <Guarded anyOf={['bakery.baskets.scan', 'bakery.baskets.manage', 'bakery.reports.read']}>
        <ReportPage />
      </Guarded>
    ),
  },
  {
    path: 'bakery/baskets/settings',
    element: (
      <Guarded anyOf={['bakery.baskets.manage']}>
        <SettingsPage />
      </Guarded>
    ),
  },
];
