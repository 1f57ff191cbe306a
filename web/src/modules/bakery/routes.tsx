import type { Permission } from '@matriz/shared/auth/permissions';
import { lazy, type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { Forbidden, navRoute } from '../../app/guards.tsx';
import { useCan } from '../../app/session.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';

const ComingSoon = lazy(() => import('../../ui/ComingSoonPage.tsx'));
const DocumentsPage = lazy(() => import('./documents/DocumentsPage.tsx'));
const SalesPage = lazy(() => import('./sales/SalesPage.tsx'));
const ProductsPage = lazy(() => import('./catalog/ProductsPage.tsx'));
const SellersPage = lazy(() => import('./catalog/SellersPage.tsx'));
const PanelPage = lazy(() => import('./panel/PanelPage.tsx'));
const CalendarPage = lazy(() => import('./calendar/CalendarPage.tsx'));
const ReportsPage = lazy(() => import('./reports/ReportsPage.tsx'));

/** Pages without a navigation item yet (sellers, calendar, reports) guard themselves by permission. */
function Guarded({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) {
  const allowed = useCan(...anyOf);
  if (!allowed) return <Forbidden />;
  return <Suspense fallback={<PageLoader />}>{children}</Suspense>;
}

/** Bakery screens, children of the authenticated layout. */
export const bakeryRoutes: RouteObject[] = [
  navRoute('bakery-documents', DocumentsPage),
  navRoute('bakery-sales', SalesPage),
  navRoute('bakery-products', ProductsPage),
  navRoute('bakery-panel', PanelPage),
  navRoute('bakery-baskets', ComingSoon),
  {
    path: 'bakery/sellers',
    element: (
      <Guarded anyOf={['bakery.sellers.manage']}>
        <SellersPage />
      </Guarded>
    ),
  },
  {
    path: 'bakery/calendar',
    element: (
      <Guarded anyOf={['bakery.calendar.manage']}>
        <CalendarPage />
      </Guarded>
    ),
  },
  {
    path: 'bakery/reports',
    element: (
      <Guarded anyOf={['bakery.reports.read']}>
        <ReportsPage />
      </Guarded>
    ),
  },
];
