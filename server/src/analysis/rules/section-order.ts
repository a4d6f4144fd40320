import type { RawFinding, Rule } from './rule';

export const sectionOrder: Rule = {
  id: 'section-order',
  title: '必备部分顺序',
  severity: 'info',
  description: '必备部分顺序：主要举措和成效应在存在问题和下一年度安排之前，下一年度安排应在最后',
  tags: ['sections'],
  check({ sections, catalogue }) {
    const findings: RawFinding[] = [];
    const name = (key: string) => catalogue.find((e) => e.key === key)!.name;
    const { measures, problems, nextYear, firstResponsible } = sections;
    if (measures) {
      for (const later of [problems, nextYear]) {
        if (later && later.start < measures.start) {
          findings.push({
            start: measures.start,
            end: measures.start + measures.title.length,
            message: `“${name('measures')}”应写在“${name(later.key)}”之前（后者在第 ${later.startLine + 1} 行）`,
          });
          break;
        }
      }
    }
    if (nextYear) {
      const after = [measures, problems, firstResponsible].filter((s) => s && s.start > nextYear.end);
      if (after.length) {
        findings.push({
          start: nextYear.start,
          end: nextYear.start + nextYear.title.length,
          message: `“${name('nextYear')}”应为报告的最后一部分，其后还有“${after.map((s) => name(s!.key)).join('”“')}”`,
        });
      }
    }
    return findings;
  },
};
