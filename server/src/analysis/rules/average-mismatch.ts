import { failedRelations, findingAt, otherReadings } from './relation-rule';
import type { RawFinding, Rule } from './rule';

export const averageMismatch: Rule = {
  id: 'average-mismatch',
  title: '平均数不符',
  severity: 'warning',
  description: '平均数与总数不一致：“日均”与总数和期间的天数，“人均”与总数和人数，“平均通话时长”等与总量和件数',
  tags: ['numbers'],
  check(ctx) {
    const findings: RawFinding[] = [];
    for (const r of failedRelations(ctx, ['average'])) findings.push(findingAt(r, `${r.anchor.name === '日均' || /^平均每[天日]/.test(r.anchor.name) ? '日均数' : '平均数'}与总数不一致：${r.explanation}${otherReadings(r)}`));
    return findings;
  },
};
