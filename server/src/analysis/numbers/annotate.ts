// What each figure is, read from the words around it: the metric it counts
// (`受理矛盾纠纷`), the rate or share it states (`调解成功率`, `占受理总数的`), its
// role (a total, a part, a rate, a share, a growth, percentage points, a
// difference, an average, a target), its direction, and the period it belongs
// to (this year, last year, a named year). Pure reading: no relation here.
import type { Quantity } from './quantities';

export type Role = 'count' | 'rate' | 'share' | 'growth' | 'points' | 'difference' | 'average' | 'target' | 'percent' | 'base';

/** What annotate reads of a figure from its line alone (so it is cached with the line's figures). */
export interface Annotation {
  /** Clause number within its line (clauses end at ，；：、 and sentence marks). */
  clause: number;
  /** Segment number within its line (segments end at ；; and sentence marks): the items of a `；` list are apart. */
  segment: number;
  role: Role;
  /** What is counted, without fillers (其中, 全年, 共, 达…): `受理矛盾纠纷`, `调解成功`, `按时结案`. */
  metric: string;
  /** A rate's or average's own name (`调解成功率`, `日均`); a share's whole as the text names it (`受理总数`), '' for 占比. */
  name: string;
  /** 共, 共计, 合计, 总计, 累计, 总数: the text says this is a whole. */
  total: boolean;
  /** 未, 尚未, 不予, 没有: a count of what was not done. */
  negated: boolean;
  /** 已: a count of what is done. */
  done: boolean;
  /** Up or down, for growth, points and differences. */
  direction: 'up' | 'down' | null;
  /** The figure is last year's (上年, 去年, 同期) or of a named year. */
  previousPeriod: boolean;
  year: number | null;
}

export interface Figure extends Quantity, Annotation {
  /** Position in the document's figures. */
  index: number;
}

// Per UTF-16 unit: 1 ends a clause (，：、), 2 ends a clause and a segment (；。！？); one array read per character.
const MARK_KIND = new Uint8Array(65536);
for (const c of '，,：:、') MARK_KIND[c.charCodeAt(0)] = 1;
for (const c of '；;。！？!?') MARK_KIND[c.charCodeAt(0)] = 2;
const LEADING_FILLER =
  /^(?:其中|另外|此外|同时|以及|并|而|全年|今年|本年|当年|年内|本年度|全年度|本期|累计|共计|合计|总计|总共|一共|共|计|约|近|达|有|全市|全区|全县|全省|全国|各级|依法|已经|已|均|分别|又|还|另|新|本)+/;
// Stripped from the end one word at a time (longest first): an alternation under `+$` backtracks exponentially.
const TRAILING_FILLERS = ['分别为', '达到了', '共计', '合计', '累计', '总计', '总共', '一共', '达到', '超过', '分别', '均为', '已达', '约为', '只有', '高达', '多达', '突破', '共', '达', '为', '是', '约', '近', '逾', '有', '了', '计', '均', '已', '仅'];

const TRAILING_LAST = new Set(TRAILING_FILLERS.map((w) => w[w.length - 1]));

