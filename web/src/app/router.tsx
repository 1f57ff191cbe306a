import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useRoutes } from 'react-router';
import { bakeryRoutes } from '../modules/bakery/routes.tsx';
import { lotteryRoutes } from '../modules/lottery/routes.tsx';
import { platformRoutes } from '../modules/platform/routes.tsx';
import { EmptyPage } from '../ui/EmptyPage.tsx';
import { PageLoader } from '../ui/PageLoader.tsx';
import { RequireAuth } from './guards.tsx';
import { setNavigator } from './session.ts';

const Layout = lazy(() => import('./Layout.tsx'));
const LoginPage = lazy(() => import('../modules/platform/login/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('../modules/platform/account/ChangePasswordPage.tsx'));

function NotFound() {
  const { t } = useTranslation();
  return (
    <EmptyPage icon="?" title={t('ui.not_found.title')} description={t('ui.not_found.description')}>
      <Link to="/">{t('ui.not_found.home')}</Link>
    </EmptyPage>
  );
}

const routes = [
  {
    path: '/login',
    element: (
      <Suspense fallback={<PageLoader />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Suspense fallback={<PageLoader />}>
          <Layout />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      ...platformRoutes,
      { path: 'account/password', element: <ChangePasswordPage /> },
      ...lotteryRoutes,
      ...bakeryRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
];

/**
 * All routes. Declarative routing (BrowserRouter + useRoutes) rather than the data router keeps ~17 kB
 * gzipped out of the first load; pages are React.lazy chunks.
 */
export function AppRoutes() {
  const navigate = useNavigate();
  useEffect(() => setNavigator((to) => navigate(to, { replace: true })), [navigate]);
  return useRoutes(routes);
}
