import { failedRelations, findingAt, otherReadings } from './relation-rule';
import type { RawFinding, Rule } from './rule';

export const growthMismatch: Rule = {
  id: 'growth-mismatch',
  title: '增减不符',
  severity: 'warning',
  description: '同比增长（下降）的百分比或增减数与前后两年的数字不一致',
  tags: ['numbers'],
  check(ctx) {
    const findings: RawFinding[] = [];
    for (const r of failedRelations(ctx, ['growth', 'difference'])) {
      // A rate that is the difference of two others (自然增长率 = 出生率 − 死亡率).
      if (r.kind === 'difference' && r.members.every((m) => m.percent || m.permille)) {
        findings.push(findingAt(r, `比率与其两项之差不一致：${r.explanation}`));
        continue;
      }
      const what = r.kind === 'growth' ? '增幅' : '增减数';
      findings.push(findingAt(r, `${what}与前后两年的数字不一致：${r.explanation}${otherReadings(r)}`));
    }
    return findings;
  },
};
