import type { Quantity } from '../numbers';
import type { RawFinding, Rule } from './rule';

const FILLER = /^(?:[\s，,、]|其中|全年|今年|共计|合计|累计|总计|共|计|达到|达|约|近|超过|有|了)+/;

/** What a figure counts: the words right before it, without fillers like 共 or 全年. */
function metric(q: Quantity): string | null {
  const subject = q.before
    .replace(/^.*[，,；;：:、（(）)]/, '')
    .replace(/^.*(?:共计|合计|累计|总计|共)(?=.{2})/, '')
    .replace(FILLER, '')
    .replace(/(?:共计|合计|累计|共|达到|达|为|约|近)$/, '');
  // Too short to be the same metric by chance (`办理`, `开展`): no comparison.
  return subject.length >= 4 && /^[\u4e00-\u9fff“”"]+$/.test(subject) ? subject : null;
}

export const repeatedFigure: Rule = {
  id: 'repeated-figure',
  severity: 'warning',
  description: '同一指标在报告中前后出现不同的数字',
  check({ doc, numbers, sections }) {
    const findings: RawFinding[] = [];
    const plan = sections.nextYear;
    const seen = new Map<string, Quantity>();
    for (const q of numbers.quantities) {
      if (q.approx || q.percent || (plan && q.start >= plan.start && q.start <= plan.end)) continue;
      const m = metric(q);
      if (!m) continue;
      const key = `${m}|${q.unit}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, q);
        continue;
      }
      if (first.value === q.value) continue;
      findings.push({
        start: q.start,
        end: q.end,
        message: `同一指标前后不一致：“${m}”第 ${first.line + 1} 行为 ${doc.text.slice(first.figureStart, first.end)}，此处为 ${doc.text.slice(q.figureStart, q.end)}`,
      });
    }
    return findings;
  },
};