function stripTrailing(text: string): string {
  for (let again = true; again && TRAILING_LAST.has(text[text.length - 1]); ) {
    again = false;
    for (const word of TRAILING_FILLERS) {
      if (text.length > word.length && text.endsWith(word)) {
        text = text.slice(0, -word.length);
        again = true;
        break;
      }
    }
  }
  return text;
}
const TOTAL_MARK = /共计|合计|总计|总共|一共|累计|共|总数|总量|总额|全部|总$/;
/** Words where 共 is no 共 of a total (`市级一般公共预算支出`, `共同`, `中共`), taken out before looking for one. */
export function withoutSharedWords(text: string): string {
  if (!text.includes('共')) return text;
  return text.replace(/公共|共同|共享|共建|共治|共产|中共|共青|共商|共性|共识|社会共/g, '');
}
// 待 alone is no negation (接待, 对待); 待办 and 待处理 are what is not done yet.
const NEGATION = /未|尚未|没有|不予|无法|待办|待处理|待解决|待审|待核/;
const DONE = /已/;
const UP = /增长|增加|上升|提高|提升|上涨|增多|多了|多出|增收|增幅|涨幅|扩大|多/;
const DOWN = /下降|减少|降低|回落|下滑|减收|降幅|减幅|缩小|少/;
const CHANGE_END = /(?:同比|环比|比上年|较上年|比去年|较去年|比上年同期|较上年同期|比上月|较上月|比上周|较上周)?(?:增长|增加|上升|提高|提升|上涨|下降|减少|降低|回落|下滑|增收|减收|增幅为?|降幅为?|减幅为?|涨幅为?|增速为?)(?:了|达|为|约|近)?$/;
const LEVEL_CHANGE = /(?:提高|提升|上升|增加|增长|下降|降低|减少|降)(?:到|至)$/;
const RATE_END = /(率|比例|比重|满意度|知晓度|覆盖面|占比|结构)(?:均|分别|已|仍|继续)?(?:达到了?|达|为|是|保持在|稳定在|提高到|提升至|提升到|上升到|上升至|下降到|下降至|降至|降到|超过|已达|约为|约|近|高达|仅为|只有|达到了)?$/;
const SHARE_OF = /占(?:比(?:为|达|约)?|([^，,；;。]{0,20}?)(?:的)?(?:比(?:重|例))?(?:为|达|约)?)$/;
const AVERAGE = /(日均|月均|周均|年均|人均|户均|件均|平均每[天日月周年人户件次]?|平均)(?:[^，,；;。]{0,12}?)(?:达到?|为|约)?$/;
const TARGET = /目标|计划|力争|预计|确保|不少于|不低于|不超过|要求|任务|指标为|争取/;
// Last period's figure (`上年同期192件`, `去年为…`); a bare `去年` opening a clause names the period the
// paragraph reports on (`去年北京市共审结…`), not a figure to compare with.
const PREVIOUS = /上年同期|去年同期|上年度|上一年|前一年|同期|上期|上月|上周|上季度|(?:上年|去年)(?:底|末)?(?:为|是|的|共|有)|(?:上年|去年)$/;
const COMPARISON = /比|较|同比|环比|相比|与.{0,8}相比|对比/;
/** `比2014年的1124件增加60%`: the figure a change is measured from, named between 比 and the change (not `比上年增加7件`). */
function comparedWith(before: string, after: string, lead: string, trail: string): boolean {
  // `与去年同期（124件）相比上升59.09%`, `同2019年的192件相比增长`: the figure between 与…相比 is the earlier one
  // (`lead`, `trail`: the line around the figure, across the parentheses its clause ends at).
  if (/(?:^|[^参给])(?:与|同|和|跟)(?:上年|去年|上月|上季度|上年同期|去年同期|(?:19|20)\d{2}年)(?:同期|底|末|度)?的?[\s（(]*$/.test(lead) && /^[\s）)]*(?:相比|相较|比较)[\s，,]*(?:增加|增长|上升|下降|减少|提高|降低|多|少)/.test(trail)) return true;
  if (!before.includes('比') && !before.includes('较')) return false;
  // `比2014年的1124件`, `比去年90.78万件`, `比上年119.6万件`: 比 and a period or the words 的 closes.
  return (/(?:^|[^同环])(?:比|较)[^，,；;。比较]{0,10}的$/.test(before) || /(?:^|[^同环])(?:比|较)(?:上年|去年|上月|上季度|上年同期|去年同期|(?:19|20)\d{2}年)(?:同期|底|末|度)?$/.test(before)) &&
    /^\s*(?:(?:相比|相较)\s*)?(?:增加|增长|上升|下降|减少|提高|降低|多|少)/.test(after);
}
// A year: `2023年`, or four digits run into a word (`2023总共…`), never a count (`2023件`).
const YEAR = /((?:19|20)\d{2})(?:\s*年|(?=[\u4e00-\u9fff])(?![件个人次起项家份场条户宗例批期所座处台辆篇部本册张套支只元天轮间组队类种门位节课封通单吨亩万亿]))/g;

/** The metric: the words before the figure in its clause, without fillers at either end. */
const NAME_ENDS = ['“', '”', '"', '「', '」', '《', '》', '（', '）', '(', ')'];

export function metricOf(before: string): string {
  let text = /\s/.test(before) ? before.replace(/\s+/g, '') : before;
  // A clause may open with a name in a title, a quote or parentheses: what counts is after the last of them.
  let cut = -1;
  for (const c of NAME_ENDS) cut = Math.max(cut, text.lastIndexOf(c));
  if (cut >= 0) text = text.slice(cut + 1);
  for (let i = 0; i < 4; i++) {
    const next = stripTrailing(text.replace(LEADING_FILLER, ''));
    if (next === text) break;
    text = next;
  }
  return text;
}

