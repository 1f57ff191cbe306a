/**
 * The permission catalogue and the roles that bundle it. Shared so that the server enforces
 * and the web app shows exactly the same rights.
 */
export const MODULES = ['lottery', 'bakery'] as const;
export type ModuleName = (typeof MODULES)[number];

export const PERMISSIONS = {
  'platform.users.read': 'platform',
  'platform.users.manage': 'platform',
  'platform.audit.read': 'platform',
  'platform.settings.manage': 'platform',
  'platform.tokens.manage': 'platform',
  'platform.jobs.manage': 'platform',
  'lottery.catalog.read': 'lottery',
  'lottery.catalog.manage': 'lottery',
  'lottery.network.manage': 'lottery',
  'lottery.ticket.sell': 'lottery',
  'lottery.ticket.read': 'lottery',
  'lottery.ticket.read.all': 'lottery',
  'lottery.ticket.cancel': 'lottery',
  'lottery.ticket.cancel.late': 'lottery',
  'lottery.ticket.pay': 'lottery',
  'lottery.results.publish': 'lottery',
  'lottery.results.correct': 'lottery',
  'lottery.limits.manage': 'lottery',
  'lottery.risk.read': 'lottery',
  'lottery.money.read': 'lottery',
  'lottery.money.collect': 'lottery',
  'lottery.money.manage': 'lottery',
  'lottery.reports.read': 'lottery',
  'bakery.catalog.read': 'bakery',
  'bakery.catalog.manage': 'bakery',
  'bakery.sellers.manage': 'bakery',
  'bakery.documents.own': 'bakery',
  'bakery.documents.manage': 'bakery',
  'bakery.sales.generate': 'bakery',
  'bakery.sales.annul': 'bakery',
  'bakery.history.all': 'bakery',
  'bakery.panel.summary': 'bakery',
  'bakery.panel.own': 'bakery',
  'bakery.reports.read': 'bakery',
  'bakery.calendar.manage': 'bakery',
  'bakery.baskets.scan': 'bakery',
  'bakery.baskets.manage': 'bakery',
} as const satisfies Record<string, ModuleName | 'platform'>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

const lotteryRead: Permission[] = ['lottery.catalog.read', 'lottery.ticket.read'];

export const ROLES = {
  superadmin: ALL_PERMISSIONS,
  admin: ALL_PERMISSIONS.filter(
    (p) =>
      p !== 'lottery.ticket.cancel.late' && p !== 'lottery.results.correct' && p !== 'platform.jobs.manage',
  ),
  supervisor: [
    ...lotteryRead,
    'lottery.ticket.read.all',
    'lottery.ticket.cancel',
    'lottery.risk.read',
    'lottery.limits.manage',
    'lottery.money.read',
    'lottery.reports.read',
  ],
  cobrador: [...lotteryRead, 'lottery.ticket.read.all', 'lottery.money.read', 'lottery.money.collect'],
  vendedor: [...lotteryRead, 'lottery.ticket.sell', 'lottery.ticket.cancel', 'lottery.ticket.pay'],
  bakery_admin: ALL_PERMISSIONS.filter((p) => PERMISSIONS[p] === 'bakery'),
  semiadmin: [
    'bakery.catalog.read',
    'bakery.sales.generate',
    'bakery.history.all',
    'bakery.panel.summary',
    'bakery.reports.read',
    'bakery.baskets.scan',
  ],
  route_seller: ['bakery.catalog.read', 'bakery.documents.own', 'bakery.panel.own'],
} as const satisfies Record<string, readonly Permission[]>;

export type RoleName = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

export function permissionsOf(roles: readonly string[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) {
    for (const permission of ROLES[role as RoleName] ?? []) granted.add(permission);
  }
  return ALL_PERMISSIONS.filter((p) => granted.has(p));
}

export function isRoleName(value: string): value is RoleName {
  return value in ROLES;
}
