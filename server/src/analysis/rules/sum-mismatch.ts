import { formatNumber } from '../numbers';
import type { RawFinding, Rule } from './rule';

export const sumMismatch: Rule = {
  id: 'sum-mismatch',
  severity: 'warning',
  description: '分项之和与总数不一致（分项之和大于总数，或列全的分项之和小于总数）',
  check({ doc, numbers }) {
    const findings: RawFinding[] = [];
    for (const r of numbers.relations) {
      if (r.kind !== 'sum' || r.holds) continue;
      const total = r.anchor;
      const parts = r.members.map((q) => doc.text.slice(q.figureStart, q.end)).join(' + ');
      const message =
        r.computed > total.value
          ? `分项之和大于总数：${parts} = ${formatNumber(r.computed)}${total.unit}，总数为 ${doc.text.slice(total.figureStart, total.end)}`
          : `分项之和小于总数：${parts} = ${formatNumber(r.computed)}${total.unit}，总数为 ${doc.text.slice(total.figureStart, total.end)}（文中分项已列全）`;
      findings.push({ start: total.start, end: total.end, message });
    }
    return findings;
  },
};