/** The name of the rate or indicator before the figure: `调解成功率达` → `调解成功率`. */
function rateName(before: string): string {
  const m = /([\u4e00-\u9fff]{0,16}(?:率|比例|比重|满意度|知晓度|覆盖面|占比))(?:均|分别|已|仍|继续)?(?:达到了?|达|为|是|保持在|稳定在|提高到|提升至|提升到|上升到|上升至|下降到|下降至|降至|降到|超过|已达|约为|约|近|高达|仅为|只有)?$/.exec(before.replace(/\s+/g, ''));
  if (!m) return '';
  return m[1].replace(LEADING_FILLER, '');
}

function directionOf(text: string): 'up' | 'down' | null {
  const up = UP.exec(text);
  const down = DOWN.exec(text);
  if (up && (!down || up.index > down.index)) return 'up';
  if (down) return 'down';
  return null;
}

/** Years named in the clause before the figure (in the unmasked line; offsets are the line's). */
function yearBefore(norm: string, q: Quantity): number | null {
  let from = q.figureStart;
  while (from > 0 && q.figureStart - from < 40 && !MARK_KIND[norm.charCodeAt(from - 1)]) from--;
  // A year in parentheses just before the figure belongs to it (`（2019年192件）`).
  const window = norm.slice(from, q.figureStart);
  if (!window.includes('19') && !window.includes('20')) return null;
  let year: number | null = null;
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(window); m; m = YEAR.exec(window)) {
    // A year followed by a month or a span is a date, not the figure's year.
    if (/^\s*\d{1,2}\s*月|^\s*[-—–~～至到]/.test(window.slice(m.index + m[0].length))) continue;
    year = Number(m[1]);
  }
  return year;
}

const CHANGE_COUNT = /(?:增加|减少|增长|下降|上升|降低|增收|减收|多|少)(?:了)?$/;
const CHANGE_ONLY = /^(?:同比|环比)?(?:增加|减少|增长|下降|上升|降低|增收|减收)了?$/;

/** The clause before the figure's says the comparison (`较上年同期增长15.35%，增收25457万元`). */
function changeStatedBefore(norm: string, q: Quantity): boolean {
  const window = norm.slice(Math.max(0, q.figureStart - 40), q.figureStart);
  const clauses = window.split(/[，,；;]/);
  return clauses.length >= 2 && COMPARISON.test(clauses[clauses.length - 2]) && CHANGE_COUNT.test(q.before.replace(/\s+/g, ''));
}

/**
 * Reads the role, metric, name, period and direction of the figures of one
 * line; offsets are the line's own (the figures as cached per line text).
 */
