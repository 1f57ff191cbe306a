import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { navRoute } from '../../app/guards.tsx';
import { basketRoutes } from './baskets/routes.tsx';

const DocumentsPage = lazy(() => import('./documents/DocumentsPage.tsx'));
const SalesPage = lazy(() => import('./sales/SalesPage.tsx'));
const SalesHistoryPage = lazy(() => import('./sales/SalesHistoryPage.tsx'));
const ProductsPage = lazy(() => import('./catalog/ProductsPage.tsx'));
const SellersPage = lazy(() => import('./catalog/SellersPage.tsx'));
const PanelPage = lazy(() => import('./panel/PanelPage.tsx'));
const CalendarPage = lazy(() => import('./calendar/CalendarPage.tsx'));
const ReportsPage = lazy(() => import('./reports/ReportsPage.tsx'));

/** Bakery screens, children of the authenticated layout. */
export const bakeryRoutes: RouteObject[] = [
  navRoute('bakery-documents', DocumentsPage),
  navRoute('bakery-sales', SalesPage),
  navRoute('bakery-sales-history', SalesHistoryPage),
  navRoute('bakery-products', ProductsPage),
  navRoute('bakery-panel', PanelPage),
  ...basketRoutes,
  navRoute('bakery-sellers', SellersPage),
  navRoute('bakery-calendar', CalendarPage),
  navRoute('bakery-reports', ReportsPage),
];
