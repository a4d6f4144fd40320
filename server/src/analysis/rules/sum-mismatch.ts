import { formatNumber } from '../numbers';
import { failedRelations, written } from './relation-rule';
import type { RawFinding, Rule } from './rule';

export const sumMismatch: Rule = {
  id: 'sum-mismatch',
  title: '分项之和不符',
  severity: 'warning',
  description: '分项之和与总数不一致（分项之和大于总数，或列全的分项之和小于总数）',
  tags: ['numbers'],
  check(ctx) {
    const findings: RawFinding[] = [];
    for (const r of failedRelations(ctx, ['sum'])) {
      const total = r.anchor;
      const parts = r.members.map((q) => written(ctx, q)).join(' + ');
      const message =
        r.computed > total.value
          ? `分项之和大于总数：${parts} = ${formatNumber(r.computed)}${total.unit}，总数为 ${written(ctx, total)}`
          : `分项之和小于总数：${parts} = ${formatNumber(r.computed)}${total.unit}，总数为 ${written(ctx, total)}（文中分项已列全）`;
      findings.push({ start: total.start, end: total.end, message });
    }
    return findings;
  },
};