export function annotateLine(norm: string, quantities: readonly Quantity[]): Annotation[] {
  const out: Annotation[] = [];
  let clauseCount = 0;
  let segmentCount = 0;
  let clauseFrom = 0;
  quantities.forEach((q, k) => {
    for (; clauseFrom < q.figureStart; clauseFrom++) {
      const kind = MARK_KIND[norm.charCodeAt(clauseFrom)];
      if (kind) clauseCount++;
      if (kind === 2) segmentCount++;
    }
    const before = q.before.replace(/\s+/g, '');
    const metric = metricOf(q.before);
    let role: Role = 'count';
    let name = '';
    let direction: Annotation['direction'] = null;
    if (q.unit === '个百分点' || q.unit === '个千分点') {
      // `年均提高1.04个百分点` is an average over years, not the change between two rates.
      role = /年均|平均/.test(before) ? 'average' : 'points';
      direction = directionOf(before);
    } else if (q.percent || q.permille) {
      const share = SHARE_OF.exec(before);
      if (LEVEL_CHANGE.test(before) && /率|比例|比重|满意度|占比/.test(before)) {
        role = 'rate';
        name = rateName(before.replace(LEVEL_CHANGE, ''));
      } else if (CHANGE_END.test(before) && !LEVEL_CHANGE.test(before)) {
        role = 'growth';
        direction = directionOf(before.slice(-8));
      } else if (share) {
        role = 'share';
        name = (share[1] ?? '').trim();
      } else if (/(?:完成|达到|相当于|为)/.test(before) && /\d[\d.,]*\s*[万亿]?[\u4e00-\u9fff]{0,3}的$/.test(before)) {
        // `完成年初预算数60999万元的40.4%`: a share of the figure written just before it.
        role = 'share';
        name = '';
      } else if (RATE_END.test(before)) {
        role = 'rate';
        name = rateName(before);
      } else role = 'percent';
      if (TARGET.test(before)) role = 'target';
    } else {
      const average = AVERAGE.exec(before);
      if (average) {
        role = 'average';
        name = average[1];
      } else if (TARGET.test(before)) role = 'target';
      else if (CHANGE_COUNT.test(before) && (COMPARISON.test(before) || CHANGE_ONLY.test(before) || changeStatedBefore(norm, q))) {
        // `比上年增加N件`, or a clause that is the change alone (`…，增收2546万元`).
        role = 'difference';
        direction = directionOf(before.slice(-4));
      } else if (/占[^，,；;。]{0,20}$/.test(before) || /^的\s*[\d百]/.test(q.after) || /^的$/.test(q.after)) {
        // `占年初预算10065万元的43.2%`, `完成年初预算数60999万元的40.4%`: the whole a share is of, not a count of its own.
        role = 'base';
      }
    }
    // `分别提升84.6%、89.9%`: a figure alone after 、 continues the list of the figure before it.
    const previous = out[k - 1];
    const previousQ = quantities[k - 1];
    if (previous && previous.role !== 'count' && /^[\s]*(?:[、和及与]|以及)[\s]*$/.test(norm.slice(previousQ.end, q.figureStart)) && previousQ.percent === q.percent) {
      role = previous.role;
      name = previous.name;
      direction = previous.direction;
    }
    out.push({
      clause: clauseCount,
      segment: segmentCount,
      role,
      metric,
      name,
      // `共…N件`, and `受理的9230件办件中`: a whole its clause opens.
      total: TOTAL_MARK.test(withoutSharedWords(before)) || /^[^，,；;。]{0,8}中$/.test(q.after),
      // `3件未化解`: the negation may follow the figure.
      negated: NEGATION.test(before) || /^[\s]*(?:未|尚未|没有|不予)/.test(q.after),
      done: DONE.test(before),
      direction,
      previousPeriod: (PREVIOUS.test(before) && !COMPARISON.test(before)) || comparedWith(before, q.after, norm.slice(Math.max(0, q.figureStart - 16), q.figureStart), norm.slice(q.end, q.end + 16)),
      year: yearBefore(norm, q),
    });
  });
  yearSeries(norm, quantities, out);
  return out;
}

// `2018年以来，败诉率分别为16.4%、11.36%、9.72%、10.83%`, `2019—2022年…分别为…`: one rate named once, then a
// value per year.
const SERIES_SINCE = /((?:19|20)\d{2})\s*年以来[^。；;！？、和及与]*?分别(?:为|是|达)$/;
const SERIES_SPAN = /((?:19|20)\d{2})\s*年?\s*[—–\-~～至到]\s*((?:19|20)\d{2})\s*年[^。；;！？、和及与]*?分别(?:为|是|达)$/;

/**
 * A list of one rate's values by year after `YYYY年以来` or `YYYY—YYYY年` gives each value its year, in order
 * (a span must have as many years as values): the last is last year's when the next figure is this year's.
 */
function yearSeries(norm: string, quantities: readonly Quantity[], out: Annotation[]): void {
  for (let k = 0; k < out.length; k++) {
    const a = out[k];
    if (a.role !== 'rate' || !a.name || !/分别(?:为|是|达)$/.test(quantities[k].before.replace(/\s+/g, ''))) continue;
    let end = k;
    while (end + 1 < out.length && out[end + 1].role === a.role && out[end + 1].name === a.name && /^\s*、\s*$/.test(norm.slice(quantities[end].end, quantities[end + 1].figureStart))) end++;
    const n = end - k + 1;
    if (n < 2) continue;
    let from = quantities[k].figureStart;
    while (from > 0 && quantities[k].figureStart - from < 60 && !/[。；;！？!?]/.test(norm[from - 1])) from--;
    const lead = norm.slice(from, quantities[k].figureStart).replace(/\s+/g, '');
    const span = SERIES_SPAN.exec(lead);
    const since = span ? null : SERIES_SINCE.exec(lead);
    const found = span ?? since;
    if (!found) continue;
    const first = Number(found[1]);
    if (span && Number(span[2]) - first + 1 !== n) continue;
    for (let j = k; j <= end; j++) {
      out[j].year = first + (j - k);
      if (!out[j].metric) out[j].metric = a.metric;
    }
    k = end;
  }
}
