import type { Actor } from '../../platform/audit/audit.ts';
import type { Platform } from '../../platform/platform.ts';
import { type LayoffRequest, recordLayoff } from './export-layoff.ts';

/**
 * POST /lottery/pots/import: a partner's excess taken on by the house — recorded the same way as an
 * export (with the commission the house pays), and its prize owed when the number wins.
 */
export function importLayoff(platform: Platform, actor: Actor, request: LayoffRequest): Promise<string> {
  return recordLayoff(platform, actor, 'import', request);
}
