import { formatNumber } from '../numbers';
import { percentEdit, percentText } from '../numbers/format';
import { failedRelations, findingAt, otherReadings, written } from './relation-rule';
import type { RawFinding, Rule } from './rule';

export const rateMismatch: Rule = {
  id: 'rate-mismatch',
  title: '比率不符',
  severity: 'warning',
  description: '比率与文中给出的分子、分母不一致（按指标目录尝试每一种口径后仍不符）',
  tags: ['numbers'],
  fix: 'safe',
  check(ctx) {
    const findings: RawFinding[] = [];
    for (const r of failedRelations(ctx, ['rate'])) {
      const p = r.anchor;
      const [num, den] = r.members;
      const sign = p.permille ? '‰' : '%';
      const message = `比率与分子分母不一致：${formatNumber(num.value)}/${formatNumber(den.value)} = ${formatNumber(r.computed, Math.max(2, p.decimals))}${sign}（${num.metric || '分子'} / ${den.metric || '分母'}），文中写 ${written(ctx, p)}${otherReadings(r)}`;
      // A fix only where the reading is certain: one catalogue base, or the only candidate.
      if (r.certainValue === null || p.permille) {
        findings.push(findingAt(r, message));
        continue;
      }
      const value = percentText(r.certainValue, p.decimals);
      findings.push(findingAt(r, message, { fix: { title: `改为 ${value}%`, edits: [percentEdit(ctx.doc, p, value)] } }));
    }
    return findings;
  },
};
