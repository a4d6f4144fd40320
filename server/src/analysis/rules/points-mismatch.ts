import { failedRelations, findingAt, otherReadings } from './relation-rule';
import type { RawFinding, Rule } from './rule';

export const pointsMismatch: Rule = {
  id: 'points-mismatch',
  title: '百分点不符',
  severity: 'warning',
  description: '“提高（下降）N个百分点”与前后两个比率之差不一致',
  tags: ['numbers'],
  check(ctx) {
    const findings: RawFinding[] = [];
    for (const r of failedRelations(ctx, ['points'])) findings.push(findingAt(r, `百分点与两个比率之差不一致：${r.explanation}${otherReadings(r)}`));
    return findings;
  },
};
