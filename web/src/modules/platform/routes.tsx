import type { Permission } from '@matriz/shared/auth/permissions';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { Forbidden, navRoute } from '../../app/guards.tsx';
import { useCan } from '../../app/session.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';

const HomePage = lazy(() => import('./home/HomePage.tsx'));
const UsersPage = lazy(() => import('./users/UsersPage.tsx'));
const AuditPage = lazy(() => import('./audit/AuditPage.tsx'));
const JobsPage = lazy(() => import('./jobs/JobsPage.tsx'));
const OutboxPage = lazy(() => import('./outbox/OutboxPage.tsx'));
const NotificationsPage = lazy(() => import('./notifications/NotificationsPage.tsx'));

function RequirePermission({ permission, children }: { permission: Permission | null; children: ReactNode }) {
  const allowed = useCan(...(permission ? [permission] : []));
  if (permission && !allowed) return <Forbidden />;
  return <>{children}</>;
}

/** A page outside the navigation list (until it gets a NAV_ITEMS entry), guarded by one permission. */
function pageRoute(path: string, permission: Permission | null, Page: ComponentType): RouteObject {
  return {
    path,
    element: (
      <RequirePermission permission={permission}>
        <Suspense fallback={<PageLoader />}>
          <Page />
        </Suspense>
      </RequirePermission>
    ),
  };
}

export const platformRoutes: RouteObject[] = [
  navRoute('home', HomePage),
  navRoute('admin-users', UsersPage),
  navRoute('admin-audit', AuditPage),
  navRoute('admin-jobs', JobsPage),
  navRoute('admin-outbox', OutboxPage),
  pageRoute('notifications', null, NotificationsPage),
];
