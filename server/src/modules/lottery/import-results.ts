import { parseResultsCsv } from '@matriz/shared/lottery/result-input';
import type { Actor } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { firstResultProblem, publishResults, resolveResultInput } from './publish-result.ts';
import type { ResultDrawRow } from './results.repo.ts';

/**
 * Results by CSV upload: every line is checked first (lottery, draw, format, closed, no result yet,
 * not twice in the file); any error refuses the whole file naming each line and field, otherwise
 * all results are written in one transaction and settled.
 */
export async function importResults(platform: Platform, actor: Actor, csv: string) {
  const db = lotteryDb(platform.db);
  const parsed = parseResultsCsv(csv);
  const errors: { line: number; field: string; code: string; details?: Record<string, unknown> }[] =
    parsed.problems.map((p) => ({ line: p.line, field: p.field, code: p.reason }));
  const items: { draw: ResultDrawRow; result: Parameters<typeof publishResults>[2][number]['result'] }[] = [];
  const seen = new Map<string, number>();
  const now = platform.clock.now();
  for (const row of parsed.rows) {
    if (errors.some((e) => e.line === row.line)) continue;
    const resolved = await resolveResultInput(db, row);
    if ('problem' in resolved) {
      const { code, details } = resolved.problem;
      errors.push({ line: row.line, field: String(details.field ?? 'lottery'), code, details });
      continue;
    }
    const refusal = firstResultProblem(resolved.draw, now);
    if (refusal) {
      errors.push({ line: row.line, field: 'draw_date', code: refusal.code, details: refusal.details });
      continue;
    }
    const earlier = seen.get(resolved.draw.id);
    if (earlier !== undefined) {
      errors.push({
        line: row.line,
        field: 'lottery',
        code: 'DUPLICATE_LINE',
        details: { same_as_line: earlier },
      });
      continue;
    }
    seen.set(resolved.draw.id, row.line);
    items.push(resolved);
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    throw new AppError('RESULTS_IMPORT_INVALID', 422, {
      errors,
      count: errors.length,
      first_line: errors[0].line,
      first_field: errors[0].field,
    });
  }
  return publishResults(platform, actor, items, 'csv');
}
