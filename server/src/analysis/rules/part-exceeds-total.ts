import type { RawFinding, Rule } from './rule';

export const partExceedsTotal: Rule = {
  id: 'part-exceeds-total',
  severity: 'warning',
  description: '部分大于整体（如办结数大于受理数、调处数大于接报数）',
  check({ doc, numbers }) {
    const findings: RawFinding[] = [];
    for (const r of numbers.relations) {
      if (r.kind !== 'subset' || r.holds) continue;
      const [part] = r.members;
      const whole = r.anchor;
      findings.push({
        start: part.start,
        end: part.end,
        message: `部分大于整体：“${part.before.slice(-8)}”${doc.text.slice(part.figureStart, part.end)}，多于“${whole.before.slice(-8)}”${doc.text.slice(whole.figureStart, whole.end)}`,
      });
    }
    return findings;
  },
};
