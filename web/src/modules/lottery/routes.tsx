import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { navRoute } from '../../app/guards.tsx';

const DrawsPage = lazy(() => import('./draws/DrawsPage.tsx'));
const NetworkPage = lazy(() => import('./network/NetworkPage.tsx'));
const CatalogPage = lazy(() => import('./catalog/CatalogPage.tsx'));
const SettingsPage = lazy(() => import('./settings/SettingsPage.tsx'));
const ResultsPage = lazy(() => import('./results/ResultsPage.tsx'));
const PayPage = lazy(() => import('./pay/PayPage.tsx'));
const SellPage = lazy(() => import('./sell/SellPage.tsx'));
const TicketsPage = lazy(() => import('./tickets/TicketsPage.tsx'));
const TicketDetailPage = lazy(() => import('./tickets/TicketDetailPage.tsx'));
const InvoicesPage = lazy(() => import('./tickets/InvoicesPage.tsx'));
const PrintPage = lazy(() => import('./print/PrintPage.tsx'));
const RiskPage = lazy(() => import('./risk/RiskPage.tsx'));
const LimitsPage = lazy(() => import('./limits/LimitsPage.tsx'));
const DashboardPage = lazy(() => import('./dashboard/DashboardPage.tsx'));
const MoneyPage = lazy(() => import('./money/MoneyPage.tsx'));
const ShiftPage = lazy(() => import('./money/ShiftPage.tsx'));
const ReportsPage = lazy(() => import('./reports/ReportsPage.tsx'));

/** Lottery screens, children of the authenticated layout. Replace a placeholder with `lazy(() => import('./sell/SellPage.tsx'))`. */
export const lotteryRoutes: RouteObject[] = [
  navRoute('lottery-sell', SellPage),
  navRoute('lottery-tickets', TicketsPage),
  { ...navRoute('lottery-tickets', TicketDetailPage), path: 'lottery/tickets/:code' },
  { ...navRoute('lottery-tickets', PrintPage), path: 'lottery/tickets/:code/print' },
  navRoute('lottery-invoices', InvoicesPage),
  navRoute('lottery-draws', DrawsPage),
  navRoute('lottery-results', ResultsPage),
  navRoute('lottery-pay', PayPage),
  navRoute('lottery-network', NetworkPage),
  navRoute('lottery-risk', RiskPage),
  navRoute('lottery-limits', LimitsPage),
  navRoute('lottery-dashboard', DashboardPage),
  navRoute('lottery-money', MoneyPage),
  navRoute('lottery-shift', ShiftPage),
  navRoute('lottery-reports', ReportsPage),
  navRoute('lottery-catalog', CatalogPage),
  navRoute('lottery-settings', SettingsPage),
];
