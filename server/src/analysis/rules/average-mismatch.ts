import { failedRelations, findingAt, otherReadings } from './relation-rule';
import type { RawFinding, Rule } from './rule';

export const averageMismatch: Rule = {
  id: 'average-mismatch',
  title: '平均数不符',
  severity: 'warning',
  description: '“日均”与总数和期间的天数不一致',
  tags: ['numbers'],
  check(ctx) {
    const findings: RawFinding[] = [];
    for (const r of failedRelations(ctx, ['average'])) findings.push(findingAt(r, `日均数与总数不一致：${r.explanation}${otherReadings(r)}`));
    return findings;
  },
};
