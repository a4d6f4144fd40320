// The key figures of the reviewer's table, read from the core's figures (their
// role and metric, annotate.ts) with the catalogue's areas and words
// (data/indicators.json `keyFigures`): a count whose metric names one of an
// area's figures in a sentence about that area, and the area's rates by the
// indicator their name belongs to.
import type { RuleContext } from '../analysis/rules/rule';
import type { Figure } from '../analysis/numbers';
import { INDICATORS, KEY_FIGURES, indicatorFor, type KeyFigureArea } from '../analysis/numbers/indicators';

export interface KeyFigureColumn {
  /** `行政复议·收到`, `行政复议·纠错率`. */
  key: string;
  area: string;
  /** The figure's name in the area (`收到`) or the rate's (`纠错率`). */
  figure: string;
  /** The column heading: `复议收到`-style labels are ambiguous, so area and figure both. */
  label: string;
  rate: boolean;
}

/** The columns of the key-figure table, in the catalogue's order. */
export const KEY_FIGURE_COLUMNS: readonly KeyFigureColumn[] = KEY_FIGURES.flatMap((area) => [
  ...Object.keys(area.figures).map((figure) => ({
    key: `${area.area}·${figure}`,
    area: area.area,
    figure,
    label: area.area.includes(figure) ? area.area : `${area.area}·${figure}`,
    rate: false,
  })),
  ...area.rates.map((id) => {
    const name = INDICATORS.find((i) => i.id === id)?.names[0] ?? id;
    return { key: `${area.area}·${name}`, area: area.area, figure: name, label: name.startsWith('负责人') ? name : `${area.area}·${name}`, rate: true };
  }),
]);

export interface KeyFigure {
  key: string;
  area: string;
  figure: string;
  value: number;
  /** As written, with its unit: `56件`, `19.2%`, `3.15万件`. */
  text: string;
  unit: string;
  /** Offsets of the figure and of its quote in the analysed text. */
  start: number;
  end: number;
  quoteStart: number;
  quoteEnd: number;
}

// Counts of cases and acts; money, areas and durations are not the figures asked for.
const COUNT_UNITS = new Set(['件', '起', '次', '个', '项', '人', '名', '家', '份', '篇', '场', '条', '宗', '例', '批', '人次', '件次', '户', '部', '位']);
const FILLER = /^(?:其中|另外|此外|同时|以及|并|全年|今年|本年|当年|年内|本年度|累计|共计|合计|总计|总共|一共|共|计|约|近|达|有|依法|已经|已|均|分别|又|还|新|本)+/;
const CLAUSE_STOP = new Set(['，', ',', '；', ';', '。', '：', ':', '！', '？', '!', '?', '、']);
const OPEN = new Set(['（', '(']);
const CLOSE = new Set(['）', ')']);
/** How far back a figure's words are read (a metric is never longer). */
const WINDOW = 40;

/** The words before a figure in its clause, parentheses left out: `其中纠错(含撤销、确认违法)29件` → 纠错. */
export function clauseBefore(norm: string, figureStart: number, statementStart: number): string {
  let depth = 0;
  const kept: string[] = [];
  for (let i = figureStart - 1; i >= Math.max(statementStart, figureStart - WINDOW); i--) {
    const c = norm[i];
    if (CLOSE.has(c)) depth++;
    else if (OPEN.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if (CLAUSE_STOP.has(c)) break;
      kept.push(c);
    }
  }
  return kept.reverse().join('').replace(/\s+/g, '').replace(FILLER, '');
}

/** 被申请人 and 申请人 name a party, not the act of applying (收到…申请). */
function withoutParties(metric: string): string {
  return metric.replace(/被?申请人/g, '');
}

/**
 * The figure of an area whose word comes first in the metric (the verb before its object:
 * `审结行政复议申请` is 审结). A count named first by a rate's numerator (`负责人出庭应诉案件`:
 * 出庭) is that rate's part, not the area's figure.
 */
