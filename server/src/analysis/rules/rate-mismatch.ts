import { formatNumber } from '../numbers';
import { percentEdit, percentText } from '../numbers/format';
import type { RawFinding, Rule } from './rule';

export const rateMismatch: Rule = {
  id: 'rate-mismatch',
  severity: 'warning',
  description: '比率与文中给出的分子、分母不一致',
  check({ doc, numbers }) {
    const findings: RawFinding[] = [];
    for (const r of numbers.relations) {
      if (r.kind !== 'rate' || r.holds) continue;
      const p = r.anchor;
      const recomputed = percentText(r.computed, p.decimals);
      findings.push({
        start: p.start,
        end: p.end,
        message: `比率与分子分母不一致：${formatNumber(r.members[0].value)}/${formatNumber(r.members[1].value)} = ${formatNumber(r.computed, Math.max(2, p.decimals))}%，文中写 ${doc.text.slice(p.figureStart, p.end)}`,
        fix: { title: `改为 ${recomputed}%`, edits: [percentEdit(doc, p, recomputed)] },
      });
    }
    return findings;
  },
};
