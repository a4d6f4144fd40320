import { indicatorFor } from '../numbers/indicators';
import type { RawFinding, Rule } from './rule';

export const rateOver100: Rule = {
  id: 'rate-over-100',
  title: '比率超过百分之百',
  severity: 'warning',
  description: '按定义不超过 100% 的比率（覆盖率、合格率、满意率、纠错率、调解成功率等，见指标目录）超过 100%',
  tags: ['numbers'],
  check({ doc, numbers }) {
    const findings: RawFinding[] = [];
    for (const q of numbers.quantities) {
      if (q.role !== 'rate' || !q.percent || q.value - 10 ** -q.decimals / 2 <= 100) continue;
      // A closing rate may pass 100% (old cases closed this year): only rates bounded by their definition.
      const indicator = indicatorFor(q.name);
      if (!indicator?.bounded) continue;
      findings.push({ start: q.start, end: q.end, message: `${q.name}按定义不超过 100%，文中为 ${doc.text.slice(q.figureStart, q.end)}` });
    }
    return findings;
  },
};
