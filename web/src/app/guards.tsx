import { Center } from '@mantine/core';
import { type ComponentType, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, type RouteObject } from 'react-router';
import { EmptyPage } from '../ui/EmptyPage.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { PageLoader } from '../ui/PageLoader.tsx';
import { isNavItemAllowed, navItem } from './navigation.ts';
import { useSessionQuery } from './session.ts';

/** Renders its children only with a session; otherwise goes to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data, error, isPending, refetch } = useSessionQuery();
  if (isPending) return <PageLoader />;
  if (error) {
    return (
      <Center p="md" mih="60vh">
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      </Center>
    );
  }
  if (!data) return <Navigate to="/login" replace />;
  return <>{children}</>;
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <EmptyPage
      icon="⊘"
      title={t('ui.forbidden.title')}
      description={t('ui.forbidden.description')}
      data-testid="forbidden"
    />
  );
}

/** Guards a page with the permission and module of its navigation item. */
export function RequireNav({ navKey, children }: { navKey: string; children: ReactNode }) {
  const { data } = useSessionQuery();
  const item = navItem(navKey);
  if (!data || !isNavItemAllowed(item, data.user.permissions, data.modules)) return <Forbidden />;
  return <>{children}</>;
}

/** Props every routed page receives: the key of its navigation item. */
export interface PageProps {
  navKey: string;
}

/** A child route of the authenticated layout for the navigation item `navKey`, guarded and lazy. */
export function navRoute(navKey: string, Page: ComponentType<PageProps>): RouteObject {
  const item = navItem(navKey);
  return {
    path: item.path === '/' ? undefined : item.path.replace(/^\//, ''),
    index: item.path === '/' ? true : undefined,
    element: (
      <RequireNav navKey={navKey}>
        <Suspense fallback={<PageLoader />}>
          <Page navKey={navKey} />
        </Suspense>
      </RequireNav>
    ),
  } as RouteObject;
}
