import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { navRoute } from '../../app/guards.tsx';

const ComingSoon = lazy(() => import('../../ui/ComingSoonPage.tsx'));
const DrawsPage = lazy(() => import('./draws/DrawsPage.tsx'));
const NetworkPage = lazy(() => import('./network/NetworkPage.tsx'));
const CatalogPage = lazy(() => import('./catalog/CatalogPage.tsx'));
const SettingsPage = lazy(() => import('./settings/SettingsPage.tsx'));

/** Lottery screens, children of the authenticated layout. Replace a placeholder with `lazy(() => import('./sell/SellPage.tsx'))`. */
export const lotteryRoutes: RouteObject[] = [
  navRoute('lottery-sell', ComingSoon),
  navRoute('lottery-tickets', ComingSoon),
  navRoute('lottery-draws', DrawsPage),
  navRoute('lottery-network', NetworkPage),
  navRoute('lottery-risk', ComingSoon),
  navRoute('lottery-money', ComingSoon),
  navRoute('lottery-catalog', CatalogPage),
  navRoute('lottery-settings', SettingsPage),
];