function figureOf(area: KeyFigureArea, metric: string): string | null {
  let best: string | null = null;
  let at = Infinity;
  let length = 0;
  for (const [figure, words] of Object.entries(area.figures)) {
    for (const w of words) {
      const i = metric.indexOf(w);
      if (i >= 0 && (i < at || (i === at && w.length > length))) {
        best = figure;
        at = i;
        length = w.length;
      }
    }
  }
  if (best && RATE_NUMERATORS.get(area.area)!.some((w) => { const i = metric.indexOf(w); return i >= 0 && i < at; })) return null;
  return best;
}

const RATE_NUMERATORS = new Map(KEY_FIGURES.map((a) => [a.area, a.rates.flatMap((id) => INDICATORS.find((i) => i.id === id)?.numerator ?? [])]));

const AREA_WORDS = KEY_FIGURES.flatMap((a) => a.areaWords.map((w) => ({ word: w, area: a.area }))).sort((a, b) => b.word.length - a.word.length);

/** The area a figure's sentence is about: the last area word before the figure in its statement. */
function areaAt(norm: string, statementStart: number, figureStart: number): string | null {
  let best: { end: number; area: string } | null = null;
  const text = norm.slice(statementStart, figureStart);
  for (const { word, area } of AREA_WORDS) {
    const i = text.lastIndexOf(word);
    // Longer words are tried first, so 行政应诉 wins over 应诉 ending at the same place.
    if (i >= 0 && (!best || i + word.length > best.end)) best = { end: i + word.length, area };
  }
  return best?.area ?? null;
}

/** A short quote around a figure: its statement, cut to about 60 characters ending a little after the figure. */
function quoteSpan(statementStart: number, statementEnd: number, start: number, end: number): [number, number] {
  const from = Math.max(statementStart, start - 40);
  const to = Math.min(statementEnd, Math.max(end + 16, from + 60));
  return [from, to];
}

/**
 * The key figures a report states, one per column (its first statement in the
 * report; later ones are usually breakdowns).
 */
export function keyFigures(context: RuleContext, lastLine = Infinity): KeyFigure[] {
  const { doc, numbers } = context;
  const found = new Map<string, KeyFigure>();
  for (const q of numbers.quantities as readonly Figure[]) {
    if (q.line > lastLine || q.range || q.previousPeriod || q.negated) continue;
    const statement = numbers.statements[q.statement];
    if (!statement) continue;
    let key: string | null = null;
    let area: string | null = null;
    let figure: string | null = null;
    if (q.role === 'rate' && (q.percent || q.permille)) {
      const indicator = indicatorFor(q.name);
      const column = indicator && KEY_FIGURE_COLUMNS.find((c) => c.rate && c.figure === indicator.names[0]);
      if (column) ({ key, area, figure } = column);
    } else if (q.role === 'count' && !q.percent && COUNT_UNITS.has(q.unit)) {
      area = areaAt(doc.norm, statement.start, q.figureStart);
      const spec = area ? KEY_FIGURES.find((a) => a.area === area) : undefined;
      if (spec) {
        figure = figureOf(spec, withoutParties(q.metric)) ?? figureOf(spec, withoutParties(clauseBefore(doc.norm, q.figureStart, statement.start)));
        const units = figure ? spec.units?.[figure] : undefined;
        if (figure && (!units || units.includes(q.unit))) key = `${area}·${figure}`;
      }
    }
    if (!key || !area || !figure || found.has(key)) continue;
    const [quoteStart, quoteEnd] = quoteSpan(statement.start, statement.end, q.start, q.end);
    found.set(key, { key, area, figure, value: q.value, text: doc.text.slice(q.figureStart, q.end).trim(), unit: q.unit, start: q.figureStart, end: q.end, quoteStart, quoteEnd });
  }
  return KEY_FIGURE_COLUMNS.map((c) => found.get(c.key)).filter((f): f is KeyFigure => !!f);
}
