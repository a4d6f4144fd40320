import { formatNumber } from '../numbers';
import { percentEdit, percentText } from '../numbers/format';
import { failedRelations, findingAt, otherReadings, written } from './relation-rule';
import type { RawFinding, Rule } from './rule';

export const shareMismatch: Rule = {
  id: 'share-mismatch',
  title: '占比不符',
  severity: 'warning',
  description: '“占…的X%”“占比X%”与部分和整体的数字不一致，或列全的各项占比相加不是 100%',
  tags: ['numbers'],
  fix: 'safe',
  check(ctx) {
    const findings: RawFinding[] = [];
    for (const r of failedRelations(ctx, ['share', 'shares'])) {
      if (r.kind === 'shares') {
        findings.push(findingAt(r, r.complete ? `列全的各项占比相加不等于 100%：${r.explanation}` : `各项数字除以各自占比，得出的整体不一致：${r.explanation}`));
        continue;
      }
      const p = r.anchor;
      const [part, whole] = r.members;
      const message = `占比与数字不一致：${formatNumber(part.value)}/${formatNumber(whole.value)} = ${formatNumber(r.computed, Math.max(2, p.decimals))}%（${whole.metric || '整体'}），文中写 ${written(ctx, p)}${otherReadings(r)}`;
      if (r.certainValue === null) {
        findings.push(findingAt(r, message));
        continue;
      }
      const value = percentText(r.certainValue, p.decimals);
      findings.push(findingAt(r, message, { fix: { title: `改为 ${value}%`, edits: [percentEdit(ctx.doc, p, value)] } }));
    }
    return findings;
  },
};
