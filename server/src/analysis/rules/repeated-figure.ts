import type { Figure } from '../numbers';
import type { RawFinding, Rule, RuleContext } from './rule';

// A metric that compares or divides names no quantity of its own.
const RELATIVE = /同比|环比|比上|较上|比去|较去|增加|减少|增长|下降|上升|提高|降低|占|平均|日均|人均|分别|其中|本周|本月|当月|当天|累计/;
const YEAR = /((?:19|20)\d{2})\s*年/g;

/** Where each `YYYY年` of a line ends, and its year: read once per line, however many figures it holds. */
type LineYears = { ends: number[]; years: string[] };

function yearsOfLine(ctx: RuleContext, line: number, cache: Map<number, LineYears>): LineYears {
  let found = cache.get(line);
  if (!found) {
    const l = ctx.doc.lines[line];
    found = { ends: [], years: [] };
    YEAR.lastIndex = 0;
    for (let m = YEAR.exec(l.norm); m; m = YEAR.exec(l.norm)) {
      found.ends.push(l.start + m.index + m[0].length);
      found.years.push(m[1]);
    }
    cache.set(line, found);
  }
  return found;
}

/** The last year named before the figure in its paragraph (a figure of 2022 and one of 2023 are two figures). */
function yearContext(ctx: RuleContext, q: Figure, cache: Map<number, LineYears>): string {
  const { ends, years } = yearsOfLine(ctx, q.line, cache);
  // The last year ending at or before the figure: a binary search.
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ends[mid] <= q.figureStart) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? years[low - 1] : '';
}

export const repeatedFigure: Rule = {
  id: 'repeated-figure',
  title: '同一指标数字不一',
  severity: 'warning',
  description: '同一指标（同一说法、同一计量单位、同一年份）在报告的不同段落中出现不同的数字',
  tags: ['numbers'],
  check(ctx) {
    const { doc, numbers, sections } = ctx;
    const findings: RawFinding[] = [];
    const plan = sections.nextYear;
    const seen = new Map<string, Figure>();
    const years = new Map<number, LineYears>();
    for (const q of numbers.quantities) {
      if (q.role !== 'count' || q.approx || q.range || q.previousPeriod || q.year !== null || (plan && q.start >= plan.start && q.start <= plan.end)) continue;
      // Too short to be the same metric by chance (`办理`, `开展`), or a relative figure: no comparison.
      const m = q.metric;
      if (m.length < 4 || !/^[\u4e00-\u9fff]+$/.test(m) || RELATIVE.test(m)) continue;
      const key = `${m}|${q.unit}|${yearContext(ctx, q, years)}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, q);
        continue;
      }
      // Members of one enumeration, or figures of one paragraph, are parallel facts, not one figure said twice.
      if (first.line === q.line || first.value === q.value) continue;
      findings.push({
        start: q.start,
        end: q.end,
        message: `同一指标前后不一致：“${m}”第 ${first.line + 1} 行为 ${doc.text.slice(first.figureStart, first.end)}，此处为 ${doc.text.slice(q.figureStart, q.end)}`,
      });
    }
    return findings;
  },
};
