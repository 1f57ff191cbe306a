import type { ModuleName, Permission } from '@matriz/shared/auth/permissions';

export type NavModule = 'platform' | ModuleName;

/** One entry of the side navigation; it shows when the module is enabled and the user holds ANY of `permission`. */
export interface NavItem {
  /** Stable id; the link carries `data-testid="nav-<key>"`. */
  key: string;
  path: string;
  /** i18n key of the label. */
  label: string;
  /** A short glyph shown before the label: plain Unicode that common phone/desktop fonts carry (no emoji, no icon library). */
  icon: string;
  /** Required permission; an array means any of them. `null`: every logged-in user. */
  permission: Permission | Permission[] | null;
  module: NavModule;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', label: 'ui.nav.home', icon: '⌂', permission: null, module: 'platform' },
  {
    key: 'admin-users',
    path: '/admin/users',
    label: 'ui.nav.users',
    icon: '☺',
    permission: 'platform.users.read',
    module: 'platform',
  },
  {
    key: 'admin-audit',
    path: '/admin/audit',
    label: 'ui.nav.audit',
    icon: '☰',
    permission: 'platform.audit.read',
    module: 'platform',
  },
  {
    key: 'admin-jobs',
    path: '/admin/jobs',
    label: 'ui.nav.jobs',
    icon: '⏱',
    permission: 'platform.jobs.manage',
    module: 'platform',
  },
  {
    key: 'admin-outbox',
    path: '/admin/outbox',
    label: 'ui.nav.outbox',
    icon: '✉',
    permission: 'platform.jobs.manage',
    module: 'platform',
  },
  {
    key: 'lottery-sell',
    path: '/lottery/sell',
    label: 'ui.nav.lottery_sell',
    icon: '✎',
    permission: 'lottery.ticket.sell',
    module: 'lottery',
  },
  {
    key: 'lottery-tickets',
    path: '/lottery/tickets',
    label: 'ui.nav.lottery_tickets',
    icon: '▤',
    permission: 'lottery.ticket.read',
    module: 'lottery',
  },
  {
    key: 'lottery-invoices',
    path: '/lottery/invoices',
    label: 'ui.nav.lottery_invoices',
    icon: '▥',
    permission: 'lottery.ticket.read.all',
    module: 'lottery',
  },
  {
    key: 'lottery-pay',
    path: '/lottery/pay',
    label: 'ui.nav.lottery_pay',
    icon: '$',
    permission: 'lottery.ticket.pay',
    module: 'lottery',
  },
  {
    key: 'lottery-results',
    path: '/lottery/results',
    label: 'ui.nav.lottery_results',
    icon: '#',
    permission: 'lottery.results.publish',
    module: 'lottery',
  },
  {
    key: 'lottery-draws',
    path: '/lottery/draws',
    label: 'ui.nav.lottery_draws',
    icon: '◉',
    permission: 'lottery.catalog.read',
    module: 'lottery',
  },
  {
    key: 'lottery-network',
    path: '/lottery/network',
    label: 'ui.nav.lottery_network',
    icon: '❖',
    permission: 'lottery.network.manage',
    module: 'lottery',
  },
  {
    key: 'lottery-catalog',
    path: '/lottery/catalog',
    label: 'ui.nav.lottery_catalog',
    icon: '≡',
    permission: 'lottery.catalog.read',
    module: 'lottery',
  },
  {
    key: 'lottery-settings',
    path: '/lottery/settings',
    label: 'ui.nav.lottery_settings',
    icon: '⚙',
    permission: ['lottery.network.manage', 'platform.settings.manage'],
    module: 'lottery',
  },
  {
    key: 'lottery-dashboard',
    path: '/lottery/dashboard',
    label: 'ui.nav.lottery_dashboard',
    icon: '◫',
    permission: ['lottery.risk.read', 'lottery.ticket.sell'],
    module: 'lottery',
  },
  {
    key: 'lottery-risk',
    path: '/lottery/risk',
    label: 'ui.nav.lottery_risk',
    icon: '⚠',
    permission: 'lottery.risk.read',
    module: 'lottery',
  },
  {
    key: 'lottery-limits',
    path: '/lottery/limits',
    label: 'ui.nav.lottery_limits',
    icon: '▲',
    permission: 'lottery.limits.manage',
    module: 'lottery',
  },
  {
    key: 'lottery-money',
    path: '/lottery/money',
    label: 'ui.nav.lottery_money',
    icon: '$',
    permission: 'lottery.money.read',
    module: 'lottery',
  },
  {
    key: 'lottery-shift',
    path: '/lottery/shift',
    label: 'ui.nav.lottery_shift',
    icon: '◷',
    permission: 'lottery.ticket.sell',
    module: 'lottery',
  },
  {
    key: 'lottery-reports',
    path: '/lottery/reports',
    label: 'ui.nav.lottery_reports',
    icon: '▤',
    permission: 'lottery.reports.read',
    module: 'lottery',
  },
  {
    key: 'bakery-documents',
    path: '/bakery/documents',
    label: 'ui.nav.bakery_documents',
    icon: '☷',
    permission: ['bakery.documents.own', 'bakery.documents.manage', 'bakery.history.all'],
    module: 'bakery',
  },
  {
    key: 'bakery-sales',
    path: '/bakery/sales',
    label: 'ui.nav.bakery_sales',
    icon: '∑',
    permission: 'bakery.sales.generate',
    module: 'bakery',
  },
  {
    key: 'bakery-sales-history',
    path: '/bakery/sales-history',
    label: 'ui.nav.bakery_sales_history',
    icon: '≣',
    permission: ['bakery.history.all', 'bakery.sales.generate', 'bakery.panel.own'],
    module: 'bakery',
  },
  {
    key: 'bakery-products',
    path: '/bakery/products',
    label: 'ui.nav.bakery_products',
    icon: '◆',
    permission: 'bakery.catalog.manage',
    module: 'bakery',
  },
  {
    key: 'bakery-panel',
    path: '/bakery/panel',
    label: 'ui.nav.bakery_panel',
    icon: '▦',
    permission: ['bakery.panel.summary', 'bakery.panel.own'],
    module: 'bakery',
  },
  {
    key: 'bakery-baskets',
    path: '/bakery/baskets',
    label: 'ui.nav.bakery_baskets',
    icon: '▣',
    permission: 'bakery.baskets.scan',
    module: 'bakery',
  },
  {
    key: 'bakery-sellers',
    path: '/bakery/sellers',
    label: 'ui.nav.bakery_sellers',
    icon: '☻',
    permission: 'bakery.sellers.manage',
    module: 'bakery',
  },
  {
    key: 'bakery-calendar',
    path: '/bakery/calendar',
    label: 'ui.nav.bakery_calendar',
    icon: '▥',
    permission: 'bakery.calendar.manage',
    module: 'bakery',
  },
  {
    key: 'bakery-reports',
    path: '/bakery/reports',
    label: 'ui.nav.bakery_reports',
    icon: '▧',
    permission: ['bakery.reports.read', 'bakery.panel.own'],
    module: 'bakery',
  },
];

/** Section order and headings of the navigation. */
export const NAV_SECTIONS: readonly { module: NavModule; label: string }[] = [
  { module: 'platform', label: 'ui.nav.section_platform' },
  { module: 'lottery', label: 'ui.nav.section_lottery' },
  { module: 'bakery', label: 'ui.nav.section_bakery' },
];

export function requiredPermissions(item: Pick<NavItem, 'permission'>): Permission[] {
  if (item.permission === null) return [];
  return Array.isArray(item.permission) ? item.permission : [item.permission];
}

/** Whether a user with these permissions, on a deployment with these modules, gets the item. */
export function isNavItemAllowed(
  item: Pick<NavItem, 'permission' | 'module'>,
  permissions: readonly string[],
  modules: readonly string[],
): boolean {
  if (item.module !== 'platform' && !modules.includes(item.module)) return false;
  const needed = requiredPermissions(item);
  return needed.length === 0 || needed.some((p) => permissions.includes(p));
}

export function visibleNavItems(permissions: readonly string[], modules: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => isNavItemAllowed(item, permissions, modules));
}

export function navItem(key: string): NavItem {
  const item = NAV_ITEMS.find((i) => i.key === key);
  if (!item) throw new Error(`unknown nav item ${key}`);
  return item;
}
