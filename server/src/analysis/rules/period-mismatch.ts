import data from '../data/programmes.json';
import { LineKind } from '../parse';
import type { RawFinding, Rule } from './rule';

interface Programme {
  name: string;
  family?: string;
  names: string[];
  periods: [number, number][];
}

const PROGRAMMES = data.programmes as unknown as Programme[];
const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// `“十四五”`, `“八五”普法`: quotation marks may stand between a name's characters.
const QUOTE = '[“”"‘’\']?';
const NAME_SOURCES = PROGRAMMES.map((p) => p.names.map((n) => [...n].map(escape).join(QUOTE)).join('|'));
const NAME_PATTERNS = NAME_SOURCES.map((source) => new RegExp(source, 'g'));
const NAME_FIRST = NAME_SOURCES.map((source) => new RegExp(source));

// `（2021—2025年）` right after the name, or a few characters later (`规划（…）`).
const PERIOD_AFTER = /^[^（(。，,；;]{0,8}[（(][\s\u3000]*((?:19|20)\d{2})[\s\u3000]*(?:年[\s\u3000]*)?[-—–~～至到]{1,2}[\s\u3000]*((?:19|20)\d{2})[\s\u3000]*(?:年[\s\u3000]*)?[)）]/;
const LOCAL_BEFORE = /[省市县区州盟旗][《“"<〈]?$/;
// `2026年是…`: a year said to be a stage of a programme, in the clause that follows.
const YEAR_IS = /((?:19|20)\d{2})[\s\u3000]*年度?[\s\u3000]*(?:是|为)/g;
const CLAUSE_END = /[，,。；;！？!?]/;
/** The clause after `YYYY年是` is read this far. */
const CLAUSE_WINDOW = 40;

const span = ([a, b]: [number, number]) => `${a}—${b} 年`;
const within = (p: Programme, year: number) => p.periods.some(([a, b]) => year >= a && year <= b);

/** How far a year may be from the programme's own before the text is taken to mean another, newer programme. */
const NEAR = 2;

/**
 * The period a wrong one most likely meant: one year of it written wrong (the same start, the end near;
 * or the same end, the start near), or an impossible period with the programme's start. Null when the
 * period is simply another one: a programme issued again for a later period is not known here yet.
 */
function intendedPeriod(p: Programme, start: number, end: number): [number, number] | null {
  const near = (a: number, b: number) => Math.abs(a - b) <= NEAR;
  return (
    p.periods.find(([a, b]) => a === start && near(b, end)) ??
    p.periods.find(([a, b]) => b === end && near(a, start)) ??
    (start >= end ? (p.periods.find(([a]) => a === start) ?? p.periods.find(([, b]) => b === end) ?? null) : null)
  );
}

/**
 * A national programme written with the wrong period (`《法治政府建设实施纲要（2021—2024年）》`,
 * `（2021-2021）`), or a year said to belong to a programme it falls outside
 * (`2026年是“十四五”…`, `2022年是“十四五”开局之年`). Programmes and periods: data/programmes.json.
 */
export const periodMismatch: Rule = {
  id: 'period-mismatch',
  title: '规划期间不符',
  severity: 'warning',
  description: '全国性规划、纲要的期间写错，或把某一年说成不在其期间内的规划之年',
  tags: ['style'],
  fix: 'safe',
  check({ doc, parsed }) {
    const findings: RawFinding[] = [];
    for (const line of doc.lines) {
      if (parsed.kinds[line.index] === LineKind.Code || !/[五纲划计]/.test(line.norm)) continue;
      const text = line.norm;
      PROGRAMMES.forEach((p, i) => {
        const re = NAME_PATTERNS[i];
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          // `云南省法治政府建设实施纲要`: a province's or a city's own programme of the same name has its own period.
          if (LOCAL_BEFORE.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
          const after = m.index + m[0].length;
          const period = PERIOD_AFTER.exec(text.slice(after, after + 40));
          if (!period) continue;
          const start = Number(period[1]);
          const end = Number(period[2]);
          if (p.periods.some(([a, b]) => a === start && b === end)) continue;
          const firstAt = line.start + after + period[0].indexOf(period[1]);
          const secondAt = line.start + after + period[0].lastIndexOf(period[2]);
          const meant = intendedPeriod(p, start, end);
          // Far from every period known: perhaps a programme issued again, which this list does not know yet.
          if (!meant && start < end) continue;
          const known = p.periods.map(span).join('、');
          const finding: RawFinding = {
            start: firstAt,
            end: secondAt + 4,
            message: `${p.name}的期间为 ${known}，文中写作 ${start}—${end} 年${start >= end ? '（起止年份有误）' : ''}`,
          };
          if (meant) {
            const edits = [];
            if (meant[0] !== start) edits.push({ start: firstAt, end: firstAt + 4, newText: String(meant[0]) });
            if (meant[1] !== end) edits.push({ start: secondAt, end: secondAt + 4, newText: String(meant[1]) });
            finding.fix = { title: `改为 ${meant[0]}—${meant[1]} 年`, edits };
          }
          findings.push(finding);
        }
      });
      YEAR_IS.lastIndex = 0;
      for (let y = YEAR_IS.exec(text); y; y = YEAR_IS.exec(text)) {
        const year = Number(y[1]);
        const from = y.index + y[0].length;
        const rest = text.slice(from, from + CLAUSE_WINDOW);
        const stop = CLAUSE_END.exec(rest);
        const clause = stop ? rest.slice(0, stop.index) : rest;
        PROGRAMMES.forEach((p, i) => {
          const m = NAME_FIRST[i].exec(clause);
          if (!m) return;
          const at = line.start + from + m.index;
          if (!within(p, year)) {
            const next = PROGRAMMES.find((q) => q.family && q.family === p.family && within(q, year));
            const finding: RawFinding = {
              start: at,
              end: at + m[0].length,
              message: `${year} 年不在${p.name}（${p.periods.map(span).join('、')}）期间内${next ? `，应为${next.name}` : ''}`,
            };
            if (next && !/[“”"‘’']/.test(m[0])) finding.fix = { title: `改为${next.name}`, edits: [{ start: at, end: at + m[0].length, newText: next.names[0] }] };
            findings.push(finding);
            return;
          }
          // `开局之年` is the first year of the period, `收官之年` the last.
          const period = p.periods.find(([a, b]) => year >= a && year <= b)!;
          const stage = /开局/.test(clause) ? period[0] : /收官/.test(clause) ? period[1] : null;
          if (stage !== null && stage !== year) {
            findings.push({ start: at, end: at + m[0].length, message: `${p.name}的${stage === period[0] ? '开局之年' : '收官之年'}是 ${stage} 年，文中为 ${year} 年` });
          }
        });
      }
    }
    return findings;
  },
};
