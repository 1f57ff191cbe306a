import type { AuthContext } from '../../platform/http/types.ts';

/** What the asker may see and do with bakery data; data scope is applied in the repositories. */
export interface Viewer {
  userId: string;
  /** The admin: writes documents for any seller, edits, reassigns and annuls them. */
  managesDocuments: boolean;
  /** Admin and semiadmin see every seller; a route seller only their own rows. */
  seesAllSellers: boolean;
}

export function viewerOf(auth: AuthContext | null): Viewer {
  if (!auth) throw new Error('viewerOf needs an authenticated request');
  const managesDocuments = auth.permissions.has('bakery.documents.manage');
  return {
    userId: auth.userId,
    managesDocuments,
    seesAllSellers: managesDocuments || auth.permissions.has('bakery.history.all'),
  };
}

/** The seller id every query must be limited to, or undefined when the viewer sees all. */
export function sellerScope(viewer: Viewer, requested?: string): string | undefined {
  return viewer.seesAllSellers ? requested : viewer.userId;
}
