// Relations between the figures of one paragraph, each read as its writer
// meant it: a rate and the counts it is made of, a share and its whole, a
// total and its parts, a growth, a difference or percentage points and the two
// years' figures, an average and its total and period. A relation is judged
// against every plausible reading (every accepted base of a rate, every total
// a share may be of, every list a breakdown may be); it fails only when none
// gives the stated figure, and it may be flagged only when one reading is
// certain (see `certain`). Failing or not, relations are kept for hovers.
import type { ReportDocument } from '../document';
import { parseChineseNumber } from '../numerals';
import { withoutSharedWords, type Figure } from './annotate';
import { withoutPinyin } from './quantities';
import { coversPartition, DIFFERENCES, PARTITIONS, INDICATORS, indicatorFor, isBaseOf, isNumeratorOf, matchesWord, verbOf, VERBS, type Indicator } from './indicators';

export type RelationKind = 'rate' | 'share' | 'shares' | 'sum' | 'subset' | 'growth' | 'difference' | 'points' | 'average';

export interface Relation {
  kind: RelationKind;
  /** rate, share: the percentage; sum: the total; subset: the whole; growth, difference, points, average: the stated figure. */
  anchor: Figure;
  /** The figures of the reading shown first (the certain one when there is one). */
  members: Figure[];
  /** sum: the text says the parts are all of it (分别为, 其余, 已…/未…, a trailing 共计). */
  complete: boolean;
  /** Some reading gives the stated figure. */
  holds: boolean;
  /** A reading the text makes certain (a catalogue base, the only candidate, a named whole): a failing relation is reported only then. */
  certain: boolean;
  /** The value computed from the reading shown first. */
  computed: number;
  /** The arithmetic of the reading shown first, in Chinese. */
  explanation: string;
  /** Every reading tried, for the hover. */
  readings: string[];
  /** The value of the one certain reading, when there is exactly one: only then may a fix rewrite the stated figure. */
  certainValue: number | null;
  /** subset: how many times the whole the part may be (more than 1 where carried-over work may be closed too). */
  slack?: number;
}

/**
 * Closing counts may exceed the intake of the period (cases carried over are closed too, so a court's 结案率 can
 * pass 100%), but not by half again: past that the figure is a slip, not old cases.
 */
const CARRY_OVER_SLACK = 1.5;

/** Figures in one statement are never more than this in prose a reader checks; past it, the statement is skipped (keeps the work linear). */
const MAX_FIGURES_PER_STATEMENT = 60;
/** A breakdown or a rate looks back at most this many statements of its paragraph. */
const LOOK_BACK_STATEMENTS = 2;

export function formatNumber(n: number, decimals = 2): string {
  if (Number.isInteger(n)) return String(n);
  const fixed = n.toFixed(decimals);
  // Trailing zeros of a fixed-point string (at most a few characters).
  let end = fixed.length;
  while (end > 0 && fixed[end - 1] === '0') end--;
  if (fixed[end - 1] === '.') end--;
  return fixed.slice(0, end);
}

const EPSILON = 1e-9;

/** The interval a stated percentage (or per-thousand, or points, or average) stands for: rounded or truncated at its last digit. */
function statedInterval(stated: Figure, widen: boolean): [number, number] {
  const s = stated.value;
  const u = stated.percent || stated.permille || stated.role === 'points' ? 10 ** -stated.decimals : stated.step;
  if (widen || stated.loose) return [Math.min(s * 0.9, s - u), Math.max(s * 1.1, s + u)];
  // 100% says numerator = denominator; 0% says nothing was: no rounding up to them.
  if ((stated.percent || stated.permille) && s === 100) return [100, 100 + u];
  if ((stated.percent || stated.permille) && s === 0) return [0, 0];
  return [s - u / 2, s + u];
}

function agrees(stated: Figure, lo: number, hi: number, widen: boolean): boolean {
  const [slo, shi] = statedInterval(stated, widen);
  return hi >= slo - EPSILON && lo < shi - EPSILON * 0 + (shi === slo ? EPSILON : 0);
}

function ratio(num: Figure, den: Figure, scale: number): [number, number] | null {
  if (den.hi <= 0) return null;
  return [(num.lo / den.hi) * scale, (num.hi / Math.max(den.lo, EPSILON)) * scale];
}

interface Paragraph {
  doc: ReportDocument;
  figures: Figure[];
  /** Figures per statement of the paragraph, in order. */
  statements: Figure[][];
  /** The statement (index into `statements`) of each figure, by figure index. */
  statementOf: Map<Figure, number>;
  /** Where each figure stands in `figures`: looked up, not searched, so that a long paragraph stays linear. */
  positionOf: Map<Figure, number>;
  lineStart: number;
  norm: string;
  /** The latest year a figure of the paragraph is given for. */
  year: number | null;
}

/** Last year's figure, or one of a year before the paragraph's latest: not a figure of the period the paragraph reports. */
const otherPeriod = (p: Paragraph, f: Figure) => f.previousPeriod || (f.year !== null && p.year !== null && f.year < p.year);

const isCount = (f: Figure) => !f.percent && !f.permille && !f.range && f.unit !== '个百分点' && f.unit !== '个千分点' && f.role === 'count';

/** Figures of the statement of `f` and of the statements before it in the paragraph, nearest first. */
function scopeBefore(p: Paragraph, f: Figure, back = LOOK_BACK_STATEMENTS): Figure[] {
  const s = p.statementOf.get(f)!;
  const out: Figure[] = [];
  for (let k = s; k >= Math.max(0, s - back); k--) {
    for (const g of [...p.statements[k]].reverse()) if (g.index < f.index) out.push(g);
  }
  return out;
}

// ——— sums: a total and its parts ———

// A part said to be a whole (`共…`) starts another list; 累计 (`累计完成`) is how parts are written too.
const PART_STOP = /共计|合计|总计|总共|一共/;
const COMPLETE_WORDS = /^(?:其他|其它|其余|剩余|另有|另外)/;

// What opens a breakdown: 其中, 包括, 分别为, and the headings of a split (`按经营地统计，`, `从诉求类型来看，`, `分税种看：`).
const BREAKDOWN = /其中|从中|包括|分别为|分类[：:]|(?:按|从|分)[\u4e00-\u9fff]{1,8}?(?:统计|划分|分|来看|看)[，,：:]/g;

const OPENING_SPLIT = /(?:^|[。；;])\s*([\u4e00-\u9fff]{2,12}?)中[，,：:]/g;

/** `年末户籍人口中` → `户籍人口`: the words a split names, without its time and place. */
function wordsBeforeIn(word: string): string {
  return word.slice(0, -1).replace(/^(?:年末|年底|全年|本周|本月|本年|当年|今年|全市|全省|全区|全县|全国|所|本周所|本月所)+/, '').replace(/^(?:受理|收到)?的?/, '');
}

/** Where breakdowns open in a line: the markers, and right after a total said to be the one the list is in (`70个大中城市中，`). */
function breakdownMarkers(p: Paragraph): { at: number; word: string }[] {
  const markers: { at: number; word: string }[] = [];
  BREAKDOWN.lastIndex = 0;
  for (let m = BREAKDOWN.exec(p.norm); m; m = BREAKDOWN.exec(p.norm)) markers.push({ at: m.index, word: m[0] });
  for (const f of p.figures) {
    const tail = /^[^，,；;。]{0,8}中[，,：:]/.exec(p.doc.norm.slice(f.end, f.end + 12));
    if (f.total && tail) markers.push({ at: f.end - p.lineStart + tail[0].length - 1, word: '中' });
  }
  // A sentence that opens on what it splits (`收案中，`, `年末户籍人口中，`, `本周所受理的市民诉求中，`).
  OPENING_SPLIT.lastIndex = 0;
  for (let m = OPENING_SPLIT.exec(p.norm); m; m = OPENING_SPLIT.exec(p.norm)) markers.push({ at: m.index + m[0].length - 2, word: m[1] + '中' });
  return markers.sort((a, b) => a.at - b.at);
}

/** `共N件，其中A件，B件…` (also across a sentence end), and `…N件（A件，B件）`. */
function breakdowns(p: Paragraph, claimed: Set<Figure>): Relation[] {
  const out: Relation[] = [];
  const markers = breakdownMarkers(p);
  markers.forEach(({ at, word }, k) => {
    const pos = p.lineStart + at;
    const after = p.figures.filter((f) => f.figureStart > pos);
    const first = after[0];
    const nextAt = k + 1 < markers.length ? markers[k + 1].at : -1;
    // A count said to be a whole (`…组共22家：…`) opens no list of parts, unless it closes its `；` item: then it is
    // a part that sums its own (`其中各级实体平台共计服务1601人次；通过热线…996人次`).
    if (!first || (saysWhole(first) && !closesItem(p, first))) return;
    const heading = !/^(?:其中|从中|包括|分别为|中)$/.test(word) && !word.endsWith('中');
    // The breakdown lives at the marker's depth: `375件（其中…74件）` lists inside the parentheses only.
    const depth = depthAt(p.norm, at);
    const firstVerb = verbOf(first.metric);
    // The total: a count before the marker in this statement or the one before, at most as deep, not a change, a
    // rate or a target; the one that counts what the parts count (派单 for 派单), else the one said to be a total, else the nearest.
    // A heading of a split (`从性别构成看，`) splits the paragraph's whole, which may be several sentences back.
    const fits = (f: Figure) => f.figureStart < pos && isCount(f) && !f.negated && !otherPeriod(p, f) && f.depth <= depth;
    let candidates = scopeBefore(p, first, heading ? p.statements.length : 1).filter(fits);
    // A floor (`经济总量突破1600亿元大关。其中，…`) is no whole of parts when the figure itself is given a statement
    // before (`地区生产总值1605.1亿元`).
    if (candidates.length && candidates.every((f) => f.hi === Infinity)) {
      const given = scopeBefore(p, first, LOOK_BACK_STATEMENTS).filter((f) => fits(f) && f.hi !== Infinity && f.unit === first.unit);
      if (given.length) candidates = given;
    }
    // A count just before the marker (`…来电8947个，其中转办2274件`) is its total, in a unit of the same family.
    // (Also across a sentence end: `共接听532次。其中：政策咨询341件…`.)
    // (A gloss of the unit in between is no word: `46983件（次），其中电话46908个`.)
    const adjacent = candidates[0] && /^[\s，,：:。]*(?:[（(][^）)]{0,3}[）)][\s，,：:。]*)?$/.test(p.doc.norm.slice(candidates[0].end, pos)) && sameFamily(candidates[0].unit, first.unit) ? candidates[0] : undefined;
    const exactUnit = candidates.filter((f) => f.unit === first.unit);
    const sameUnit = exactUnit.length ? exactUnit : candidates.filter((f) => sameFamily(f.unit, first.unit));
    // `收案中，一审案件…`: the total is the count of what the words before 中 name, else one of the usual.
    const named = word.length > 2 && word.endsWith('中') ? wordsBeforeIn(word) : '';
    const totals = (named ? sameUnit.filter((f) => f.hi >= first.lo && (f.metric.includes(named) || named.includes(f.metric.replace(/^[^\u4e00-\u9fff]+/, '')))) : []).concat(sameUnit.filter((f) => !named || f.hi >= first.lo));
    const head = first.metric.slice(-2);
    // The whole of a split is at least each part: the largest of its kind (or any) in the paragraph.
    const largest = (list: Figure[]) => list.reduce<Figure | undefined>((a, b) => (!a || b.value > a.value ? b : a), undefined);
    // A heading links its parts loosely: only a count at least as large as the first part can be their whole
    // (else the whole is not in the text: `从性别构成看，男性…女性…` after only births and deaths).
    const total = heading
      ? totals.find((f) => f.total && f.hi >= first.lo) ?? largest(totals.filter((f) => f.hi >= first.lo))
      : adjacent ??
        ((firstVerb && totals.find((f) => verbOf(f.metric) === firstVerb)) || (head.length === 2 && totals.find((f) => f.metric.includes(head))) || totals.find((f) => f.total) || totals[0]);
    if (!total) return;
    const stopAt = nextAt >= 0 ? p.lineStart + nextAt : Infinity;
    const firstStatement = p.statementOf.get(first)!;
    const parts: Figure[] = [];
    let complete = word === '分别为' || /分别/.test(p.doc.norm.slice(pos, first.figureStart));
    // A figure of another unit between two parts (`来访95件127人次`) may stand for a member the list leaves out;
    // one after the last part (`…行政案件46件，受援人数达18028人次`) is another fact.
    let skippedUnit = false;
    let skippedBetween = false;
    for (const f of after) {
      if (f.figureStart >= stopAt || p.statementOf.get(f)! !== firstStatement || f.depth < depth) break;
      if (f.role !== 'count' && f.role !== 'points') continue; // shares, rates and growths between the parts are not parts
      if (f.role === 'points' || f.range || otherPeriod(p, f)) continue;
      if (f.depth > depth) continue; // a nested breakdown's members
      if (!sameFamily(f.unit, total.unit)) {
        if (parts.length) skippedUnit = true;
        continue;
      }
      if (parts.length && (PART_STOP.test(f.before.replace(/累计/g, '')) || saysWhole(f)) && !(saysWhole(parts[0]) && closesItem(p, f))) break;
      // A later step of the same work ends the list: 审结 after 受理, 办结 after 转办 are no parts of the total
      // (they are within the parts before them); other verbs (办理…, 参与…) may each name a part.
      // (A count named before its verb, like a part before it of the same verb, is another item of theirs:
      // `省转办49件次，市本级登记办理103件次，县登记办理18件次`.)
      if (parts.some((g) => laterStep(g, f)) && !(clauseVerb(f.metric) === null && parts.some((g) => g.metric !== f.metric && verbOf(g.metric) === verbOf(f.metric)))) break;
      // A clause with its own verb after parts that were only named (`…收入866万元，…68万元；完成…支出4093万元`)
      // says something else.
      // (A verb inside a name, `行政处罚权事项`, is no clause of its own: the clause opens with its verb.)
      if (parts.length && clauseVerb(f.metric) && parts.every((g) => clauseVerb(g.metric) === null)) break;
      // A category named again starts a second list (`上涨…持平…下降…；二手住宅…上涨…下降…`).
      // (The member a name holds is its longest: 不满意 is not 满意 named again, 非税收入 not 税收.)
      // (Named again: the same member with the same words after it — 行政许可事项 and 行政处罚权事项 are two items.)
      if (parts.length && PARTITIONS.some((members) => { const m = memberNamed(f.metric + f.after, members); return m !== null && parts.some((g) => memberNamed(g.metric + g.after, members) === m && sameAfter(f.metric + f.after, g.metric + g.after, m)); })) break;
      // Parts that already make up a partition (税收 and 非税) are the whole list, when what follows is another
      // item of a `；` list (`…；政府性基金预算收入…`), not one more member of theirs (`…、法律帮助804宗`).
      if (parts.length >= 2 && f.segment !== parts[parts.length - 1].segment && coversPartition(parts.map((g) => g.metric + g.after))) break;
      if (COMPLETE_WORDS.test(f.metric)) complete = true;
      if (skippedUnit) skippedBetween = true;
      parts.push(f);
    }
    if (parts.length === 0) return;
    if (parts.some((f) => f.done) && parts.some((f) => f.negated)) complete = true;
    // Parts that name every member of a partition (城镇 and 乡村; 刑事, 民事 and 行政), and nothing else, are all of the total.
    if (parts.length >= 2 && coversPartition(parts.map((f) => f.metric + f.after)) && parts.every((f) => PARTITIONS.some((m) => m.some((x) => (f.metric + f.after).includes(x))) || /^非/.test(f.metric))) complete = true;
    // `1400个事项具备全程网办能力；1839个事项具备…能力`: what sets the parts apart is said after them, as
    // properties, which may overlap; such parts are each within the total, never summed.
    if (parts.length >= 2 && parts.filter((f) => f.metric === '' && verbOf(f.after) !== null || /具备|具有|实现|达到|符合|开通|纳入/.test(f.after)).length >= 2) {
      claimed.add(total);
      for (const f of parts) out.push(subsetRelation(total, f, true));
      return;
    }
    // `投诉举报42.21万件…投诉31.37万件，举报9.04万件`, `行政许可案卷、行政处罚案卷共97卷（其中…）`: parts the total
    // names one by one are all of it.
    if (parts.length >= 2 && namedByTotal(p, total, parts)) complete = true;
    if (skippedBetween) complete = false;
    // (A breakdown inside parentheses, `共有375件（其中…74件）`, leaves the total free for the split around them.)
    if (depth === total.depth) claimed.add(total);
    out.push(parts.length === 1 ? subsetRelation(total, parts[0], true) : sumRelation(total, parts, complete));
  });
  // Parenthesised breakdowns: `245件（刑事189件，民事55件，行政1件）`, `36026件（含提供法律援助案件2994件）`.
  for (const f of p.figures) {
    if (!isCount(f)) continue;
    const open = /^\s*[（(]/.exec(p.doc.norm.slice(f.end, f.end + 3));
    if (!open) continue;
    const inside: Figure[] = [];
    for (const g of p.figures) {
      if (g.figureStart <= f.end) continue;
      if (g.depth <= f.depth) break;
      if (g.depth === f.depth + 1 && isCount(g) && g.unit === f.unit && !otherPeriod(p, g) && g.year === null) inside.push(g);
    }
    if (inside.length === 0) continue;
    const head = p.doc.norm.slice(f.end + open[0].length, inside[0].figureStart);
    if (inside.length === 1) {
      if (/含|其中|包括/.test(head)) out.push(subsetRelation(f, inside[0], true));
      continue;
    }
    if (/其中/.test(head) && out.some((r) => r.anchor === f)) continue;
    out.push(sumRelation(f, inside, /分别/.test(head) || inside.some((g) => COMPLETE_WORDS.test(g.metric)) || coversPartition(inside.map((g) => g.metric + g.after))));
  }
  return out;
}

/** 共, 合计, 总计 before a count (累计 is how parts are written too; 公共 is no 共). */
function saysWhole(f: Figure): boolean {
  return /共|合计|总计/.test(withoutSharedWords(f.before.replace(/累计/g, '')));
}

/** The figure after `f` in the paragraph, if any. */
function nextFigure(p: Paragraph, f: Figure): Figure | undefined {
  return p.figures[p.positionOf.get(f)! + 1];
}

/** The next figure of the paragraph is in another `；` item or statement (or there is none): `f` ends its item. */
function closesItem(p: Paragraph, f: Figure): boolean {
  const next = nextFigure(p, f);
  return !next || next.line !== f.line || next.segment !== f.segment;
}

/** Every part's name is written in the words just before the total (its statement, at most 40 characters back). */
function namedByTotal(p: Paragraph, total: Figure, parts: Figure[]): boolean {
  const lead = sentenceLead(p.doc.norm, total.figureStart, p.lineStart, 40).replace(/\s+/g, '');
  const names = parts.map((f) => f.metric.replace(/\s+/g, '').replace(/^(?:其中|包括|分别为|分别是)[，,：:]?/, ''));
  if (new Set(names).size !== names.length) return false;
  return names.every((n) => n.length >= 2 && lead.includes(n) && !names.some((o) => o !== n && o.includes(n)));
}

/** The words of the sentence before `at`: at most `max` characters back, not before `floor`, from the last 。！？. */
function sentenceLead(norm: string, at: number, floor: number, max: number): string {
  const window = norm.slice(Math.max(floor, at - max), at);
  return window.slice(Math.max(window.lastIndexOf('。'), window.lastIndexOf('！'), window.lastIndexOf('？')) + 1);
}

/** Two names go on alike after a member they share (`上涨的城市个数为`, `行政案件`). */
function sameAfter(a: string, b: string, member: string): boolean {
  const tail = (x: string) => x.slice(x.indexOf(member.replace(/^非/, '')) + member.replace(/^非/, '').length).slice(0, 2);
  const [ta, tb] = [tail(a), tail(b)];
  return ta === tb || ta === '' || tb === '' || !/[\u4e00-\u9fff]/.test(ta) || !/[\u4e00-\u9fff]/.test(tb) || ta[0] === tb[0];
}

/** The member of a partition a name holds: the longest one it contains (不满意, not 满意). */
function memberNamed(name: string, members: string[]): string | null {
  let best: string | null = null;
  for (const m of members) if (name.includes(m) && (best === null || m.length > best.length)) best = m;
  // 非税 names the complement of 税收: a member of its own.
  if (best !== null && name.includes('非' + best.slice(0, 1))) return '非' + best;
  return best;
}

/** The verb a clause opens with (`完成政府性基金支出` → 完成), not one inside a name (`污水处理费收入`). */
function clauseVerb(metric: string): string | null {
  const cached = clauseVerbCache.get(metric);
  if (cached !== undefined) return cached;
  // (One character before the verb only when it is an adverb of the verb — 已办结, 共受理, 另转办 — not a name: 省交办.)
  const verb = CLAUSE_VERBS.find((v) => metric.startsWith(v) || (CLAUSE_ADVERBS.has(metric[0]) && metric.startsWith(v, 1))) ?? null;
  // Bounded like verbOf's cache: metrics repeat within and across reports.
  if (clauseVerbCache.size > 20000) clauseVerbCache.clear();
  clauseVerbCache.set(metric, verb);
  return verb;
}

const clauseVerbCache = new Map<string, string | null>();

/** Adverbs a clause's verb may follow (`已办结`, `共受理`, `另转办`, `均完成`). */
const CLAUSE_ADVERBS = new Set(['已', '共', '另', '又', '还', '并', '均', '再', '累', '总', '全', '新', '直', '先', '后', '现', '依', '年', '月', '日', '周', '季']);

/** Verbs that open a clause of a report's figures, beyond the catalogue's acts (`完成…收入`, `实现…产值`). */
const CLAUSE_VERBS = [...VERBS, '完成', '实现'];

/**
 * `part` counts a later step of the work `earlier` counts (审结 of 受理, 办结 of 转办): one is within the other.
 * A count larger than the one it would be a step of, and named before its verb, is none: it is the next item
 * (`中、省转办47件次，市本级登记办理130件次`: 130 办理 cannot be of 47 转办). A count whose clause opens with the
 * verb (`办结9715件`) is still a step, of the total if not of the part.
 */
function laterStep(earlier: Figure, part: Figure): boolean {
  const v = verbOf(part.metric);
  const w = verbOf(earlier.metric);
  if (!v || !w || v === w) return false;
  if (part.lo > earlier.hi + EPSILON && clauseVerb(part.metric) === null) return false;
  return INDICATORS.some((i) => i.numerator.length > 0 && isNumeratorOf(i, part.metric) && isBaseOf(i, earlier.metric));
}

/** Measure words that count the same things (`来电8947个，其中转办2274件`; 信访 counts 件次 and 件 alike). */
const COUNT_FAMILY = new Set(['件', '件次', '个', '起', '宗', '单', '条', '例', '次', '封', '通']);

function sameFamily(a: string, b: string): boolean {
  return a === b || (COUNT_FAMILY.has(a) && COUNT_FAMILY.has(b));
}

/** Parenthesis depth at an offset of a line. */
function depthAt(text: string, at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
  }
  return depth;
}

/** `A起，B起，共计N起`: a total after its parts. */
function trailingTotals(p: Paragraph, claimed: Set<Figure>): Relation[] {
  const out: Relation[] = [];
  for (const statement of p.statements) {
    statement.forEach((t, i) => {
      if (!isCount(t) || claimed.has(t) || !/^(?:共计|合计|总计|总共|共)/.test(t.before.replace(/^[，,\s]+/, ''))) return;
      const parts: Figure[] = [];
      let verb: string | null | undefined;
      for (let j = i - 1; j >= 0; j--) {
        const g = statement[j];
        if (!isCount(g) || claimed.has(g) || g.depth !== t.depth || g.unit !== t.unit || g.total) break;
        const v = verbOf(g.metric);
        if (verb === undefined) verb = v;
        else if (v && verb && v !== verb) break;
        parts.unshift(g);
      }
      if (parts.length < 2) return;
      out.push(sumRelation(t, parts, true));
      claimed.add(t);
    });
  }
  return out;
}

const CLOSING = /^(?:办结|审结|结案|执结|化解|办理完毕|完成)$/;

/** `共20件，已化解17件，还有3件未化解`: a total and its done / not-done complements. */
function complements(p: Paragraph, claimed: Set<Figure>): Relation[] {
  const out: Relation[] = [];
  for (const statement of p.statements) {
    statement.forEach((total, i) => {
      if (!isCount(total) || claimed.has(total)) return;
      const later = statement.slice(i + 1).filter((g) => isCount(g) && g.unit === total.unit && g.depth === total.depth && !claimed.has(g));
      // Done: said so (已…, `320件已完成`), or counted by a closing verb (办结, 审结, 化解); not done: 未…, 正在办理, 办理中.
      const done = later.find((g) => !g.negated && (g.done || /^\s*已/.test(g.after) || CLOSING.test(verbOf(g.metric) ?? '')));
      // A whole the text does not call one (`受理省派工单2917件，已处理完毕2349件，正在办理658件`) is the count right before the pair.
      if (!total.total && (!done || statement[i + 1] !== done || done.lo > total.hi || /其中|包括|分别/.test(p.doc.norm.slice(statementStartOffset(p, statement), total.figureStart)))) return;
      const notDone = later.find((g) => g !== done && (g.negated || /正在|在办|办理中/.test(g.before + g.after.slice(0, 4))));
      if (!done || !notDone) return;
      out.push(sumRelation(total, [done, notDone], true));
      claimed.add(total);
    });
  }
  return out;
}

/**
 * `受理热线工单506件。交办相关二级责任单位495件，县热线办直办11件`: counts right after a total, in its
 * statement or the next, that name every member of a partition (直办 and 交办, 直接答复 and 转办) are parts
 * of it, though no 其中 says so. Such a split may leave some out, so only parts that exceed the total are wrong.
 */
function partitionLists(p: Paragraph, claimed: Set<Figure>, existing: Relation[]): Relation[] {
  const out: Relation[] = [];
  if (!p.figures.some((f) => f.total)) return out;
  // The figures of other relations, with the wholes they were read under.
  const inRelation = new Map<Figure, Figure[]>();
  for (const r of existing) for (const m of r.members) inRelation.set(m, [...(inRelation.get(m) ?? []), r.anchor]);
  p.figures.forEach((total, i) => {
    // Only a count the text calls a whole (`共受理…506件`): a count among others is no total of the next ones.
    // (A whole split another way too, `工单分类：…`, is still the whole of this split.)
    if (!isCount(total) || !total.total || otherPeriod(p, total)) return;
    const k = p.statementOf.get(total)!;
    const run: Figure[] = [];
    for (let j = i + 1; j < p.figures.length; j++) {
      const f = p.figures[j];
      const s = p.statementOf.get(f)!;
      if (s > k + 1) break;
      if (!isCount(f)) continue;
      // (A member read under this same total already, by a breakdown that stopped short — `其中直接答复430件，受理转办…`
      // ends at the verb 受理 — is still one.)
      if (!sameFamily(f.unit, total.unit) || otherPeriod(p, f) || f.depth !== total.depth || inRelation.get(f)?.some((w) => w !== total)) break;
      run.push(f);
      if (run.length >= 2 && coversPartition(run.map((g) => g.metric))) break;
    }
    if (run.length < 2 || !coversPartition(run.map((g) => g.metric)) || !run.every((g) => PARTITIONS.some((m) => m.some((x) => g.metric.includes(x))))) return;
    claimed.add(total);
    out.push(sumRelation(total, run, false));
  });
  return out;
}

/**
 * `共办理315019件，比去年同期增加123232件。其中区政务中心办理183717件（比去年增加50209件），…`: when the total and
 * every part state their change on last year, the changes split as the figures do. A breakdown is all of its total
 * when the text says so, or when either the figures or the changes add up exactly (by chance one list might; both
 * lists of a partial breakdown would not): the other must then add up too. Changes are signed (增收1284万元 and
 * 减收2354万元 make 减收1070万元); a partial list says nothing of them.
 */
function changeSplits(p: Paragraph, sums: Relation[]): Relation[] {
  const out: Relation[] = [];
  // The change stated after a figure, before the next part and any other count (a share or a growth may come between).
  const changeAfter = (f: Figure, before: number) => {
    for (let i = p.positionOf.get(f)! + 1; i < p.figures.length; i++) {
      const g = p.figures[i];
      if (g.index >= before || p.statementOf.get(g) !== p.statementOf.get(f) || g.role === 'count') return undefined;
      if (g.role === 'difference') return g.direction && g.unit === f.unit ? g : undefined;
    }
    return undefined;
  };
  for (const r of sums) {
    if (r.kind !== 'sum' || r.members.length < 2) {
      out.push(r);
      continue;
    }
    const parts = r.members;
    const totalChange = changeAfter(r.anchor, parts[0].index);
    const changes = parts.map((f, i) => changeAfter(f, i + 1 < parts.length ? parts[i + 1].index : Infinity));
    if (!totalChange || changes.some((c) => !c)) {
      out.push(r);
      continue;
    }
    const signed = (c: Figure): [number, number] => (c.direction === 'up' ? [c.lo, c.hi] : [-c.hi, -c.lo]);
    const [tlo, thi] = signed(totalChange);
    const lo = changes.reduce((n, c) => n + signed(c!)[0], 0);
    const hi = changes.reduce((n, c) => n + signed(c!)[1], 0);
    const changesAdd = lo <= thi + EPSILON && hi >= tlo - EPSILON;
    const figuresAdd = parts.reduce((n, f) => n + f.lo, 0) <= r.anchor.hi + EPSILON && parts.reduce((n, f) => n + f.hi, 0) >= r.anchor.lo - EPSILON;
    const complete = r.complete || changesAdd || figuresAdd;
    out.push(complete && !r.complete ? sumRelation(r.anchor, parts, true) : r);
    if (!complete) continue;
    const value = (c: Figure) => (c.direction === 'up' ? c.value : -c.value);
    const computed = changes.reduce((n, c) => n + value(c!), 0);
    const shown = (n: number) => (n < 0 ? `−${formatNumber(-n)}` : formatNumber(n));
    const explanation = `${changes.map((c, i) => (i === 0 ? shown(value(c!)) : value(c!) < 0 ? `− ${formatNumber(-value(c!))}` : `+ ${formatNumber(value(c!))}`)).join(' ')} = ${shown(computed)}，总数的变化为 ${shown(value(totalChange))} ${changesAdd ? '✓' : '✗'}`;
    out.push({ kind: 'sum', anchor: totalChange, members: changes as Figure[], complete: true, holds: changesAdd, certain: true, computed, explanation, readings: [explanation], certainValue: null });
  }
  return out;
}

function sumRelation(total: Figure, parts: Figure[], complete: boolean): Relation {
  const lo = parts.reduce((n, q) => n + q.lo, 0);
  const hi = parts.reduce((n, q) => n + q.hi, 0);
  const computed = parts.reduce((n, q) => n + q.value, 0);
  const over = lo > total.hi + EPSILON;
  const under = complete && hi < total.lo - EPSILON;
  // A later count pulled into the list: if the first parts alone make the total and the rest are not
  // parallel to them (said done, or not done, or of another verb), the list ends there.
  let prefixFits = false;
  if (over) {
    let plo = 0;
    let phi = 0;
    for (let k = 0; k < parts.length - 1 && !prefixFits; k++) {
      plo += parts[k].lo;
      phi += parts[k].hi;
      const rest = parts.slice(k + 1);
      const apart = rest.every((r) => r.done || r.negated || (verbOf(r.metric) !== null && verbOf(r.metric) !== verbOf(parts[0].metric)));
      if (k >= 1 && apart && plo <= total.hi + EPSILON && phi >= total.lo - EPSILON) prefixFits = true;
    }
  }
  const holds = (!over || prefixFits) && !under;
  const sign = computed === total.value ? '=' : computed > total.value ? '>' : '<';
  const explanation = `${parts.map((q) => formatNumber(q.value)).join(' + ')} = ${formatNumber(computed)} ${sign} ${formatNumber(total.value)}（总数）${holds ? '✓' : '✗'}`;
  return { kind: 'sum', anchor: total, members: parts, complete, holds, certain: true, computed, explanation, readings: [explanation], certainValue: null };
}

function subsetRelation(whole: Figure, part: Figure, certain: boolean, slack = 1): Relation {
  const holds = part.lo <= whole.hi * slack + EPSILON;
  const limit = slack === 1 ? formatNumber(whole.value) : `${formatNumber(whole.value)} × ${slack}`;
  const explanation = `${formatNumber(part.value)} ${part.value <= whole.value * slack ? '≤' : '>'} ${limit} ${holds ? '✓' : '✗'}`;
  return { kind: 'subset', anchor: whole, members: [part], complete: false, holds, certain, computed: part.value, explanation, readings: [explanation], certainValue: null, slack };
}

// ——— subsets by meaning: what was done cannot exceed what came in ———

const CARRY_OVER = /结转|旧存|上年未结|往年|积存|存量|历年|此前|以前年度|旧案/;

function verbSubsets(p: Paragraph, existing: Relation[]): Relation[] {
  const out: Relation[] = [];
  if (CARRY_OVER.test(p.norm)) return out;
  const markers = breakdownMarkers(p);
  for (const statement of p.statements) {
    for (let i = 0; i < statement.length; i++) {
      const whole = statement[i];
      if (!isCount(whole) || whole.negated || otherPeriod(p, whole)) continue;
      // After 其中 in its statement a count is a part of something, not a whole of the next part.
      const start = statementStartOffset(p, statement) - p.lineStart;
      if (!whole.total && markers.some((m) => m.at >= start && m.at + p.lineStart < whole.figureStart)) continue;
      for (let j = i + 1; j < statement.length; j++) {
        const part = statement[j];
        if (!isCount(part) || part.unit !== whole.unit || part.negated || otherPeriod(p, part)) continue;
        if (existing.some((r) => (r.anchor === whole && r.members.includes(part)) || (r.kind === 'sum' && r.members.includes(whole) && r.members.includes(part)))) continue;
        const found = subsetIndicator(whole, part);
        // A 共 before a list of clauses (`共接到…13件；接收…15件；…`) covers the list, not its first item.
        if (!found || /[；;]/.test(p.doc.norm.slice(whole.end, part.figureStart))) continue;
        // The whole is one the text states as such (共, 累计, 合计), or, for a subset by definition (调解成功 of
        // 受理调解; 审结 of 受理 with room for old cases), the count right before the part; a count among parallel
        // counts is no whole of a later one.
        const adjacent = j === i + 1 || statement.slice(i + 1, j).every((g) => !isCount(g));
        if (!whole.total && !adjacent) continue;
        out.push(subsetRelation(whole, part, true, found.slack));
        break;
      }
    }
  }
  return out;
}

/** An indicator that says `part` is a subset of `whole` by definition (纠错 of 审结, 败诉 of 审结, 办结 of a total 受理…). */
function subsetIndicator(whole: Figure, part: Figure): { indicator: Indicator; slack: number } | null {
  const w = verbOf(whole.metric);
  const v = verbOf(part.metric);
  if (!w || !v || w === v) return null;
  let open: Indicator | null = null;
  for (const indicator of [...isNumeratorOfAny(part.metric)]) {
    if (!isBaseOf(indicator, whole.metric)) continue;
    // Closing counts may exceed intake (old cases closed this year), except what is said to be done of it.
    if (indicator.bounded || part.done) return { indicator, slack: 1 };
    open ??= indicator;
  }
  return open ? { indicator: open, slack: CARRY_OVER_SLACK } : null;
}

function* isNumeratorOfAny(metric: string): Iterable<Indicator> {
  for (const indicator of INDICATORS) if (isNumeratorOf(indicator, metric)) yield indicator;
}

// ——— rates ———

const RATE_SCALE = (f: Figure) => (f.permille ? 1000 : 100);

/** A count the rate may be made of: its metric holds the rate's stem, or the indicator's numerator. */
function numeratorCandidates(p: Paragraph, rate: Figure, stem: string, indicator: Indicator | null, otherStems: string[]): { figure: Figure; certain: boolean; own: boolean }[] {
  const out: { figure: Figure; certain: boolean; own: boolean }[] = [];
  for (const f of scopeBefore(p, rate)) {
    // What was not done (`3件未化解`) is no numerator of the rate of what was; a numerator is stated near its rate
    // (in its `；` segment or the one before), not several items of a list away.
    // (Unless the catalogue's numerator says it: `27万件案件未再进入诉讼程序` is the 案结事了率's.)
    const negationNamed = f.negated && indicator !== null && indicator.numerator.some((w) => /^[未不没]/.test(w) && (f.metric + f.after).includes(w));
    if (!isCount(f) || (f.negated && !negationNamed) || otherPeriod(p, f) !== otherPeriod(p, rate)) continue;
    if (p.statementOf.get(f) === p.statementOf.get(rate) && f.segment < rate.segment - 1) continue;
    // What the count is of, written before it or after it (`有27万件案件未再进入诉讼程序`).
    const metric = f.metric + (f.after ? '|' + f.after : '');
    // `应结案数` is what was due, the base of a 结案率, not its numerator; `纳入解决率考核` names the rate, not a count of it.
    if (metric.includes('应' + stem) || metric.includes(rate.name) || (indicator !== null && indicator.bases.some((b) => b.length > stem.length && b.includes(stem) && metric.includes(b)))) continue;
    const own = stem.length >= 2 && metric.includes(stem);
    // The catalogue's words for the same act count too (结案 ← 审结, 办结; 网办 ← 网上办理).
    const catalogue = !own && indicator !== null && isNumeratorOf(indicator, metric) && (matchesWord(stem, verbOf(metric)) || indicator.names.some((n) => stem + '率' === n || stemOf(n) === stem));
    if (!own && !catalogue) continue;
    // A more specific rate of the same paragraph claims this count (按时结案 is the 按时结案率's, not the 结案率's).
    const claimedByOther = otherStems.some((s) => s.length > stem.length && s.includes(stem) && metric.includes(s));
    out.push({ figure: f, certain: !claimedByOther && (own || catalogue), own });
  }
  // A count named by the rate's own words (综合办结 for 综合办结率) is its numerator; other counts of the act
  // (在线办结) are not readings of it.
  const owned = stem.length >= 3 ? out.filter((x) => x.own) : [];
  return owned.length ? owned : out;
}

function rates(p: Paragraph, sums: Relation[]): Relation[] {
  const out: Relation[] = [];
  // The total each figure is a part of, from the breakdowns already read.
  const wholes = new Map<Figure, Figure>();
  for (const r of sums) for (const m of r.members) wholes.set(m, r.anchor);
  const rateFigures = p.figures.filter((f) => f.role === 'rate' && f.name);
  const stems = rateFigures.map((f) => stemOf(f.name));
  rateFigures.forEach((rate, r) => {
    const stem = stems[r];
    const indicator = indicatorFor(rate.name);
    const others = stems.filter((_, k) => k !== r);
    const numerators = numeratorCandidates(p, rate, stem, indicator, others);
    if (numerators.length === 0) return;
    const readings: { num: Figure; den: Figure; lo: number; hi: number; certain: boolean; ok: boolean }[] = [];
    const widen = rate.loose;
    for (const { figure: num, certain: numCertain } of numerators) {
      const dens = scopeBefore(p, rate).filter(
        (d) =>
          d !== num &&
          isCount(d) &&
          sameFamily(d.unit, num.unit) &&
          otherPeriod(p, d) === otherPeriod(p, num) &&
          !numerators.some((n) => n.figure === d) &&
          (!indicator?.bounded || d.hi >= num.lo - EPSILON) &&
          // A part of the numerator's own breakdown is no base of it.
          wholes.get(d) !== num &&
          // Across a `；` the items of a list are apart: a base there must be a whole the text states.
          (d.segment === num.segment || d.segment === rate.segment || d.total || [...wholes.values()].includes(d) || (indicator !== null && isBaseOf(indicator, d.metric) && p.statementOf.get(d) !== p.statementOf.get(rate))),
      );
      for (const den of dens) {
        const q = ratio(num, den, RATE_SCALE(rate));
        if (!q) continue;
        // A base the text gives only at a point of the period (年末人口 for a 出生率 of the year's average population).
        if (indicator?.baseSlack) [q[0], q[1]] = [q[0] / (1 + indicator.baseSlack), q[1] / (1 - indicator.baseSlack)];
        // A base is certain when the catalogue names it, or when the text makes it the whole (共…, or the total of a
        // breakdown the numerator is part of); the only count around is not enough for a rate the catalogue lacks
        // (出生人口 is no base of a 死亡率).
        const denCertain =
          (indicator !== null && isBaseOf(indicator, den.metric)) ||
          (indicator !== null && indicator.numerator.length > 0 && dens.length === 1) ||
          (indicator !== null && den.total && dens.filter((d) => d.total).length === 1) ||
          wholes.get(num) === den;
        // A rate whose base may hold what the text leaves out (a court's 结案率 counts old cases too) can only be
        // wrong by being too high: a stated rate below the one computed from the new cases alone may be right.
        // The text shows such old cases when it closed more than it received.
        const openBase = indicator !== null && !indicator.bounded && num.lo > den.hi && num.hi <= den.lo * 1.5;
        const ok = agrees(rate, q[0], q[1], widen || num.loose || den.loose) || (openBase && rate.value < q[0]);
        readings.push({ num, den, lo: q[0], hi: q[1], certain: numCertain && denCertain, ok });
      }
    }
    if (readings.length === 0) return;
    const good = readings.find((x) => x.ok);
    const certainReading = readings.find((x) => x.certain);
    const shown = good ?? certainReading ?? readings[0];
    const computed = ((shown.num.value / shown.den.value) * RATE_SCALE(rate));
    const sign = rate.permille ? '‰' : '%';
    const line = (x: (typeof readings)[number]) =>
      `${formatNumber(x.num.value)} / ${formatNumber(x.den.value)} = ${formatNumber((x.num.value / x.den.value) * RATE_SCALE(rate), Math.max(2, rate.decimals + 1))}${sign}（${x.num.metric || '?'} / ${x.den.metric || '?'}）${x.ok ? '✓' : '✗'}`;
    out.push({
      kind: 'rate',
      anchor: rate,
      members: [shown.num, shown.den],
      complete: true,
      holds: !!good,
      certain: !!certainReading,
      computed,
      explanation: `${formatNumber(shown.num.value)} / ${formatNumber(shown.den.value)} = ${formatNumber(computed, Math.max(2, rate.decimals))}${sign}，文中 ${formatNumber(rate.value, rate.decimals)}${sign} ${good ? '✓' : '✗'}`,
      readings: readings.map(line),
      certainValue: onlyCertain(readings, (x) => (x.num.value / x.den.value) * RATE_SCALE(rate)),
    });
  });
  return out;
}

/** The value of the single certain reading, or null when there are none or several. */
function onlyCertain<T extends { certain: boolean }>(readings: T[], value: (x: T) => number): number | null {
  const certain = readings.filter((x) => x.certain);
  return certain.length === 1 ? value(certain[0]) : null;
}

/** `调解成功率` → `调解成功`; `满意度` → `满意`. */
export function stemOf(name: string): string {
  return name.replace(/(?:率|比例|比重|度|占比|覆盖面)$/, '');
}

// ——— shares ———

const GENERIC_WHOLE = /^(?:总数|总量|总额|总计|全部|总|总体|案件总数|受理总数|总件数|全年)?$/;
const REGION_WHOLE = /全市|全省|全国|全区|全县|全镇|全乡|全部门|全系统|全行业/;

/** The count a share is of: named before 占 (`税收收入占…`), else the count just before it. */
function sharePart(p: Paragraph, share: Figure): Figure | undefined {
  const before = share.before.replace(/\s+/g, '');
  const at = before.lastIndexOf('占');
  const subject = at > 0 ? before.slice(0, at).replace(/^(?:其中|全年|全市)/, '') : '';
  if (subject.length >= 2) {
    const named = scopeBefore(p, share).find((f) => isCount(f) && (f.metric.includes(subject) || (f.metric.length >= 4 && subject.includes(f.metric))));
    if (named) return named;
  }
  const near = scopeBefore(p, share, 0).find((f) => f.role !== 'base' && !f.range && f.clause >= share.clause - 1 && !f.percent && !f.permille);
  // `4598个调解委员会，其中一类占88.5%`: the count before 其中 is the whole the share is of, not its part.
  if (near && /其中|包括|分别/.test(p.doc.norm.slice(near.end, share.figureStart))) return undefined;
  return near && isCount(near) ? near : undefined;
}

function shares(p: Paragraph): Relation[] {
  const out: Relation[] = [];
  const shareList = p.figures.filter((f) => f.role === 'share');
  const partOf = new Map(shareList.map((s) => [s, sharePart(p, s)] as const));
  // A count with a share of its own is a part of something, not the whole of another share.
  const parts = new Set([...partOf.values()].filter((f): f is Figure => !!f));
  for (const share of shareList) {
    const part = partOf.get(share);
    if (!part) continue;
    const wholeName = share.name.replace(/的$/, '');
    // `占年初预算10065万元的43.2%`: the whole is written in the share's own clause.
    const inClause = p.figures.find((f) => f.role === 'base' && f.clause === share.clause && f.line === share.line && f.index < share.index);
    // `占全市的X%` is of a whole the text need not give, unless it names a count of the text (`占全国就业人员比重`).
    const regionCore = wholeName.replace(REGION_WHOLE, '').replace(/(?:的)?(?:比重|比例)$/, '');
    const regionNamed = regionCore.length >= 2 && scopeBefore(p, part).some((f) => isCount(f) && f !== part && f.metric.replace(REGION_WHOLE, '').endsWith(regionCore));
    if (!inClause && REGION_WHOLE.test(wholeName) && !/总数|总量/.test(wholeName) && !regionNamed) continue;
    const candidates = inClause
      ? [inClause]
      : scopeBefore(p, part).filter((f) => isCount(f) && f !== part && !parts.has(f) && f.unit === part.unit && f.hi >= part.lo - EPSILON && otherPeriod(p, f) === otherPeriod(p, part));
    if (candidates.length === 0) continue;
    const generic = GENERIC_WHOLE.test(wholeName.replace(/^(?:案件|各类|群众|诉求|问题)?/, '')) || /总数|总量|总额|总计/.test(wholeName);
    const core = wholeName.replace(/(?:总数|总量|总额|总计|的|全部)$/g, '');
    const named = core.length >= 2 ? candidates.filter((f) => f.metric.includes(core) || (verbOf(core) !== null && verbOf(core) === verbOf(f.metric))) : [];
    const totals = candidates.filter((f) => f.total);
    const readings = candidates.map((whole) => {
      const q = ratio(part, whole, share.permille ? 1000 : 100)!;
      const certain = inClause !== undefined || (named.length === 1 ? whole === named[0] : generic && (totals.length === 1 ? whole === totals[0] : candidates.length === 1));
      return { whole, lo: q[0], hi: q[1], certain, ok: agrees(share, q[0], q[1], part.loose || whole.loose) };
    });
    const good = readings.find((x) => x.ok);
    const certainReading = readings.find((x) => x.certain);
    const shown = good ?? certainReading ?? readings[0];
    const computed = (part.value / shown.whole.value) * 100;
    const line = (x: (typeof readings)[number]) => `${formatNumber(part.value)} / ${formatNumber(x.whole.value)} = ${formatNumber((part.value / x.whole.value) * 100, Math.max(2, share.decimals + 1))}%（${x.whole.metric || '?'}）${x.ok ? '✓' : '✗'}`;
    out.push({
      kind: 'share',
      anchor: share,
      members: [part, shown.whole],
      complete: true,
      holds: !!good,
      certain: !!certainReading,
      computed,
      explanation: `${formatNumber(part.value)} / ${formatNumber(shown.whole.value)} = ${formatNumber(computed, Math.max(2, share.decimals))}%，文中 ${formatNumber(share.value, share.decimals)}% ${good ? '✓' : '✗'}`,
      readings: readings.map(line),
      certainValue: onlyCertain(readings, (x) => (part.value / x.whole.value) * (share.permille ? 1000 : 100)),
    });
  }
  return out;
}

/**
 * Shares that make up a whole: they add to 100% within their rounding. A list is known to be all of the whole
 * when one of its members is the rest (其他, 其余), when its members name every member of a partition (男 and
 * 女; 满意, 基本满意 and 不满意), when it runs from a bracket `…以下` to a bracket `…以上`, or when the text
 * says `分别占`. Overlapping categories (党员, 女性) give none of these signs, and are never summed.
 */
function shareSets(p: Paragraph): Relation[] {
  const out: Relation[] = [];
  for (const statement of p.statements) {
    // Shares of one whole: a share is of the generic whole (占…总数, 占比) or of no stated whole.
    const all = statement.filter(
      (f) =>
        !f.range &&
        ((f.role === 'rate' && /满意率|满意度/.test(f.name)) ||
          (f.role === 'share' && (GENERIC_WHOLE.test(f.name.replace(/的$/, '').replace(/^(?:案件|各类|群众|诉求|问题)/, '')) || /总数|总量|总额|总计/.test(f.name)))),
    );
    // The rest named after the list without 占 (`…表扬类占0.13%，其他类0.01%`) is its last member.
    const last = all[all.length - 1];
    const rest = last && statement.find((f) => f.index > last.index && f.role === 'percent' && !f.range && /^(?:其他|其它|其余|剩余)/.test(f.metric));
    if (rest && statement.every((f) => f.index <= last.index || f.index >= rest.index || !(f.percent || f.permille))) all.push(rest);
    if (all.length < 2) continue;
    // What each share is of: the words between the share before it (or the statement's start) and it.
    const labelOf = (list: Figure[], i: number) => p.doc.norm.slice(i === 0 ? statementStartOffset(p, statement) : list[i - 1].end, list[i].figureStart);
    // A list is parallel: every member states its count, or none does (`一类占88.5%，二类占11.5%` then
    // `规范化调委会3457个，占总数的75.2%` are two lists).
    const counted = (i: number) => /\d/.test(labelOf(all, i));
    let n = 1;
    while (n < all.length && counted(n) === counted(0)) n++;
    const list = all.slice(0, n);
    if (list.length < 2) continue;
    const labels = list.map((_, i) => labelOf(list, i));
    const lead = p.doc.norm.slice(statementStartOffset(p, statement), list[0].figureStart);
    const complete =
      // The rest as a member (`其他类…`, `乡镇政府等其他…`), not 其他 inside a name (`法人及其他社会组织`).
      labels.some((l) => /(?:^|[，,；;、：:等])\s*(?:其他|其它|其余|剩余)/.test(l)) ||
      coversPartition(labels) ||
      (/以下/.test(labels[0]) && /以上/.test(labels[labels.length - 1])) ||
      /分别占/.test(lead) ||
      statedMemberCount(lead) === list.length;
    if (!complete) continue;
    const sum = list.reduce((n, f) => n + f.value, 0);
    const units = list.reduce((n, f) => n + 10 ** -f.decimals, 0);
    const holds = sum > 100 - units - EPSILON && sum <= 100 + units / 2 + EPSILON;
    const explanation = `${list.map((f) => formatNumber(f.value, f.decimals)).join('% + ')}% = ${formatNumber(sum, 2)}%，应为 100% ${holds ? '✓' : '✗'}`;
    out.push({ kind: 'shares', anchor: list[0], members: list, complete: true, holds, certain: true, computed: sum, explanation, readings: [explanation], certainValue: null });
  }
  return out;
}

/** `五个类型的占比是：`, `3类诉求中`: how many members the words before a list say it has (not an ordinal: 第三类). */
function statedMemberCount(lead: string): number | null {
  const m = /(?:^|[^第\d一二两三四五六七八九十])([一二两三四五六七八九十]|\d{1,2})\s*(?:个|种|大)?(?:类型|类别|方面|渠道|类|种)/.exec(lead);
  if (!m) return null;
  return /\d/.test(m[1]) ? Number(m[1]) : parseChineseNumber(m[1]);
}

/**
 * Shares stated beside their own counts, of one whole the text does not give (`投诉类301件，占总量的60.56%；
 * 咨询类120件，占总量的24.14%`): each count over its share gives the whole, and all must give the same one
 * within their rounding. Shares of one whole: the same named whole, or 占比 / a bare 占 / 占总数 after it.
 */
function impliedWholes(p: Paragraph): Relation[] {
  const out: Relation[] = [];
  for (const statement of p.statements) {
    const groups = new Map<string, { share: Figure; part: Figure; lo: number; hi: number }[]>();
    const used = new Set<Figure>();
    let key = '';
    for (const share of statement) {
      if (share.role !== 'share' || share.range || share.permille) continue;
      // A whole written in the share's own clause (`占年初预算10065万元的43.2%`) is checked as such.
      if (statement.some((f) => f.role === 'base' && f.clause === share.clause && f.index < share.index)) continue;
      const name = share.name.replace(/的$/, '').replace(/(?:总数|总量|总额|总计)$/, '');
      key = name && !GENERIC_WHOLE.test(name) ? name : key || '总';
      const part = sharePart(p, share);
      if (!part || used.has(part) || !isCount(part) || otherPeriod(p, part)) continue;
      // `4598个调解委员会，其中一类占88.5%`: the count before 其中 is the whole, not the share's part.
      if (/其中|包括|分别/.test(p.doc.norm.slice(part.end, share.figureStart))) continue;
      used.add(part);
      // Writers nudge a share by one unit so that a list adds to 100%: one unit more either way.
      const u = 10 ** -share.decimals;
      const [slo, shi] = part.loose ? statedInterval(share, true) : [share.value - u, share.value + 1.5 * u];
      if (slo <= 0) continue;
      const list = groups.get(key) ?? [];
      list.push({ share, part, lo: (part.lo * 100) / shi, hi: (part.hi * 100) / slo });
      groups.set(key, list);
    }
    for (const list of groups.values()) {
      if (list.length < 2 || list.some((x) => x.part.unit !== list[0].part.unit)) continue;
      const meet = (xs: typeof list) => Math.max(...xs.map((x) => x.lo)) <= Math.min(...xs.map((x) => x.hi)) + EPSILON;
      if (meet(list)) continue;
      // The share the others agree without: the one to blame (else the first).
      const odd = list.length >= 3 ? list.find((x) => meet(list.filter((y) => y !== x))) : undefined;
      const anchor = odd ?? list[list.length - 1];
      const others = list.filter((x) => x !== anchor);
      const whole = others.reduce((n, x) => n + (x.part.value * 100) / x.share.value, 0) / others.length;
      const line = (x: (typeof list)[number]) => `${formatNumber(x.part.value)} ÷ ${formatNumber(x.share.value, x.share.decimals)}% = ${formatNumber((x.part.value * 100) / x.share.value, 1)}`;
      const explanation = `${list.map(line).join('；')}：各项推出的整体不一致 ✗`;
      out.push({ kind: 'shares', anchor: anchor.share, members: list.map((x) => x.share), complete: false, holds: false, certain: true, computed: (anchor.part.value * 100) / whole, explanation, readings: list.map(line), certainValue: null });
    }
  }
  return out;
}

// `三次产业结构为6.01:55.04:38.95`, `三次产业比例由上年的13.72∶46.43∶39.85调整为12.36∶48.34∶39.3`: a split of a
// whole written as a ratio of three or more members, each a percentage of it.
const RATIO = /(?<![\d.])\d{1,3}(?:\.\d+)?(?:\s*[:：∶]\s*\d{1,3}(?:\.\d+)?){2,}(?![\d.])/g;
const RATIO_HINT = /\d\s*[:：∶]\s*\d/;
const RATIO_LEAD = /(?:产业|结构|构成|比例|比重)[^。；;]{0,16}$/;

/** A member of a written ratio as a figure of its own (the quantities leave ratios out). */
function ratioMember(line: number, start: number, literal: string): Figure {
  const value = Number(literal);
  const decimals = literal.includes('.') ? literal.length - literal.indexOf('.') - 1 : 0;
  const step = 10 ** -decimals;
  return {
    index: -1,
    line,
    statement: -1,
    depth: 0,
    before: '',
    after: '',
    clause: 0,
    segment: 0,
    start,
    end: start + literal.length,
    figureStart: start,
    figureEnd: start + literal.length,
    value,
    lo: value - step / 2,
    hi: value + step,
    step,
    approx: false,
    loose: false,
    percent: true,
    permille: false,
    decimals,
    unit: '%',
    chinese: false,
    range: false,
    role: 'share',
    metric: '',
    name: '',
    total: false,
    negated: false,
    done: false,
    direction: null,
    previousPeriod: false,
    year: null,
  };
}

/** Ratios that split a whole (三次产业结构): their members add to 100 within their rounding. */
function ratioSplits(doc: ReportDocument, line: number): Relation[] {
  const out: Relation[] = [];
  const { norm, start: lineStart } = doc.lines[line];
  if (!/[:：∶]/.test(norm)) return out;
  // (matchAll reads with its own copy of RATIO: the replace below does not move it.)
  for (const m of norm.matchAll(RATIO)) {
    // The words before it, read around pinyin (`產(chǎn)業(yè)結(jié)構(gòu)比為`) and an earlier ratio it replaces
    // (`三次产业比例由上年的13.72∶46.43∶39.85调整为`).
    const lead = withoutPinyin(norm.slice(Math.max(0, m.index - 60), m.index)).replace(RATIO, '');
    if (!RATIO_LEAD.test(lead.slice(-24)) || /性别/.test(lead.slice(-12))) continue;
    const members: Figure[] = [];
    const part = /\d+(?:\.\d+)?/g;
    for (let n = part.exec(m[0]); n; n = part.exec(m[0])) members.push(ratioMember(line, lineStart + m.index + n.index, n[0]));
    const sum = members.reduce((n, f) => n + f.value, 0);
    // Members far short of 100 are no percentages (`1:2:3`); a slip may push them past it, by any amount.
    if (sum < 50) continue;
    const units = members.reduce((n, f) => n + 10 ** -f.decimals, 0);
    const holds = sum > 100 - units - EPSILON && sum <= 100 + units / 2 + EPSILON;
    const explanation = `${members.map((f) => formatNumber(f.value, f.decimals)).join(' + ')} = ${formatNumber(sum, 2)}，各项之和应为 100 ${holds ? '✓' : '✗'}`;
    out.push({ kind: 'shares', anchor: members[0], members, complete: true, holds, certain: true, computed: sum, explanation, readings: [explanation], certainValue: null });
  }
  return out;
}

/** Where a statement starts in the document: after the sentence mark before its first figure. */
function statementStartOffset(p: Paragraph, statement: Figure[]): number {
  let at = statement[0].figureStart;
  while (at > p.lineStart && !/[。！？!?]/.test(p.doc.norm[at - 1])) at--;
  return at;
}

// ——— growth, differences and percentage points ———

/** `从39家增加到72家`, `由80%提高到85%`: the two ends of a change, in order. */
function fromToPairs(p: Paragraph): { from: Figure; to: Figure }[] {
  const out: { from: Figure; to: Figure }[] = [];
  for (let i = 0; i + 1 < p.figures.length; i++) {
    const a = p.figures[i];
    const b = p.figures[i + 1];
    if (a.unit !== b.unit || a.range || b.range) continue;
    const lead = p.doc.norm.slice(Math.max(p.lineStart, a.figureStart - 12), a.figureStart);
    const between = p.doc.norm.slice(a.end, b.figureStart);
    if (/[由从]\s*[^，,；;。]{0,10}$/.test(lead) && /^[^，,；;。]{0,12}?(?:增加|增长|提高|提升|上升|下降|减少|降低|扩大|缩小|升|降)?(?:到|至)\s*[^，,；;。]{0,8}$/.test(between)) out.push({ from: a, to: b });
    // `7976件（2019年6593件）`: this year's figure with last year's in parentheses after it.
    else if (b.depth === a.depth + 1 && b.year !== null && (a.year === null || b.year < a.year) && (p.year === null || b.year <= p.year) && /^\s*[（(]\s*(?:19|20)\d{2}\s*年(?:同期|度)?(?:为|是)?\s*$/.test(between) && a.role === b.role) out.push({ from: b, to: a });
  }
  return out;
}

function changes(p: Paragraph): Relation[] {
  const out: Relation[] = [];
  const pairs = fromToPairs(p);
  const stated = p.figures.filter((f) => f.role === 'growth' || f.role === 'difference' || f.role === 'points');
  // `分别增长A%、B%`: the n-th stated change of a `分别` list goes with the n-th pair.
  const respective = new Map<Figure, { from: Figure; to: Figure }>();
  for (const f of stated) {
    const lead = p.doc.norm.slice(Math.max(p.lineStart, f.figureStart - 16), f.figureStart);
    if (!/分别/.test(lead) || respective.has(f)) continue;
    const group = stated.filter((g) => g.role === f.role && p.statementOf.get(g) === p.statementOf.get(f) && g.index >= f.index);
    const before = pairs.filter((x) => x.to.index < f.index && p.statementOf.get(x.to) === p.statementOf.get(f));
    if (before.length < group.length && f.role !== 'points') {
      for (const [i, pair] of yearOverYear(p, f, group.length).entries()) respective.set(group[i], pair);
      continue;
    }
    group.forEach((g, k) => {
      const pair = before[before.length - group.length + k];
      if (pair && pair.from.unit === (g.role === 'points' ? '%' : pair.from.unit)) respective.set(g, pair);
    });
  }
  for (const f of stated) {
    // The figure that changed: the nearest one before the stated change in its statement.
    const scope = scopeBefore(p, f, 0);
    const pair = respective.get(f) ?? pairs.find((x) => x.to.index < f.index && x.to.index >= (scope[scope.length - 1]?.index ?? 0) && p.statementOf.get(x.to) === p.statementOf.get(f) && unitFits(f, x.to));
    const current = pair?.to ?? scope.find((g) => unitFits(f, g) && g.role !== 'growth' && g.role !== 'difference' && g.role !== 'points' && !otherPeriod(p, g) && !g.range);
    if (!current) continue;
    const readings: { previous: number[]; label: string; certain: boolean; year?: number | null }[] = [];
    if (pair) readings.push({ previous: [pair.from.lo, pair.from.hi], label: formatNumber(pair.from.value), certain: true });
    // Last year's figure of the same metric, stated in the paragraph (`上年同期192件`, `2023年66件`).
    for (const g of p.figures) {
      // (Last year's figure is counted in the same measure: 亿元 is no earlier value of 件.)
      if (g === current || !unitFits(f, g) || g.role !== current.role || g.unit !== current.unit) continue;
      const earlier = (otherPeriod(p, g) && !otherPeriod(p, current)) || (g.year !== null && current.year !== null && g.year < current.year);
      if (!earlier || (pair && g === pair.from) || /不含|不包括|旧存|结转|除去|扣除/.test(g.before)) continue;
      // (`比2014年的1124件增加60%`: the figure the change is measured from, in the change's own clause.)
      const sameMetric = verbOf(g.metric) === verbOf(current.metric) || g.metric === current.metric || g.depth > current.depth || (g.previousPeriod && g.clause === f.clause && g.line === f.line);
      readings.push({ previous: [g.lo, g.hi], label: formatNumber(g.value), certain: sameMetric, year: g.year });
    }
    // A change on last year (同比, 比上年) is against last year's figure, when the years of a series say which it is.
    const thisYear = current.year ?? p.year;
    if (thisYear !== null && /同比|(?:比|较)(?:上年|去年)/.test(p.doc.norm.slice(Math.max(p.lineStart, f.figureStart - 12), f.figureStart)) && readings.some((x) => x.year === thisYear - 1)) {
      for (let k = readings.length - 1; k >= 0; k--) if (readings[k].year != null && readings[k].year !== thisYear - 1) readings.splice(k, 1);
    }
    // A growth and a difference stated for the same figure imply last year's: `262件，同比下降2.60%，同比减少7件`.
    // Both must follow that figure before any other count does (`…7件；行政诉讼案件31件，…` starts another).
    if (f.role === 'growth') {
      const cluster: Figure[] = [];
      for (const g of p.statements[p.statementOf.get(f)!]) {
        if (g.index <= current.index) continue;
        if (g.role === 'count' || g.role === 'base') break;
        cluster.push(g);
      }
      const diff = cluster.find((g) => g.role === 'difference' && g.unit === current.unit);
      if (diff && diff.direction && f.direction && diff.direction === f.direction) {
        const sign = diff.direction === 'up' ? -1 : 1;
        readings.push({ previous: [current.lo + sign * diff.hi, current.hi + sign * diff.lo].sort((a, b) => a - b), label: formatNumber(current.value + sign * diff.value), certain: true });
      }
    }
    if (readings.length === 0) continue;
    const results = readings.map((reading) => {
      const [plo, phi] = reading.previous;
      let lo: number;
      let hi: number;
      let computed: number;
      if (f.role === 'growth') {
        if (plo <= 0) return { ...reading, ok: true, computed: NaN };
        const a = ((current.lo - phi) / phi) * 100;
        const b = ((current.hi - plo) / plo) * 100;
        computed = ((current.value - (plo + phi) / 2) / ((plo + phi) / 2)) * 100;
        [lo, hi] = f.direction === 'down' ? [-b, -a] : [a, b];
      } else {
        const a = current.lo - phi;
        const b = current.hi - plo;
        computed = current.value - (plo + phi) / 2;
        [lo, hi] = f.direction === 'down' ? [-b, -a] : [a, b];
        if (f.direction === 'down') computed = -computed;
      }
      if (f.direction === 'down' && f.role === 'growth') computed = -computed;
      const ok = f.direction === null ? agrees(f, Math.min(Math.abs(lo), Math.abs(hi)), Math.max(Math.abs(lo), Math.abs(hi)), current.loose) : agrees(f, lo, hi, current.loose);
      return { ...reading, ok, computed };
    });
    const good = results.find((x) => x.ok);
    const certainReading = results.find((x) => x.certain);
    const shown = good ?? certainReading ?? results[0];
    const kind = f.role === 'growth' ? 'growth' : f.role === 'points' ? 'points' : 'difference';
    const unit = f.role === 'growth' ? '%' : f.role === 'points' ? ' 个百分点' : f.unit;
    const describe = (x: (typeof results)[number]) =>
      f.role === 'growth'
        ? `(${formatNumber(current.value)} − ${x.label}) / ${x.label} = ${formatNumber(x.computed, Math.max(2, f.decimals + 1))}%，文中${f.direction === 'down' ? '下降' : '增长'} ${formatNumber(f.value, f.decimals)}% ${x.ok ? '✓' : '✗'}`
        : `${formatNumber(current.value)} − ${x.label} = ${formatNumber(x.computed, Math.max(2, f.decimals))}${unit}，文中${f.direction === 'down' ? '减少' : '增加'} ${formatNumber(f.value, f.decimals)}${unit} ${x.ok ? '✓' : '✗'}`;
    out.push({ kind, anchor: f, members: [current], complete: true, holds: !!good, certain: !!certainReading, computed: shown.computed, explanation: describe(shown), readings: results.map(describe), certainValue: null });
  }
  return out;
}

/**
 * `2022年办理A 1.9万件，挽回B 20.4亿元；2023年办理A 3.98万件，挽回B 103.9亿元，同比分别增长109%和409%`:
 * the k counts before a `分别` list of k changes are this year's, the k before them last year's, named alike
 * in the same order, each group after its own year (the later one second).
 */
function yearOverYear(p: Paragraph, f: Figure, k: number): { from: Figure; to: Figure }[] {
  const statement = p.statements[p.statementOf.get(f)!];
  const counts = statement.filter((g) => g.index < f.index && isCount(g) && !g.range);
  if (counts.length < 2 * k) return [];
  const to = counts.slice(-k);
  const from = counts.slice(-2 * k, -k);
  const named = (g: Figure) => g.metric.replace(/(?:19|20)\d{2}\s*年度?/g, '');
  if (!to.every((g, i) => g.unit === from[i].unit && named(g) === named(from[i]) && named(g) !== '')) return [];
  const later = yearOfText(p.doc.norm.slice(from[k - 1].end, to[0].figureStart));
  const earlier = yearOfText(p.doc.norm.slice(statementStartOffset(p, statement), from[0].figureStart));
  if (later === null || earlier === null || earlier >= later) return [];
  return to.map((g, i) => ({ from: from[i], to: g }));
}

/** The figure a stated change is of: a count for growth and differences (same unit for a difference), a rate for points. */
function unitFits(change: Figure, g: Figure): boolean {
  if (change.role === 'points') return (g.percent || g.permille) && (change.unit === '个千分点') === g.permille && (g.role === 'rate' || g.role === 'share' || g.role === 'percent');
  if (g.percent || g.permille || g.unit === '个百分点' || g.unit === '个千分点') return false;
  if (change.role === 'difference') return g.unit === change.unit;
  return g.role === 'count' || g.role === 'difference';
}

// ——— averages ———

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The days a period names, as the possible counts (a year may be leap). */
function periodDays(p: Paragraph, before: number, year: number | null): number[] | null {
  const text = p.doc.norm.slice(p.lineStart, before);
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const febs = year !== null ? [leap(year) ? 29 : 28] : [28, 29];
  const span = /(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[-—–~～至到]\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/.exec(text);
  if (span) {
    const m1 = Number(span[1]);
    const d1 = Number(span[2]);
    const m2 = span[3] ? Number(span[3]) : m1;
    const d2 = Number(span[4]);
    if (m1 < 1 || m1 > 12 || m2 < m1) return null;
    let days = 0;
    for (let m = m1; m < m2; m++) days += DAYS_IN_MONTH[m - 1];
    return [days + d2 - d1 + 1];
  }
  if (/本周|上周|第\s*\d+\s*周|周报/.test(text)) return [7];
  if (/前三季度/.test(text)) return febs.map((f) => 273 - 28 + f);
  if (/上半年/.test(text)) return febs.map((f) => 181 - 28 + f);
  const quarter = /第?([一二三四1-4])季度/.exec(text);
  if (quarter) {
    const q = '一二三四'.indexOf(quarter[1]) + 1 || Number(quarter[1]);
    return q === 1 ? febs.map((f) => 90 - 28 + f) : [[91, 92, 92][q - 2]];
  }
  const months = /(\d{1,2})\s*[-—–~～至到]\s*(\d{1,2})\s*月/.exec(text);
  if (months) {
    const a = Number(months[1]);
    const b = Number(months[2]);
    if (a < 1 || b > 12 || b < a) return null;
    const base = DAYS_IN_MONTH.slice(a - 1, b).reduce((n, d) => n + d, 0);
    return a <= 2 && b >= 2 ? febs.map((f) => base - 28 + f) : [base];
  }
  const month = /(?<![\d-—–~～至到])(\d{1,2})\s*月份?(?!\s*\d{1,2}\s*日)/.exec(text);
  if (month) {
    const m = Number(month[1]);
    if (m < 1 || m > 12) return null;
    return m === 2 ? febs : [DAYS_IN_MONTH[m - 1]];
  }
  if (/全年|年度|去年|今年|本年/.test(text)) return year !== null ? [leap(year) ? 366 : 365] : [365, 366];
  return null;
}

function averages(p: Paragraph): Relation[] {
  const out: Relation[] = [];
  for (const a of p.figures) {
    // `12.4万名员额法官，新收案数1229.5万件，人均新收案件99.2件`: a total over the people the statement counts.
    if (a.role === 'average' && /^(?:人均|户均)$/.test(a.name)) {
      // (The total may close the statement before: `共受理案件1458.6万件。…约12万名员额法官，人均受理案件121.4件`.)
      const scope = scopeBefore(p, a, 1);
      // (Not a bound each of several passes: `3省法院新收案数均超100万件`.)
      let totals = scope.filter((g) => isCount(g) && g.unit === a.unit && !otherPeriod(p, g) && !/均\s*(?:超过?|逾|达|在|为)?$|(?:超过?|逾)$/.test(g.before));
      // `受理1458.6万件，结案888.7万件…人均受理案件121.4件`: the total of the same act.
      if (totals.length > 1) totals = totals.filter((g) => verbOf(g.metric) !== null && verbOf(g.metric) === verbOf(a.metric));
      const heads = scope.filter((g) => isCount(g) && (a.name === '人均' ? /^(?:人|名)$/.test(g.unit) : g.unit === '户') && !otherPeriod(p, g));
      if (totals.length !== 1 || heads.length !== 1) continue;
      const [total, head] = [totals[0], heads[0]];
      const lo = total.lo / head.hi;
      const hi = total.hi / Math.max(head.lo, EPSILON);
      const ok = agrees(a, lo, hi, total.loose || head.loose);
      const describe = `${formatNumber(total.value)} ÷ ${formatNumber(head.value)} = ${formatNumber(total.value / head.value, Math.max(2, a.decimals + 1))}，文中${a.name} ${formatNumber(a.value, a.decimals)} ${ok ? '✓' : '✗'}`;
      out.push({ kind: 'average', anchor: a, members: [total, head], complete: true, holds: ok, certain: true, computed: total.value / head.value, explanation: describe, readings: [describe], certainValue: null });
      continue;
    }
    // `通话时长7045分钟，平均通话时长6.4分钟`: a total of time or money over one of the counts before it.
    if (a.role === 'average' && a.name === '平均' && PER_ITEM_UNITS.has(a.unit)) {
      const scope = scopeBefore(p, a, 0);
      const totals = scope.filter((g) => isCount(g) && g.unit === a.unit && !otherPeriod(p, g));
      const counts = scope.filter((g) => isCount(g) && COUNT_FAMILY.has(g.unit) && !otherPeriod(p, g));
      if (totals.length !== 1 || counts.length === 0) continue;
      const total = totals[0];
      const readings = counts.map((c) => {
        const lo = total.lo / c.hi;
        const hi = total.hi / Math.max(c.lo, EPSILON);
        return { c, ok: agrees(a, lo, hi, total.loose || c.loose) };
      });
      const good = readings.find((x) => x.ok);
      const shown = good ?? readings[0];
      const describe = (x: (typeof readings)[number]) => `${formatNumber(total.value)} ÷ ${formatNumber(x.c.value)} = ${formatNumber(total.value / x.c.value, Math.max(2, a.decimals + 1))}（${x.c.metric || '?'}），文中平均 ${formatNumber(a.value, a.decimals)} ${x.ok ? '✓' : '✗'}`;
      out.push({ kind: 'average', anchor: a, members: [total, shown.c], complete: true, holds: !!good, certain: true, computed: total.value / shown.c.value, explanation: describe(shown), readings: readings.map(describe), certainValue: null });
      continue;
    }
    // `比1978年末提高40.6个百分点，年均提高1.04个百分点`: a change over the years its statement spans, per year.
    // (Not a percentage: `年均增长X%` compounds.)
    if (a.role === 'average' && /^年均/.test(a.metric) && !a.percent && /(?:增加|提高|提升|上升|增长|减少|下降|降低)了?$/.test(a.metric)) {
      const change = scopeBefore(p, a, 0).find((g) => g.role === 'difference' || g.role === 'points' || (isCount(g) && g.unit === a.unit));
      if (!change || (change.role !== 'difference' && change.role !== 'points') || change.unit !== a.unit) continue;
      // (The sentence, across the line breaks of a PDF copy: `到 2017 年末，城镇常住⏎人口已经达到…`.)
      const span = yearSpan(sentenceLead(p.doc.norm, a.figureStart, 0, 300));
      if (span === null) continue;
      const ok = agrees(a, change.lo / span, change.hi / span, change.loose);
      const describe = `${formatNumber(change.value)} ÷ ${span} 年 = ${formatNumber(change.value / span, Math.max(2, a.decimals + 1))}，文中年均 ${formatNumber(a.value, a.decimals)} ${ok ? '✓' : '✗'}`;
      out.push({ kind: 'average', anchor: a, members: [change], complete: true, holds: ok, certain: true, computed: change.value / span, explanation: describe, readings: [describe], certainValue: null });
      continue;
    }
    if (a.role !== 'average' || !/^(?:日均|平均每[天日])$/.test(a.name)) continue;
    const total = scopeBefore(p, a, 0).find((g) => isCount(g) && g.unit === a.unit && !otherPeriod(p, g));
    if (!total) continue;
    const year = p.figures.find((g) => g.year !== null)?.year ?? yearOfText(p.norm);
    const days = periodDays(p, total.figureStart, year);
    if (!days) continue;
    const readings = days.map((d) => {
      const lo = total.lo / d;
      const hi = total.hi / d;
      return { d, lo, hi, ok: agrees(a, lo, hi, total.loose) };
    });
    const good = readings.find((x) => x.ok);
    const shown = good ?? readings[0];
    const describe = (x: (typeof readings)[number]) => `${formatNumber(total.value)} ÷ ${x.d} 天 = ${formatNumber(total.value / x.d, Math.max(2, a.decimals + 1))}，文中日均 ${formatNumber(a.value, a.decimals)} ${x.ok ? '✓' : '✗'}`;
    out.push({ kind: 'average', anchor: a, members: [total], complete: true, holds: !!good, certain: true, computed: total.value / shown.d, explanation: describe(shown), readings: readings.map(describe), certainValue: null });
  }
  return out;
}

/** The years between the earliest and the latest year a statement names (`到2017年末…比1978年末…` → 39); dates are no years of a period. */
function yearSpan(text: string): number | null {
  const years: number[] = [];
  for (const m of text.matchAll(/((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月|以来|来)/g)) years.push(Number(m[1]));
  if (years.length < 2) return null;
  const span = Math.max(...years) - Math.min(...years);
  return span >= 1 ? span : null;
}

/** Units of what an average per item is of: time and money (`平均通话时长6.4分钟`, `平均每件…万元`). */
const PER_ITEM_UNITS = new Set(['分钟', '小时', '元', '万元', '天']);

// ——— rates that are the difference of two others (data/indicators.json `differences`) ———

/** `人口自然增长率` = `出生率` − `死亡率`: each as stated, within the rounding of the three. */
function rateDifferences(p: Paragraph): Relation[] {
  const out: Relation[] = [];
  const rates = p.figures.filter((f) => (f.role === 'rate' || f.role === 'percent') && (f.percent || f.permille) && !otherPeriod(p, f));
  // A rate's name, also where a minus sign left it read as a bare percentage (`自然增长率为-0.60‰`).
  const nameOf = (f: Figure) => f.name || f.metric.replace(/[-−－]$/, '').trimEnd().replace(/[为是达]$/, '');
  for (const d of DIFFERENCES) {
    const find = (names: string[]) => rates.filter((f) => names.some((n) => nameOf(f).endsWith(n)));
    const [result, minuend, subtrahend] = [find(d.result), find(d.minuend), find(d.subtrahend)];
    if (result.length !== 1 || minuend.length !== 1 || subtrahend.length !== 1) continue;
    const [r, a, b] = [result[0], minuend[0], subtrahend[0]];
    if (r.permille !== a.permille || a.permille !== b.permille || r.index < Math.max(a.index, b.index)) continue;
    const u = (f: Figure) => 10 ** -f.decimals;
    const signed = (f: Figure) => (/[-−－]/.test(p.doc.norm[f.figureStart - 1] ?? '') ? -f.value : f.value);
    const [rv, av, bv] = [signed(r), signed(a), signed(b)];
    const computed = av - bv;
    // Each stated rate rounded or truncated (toward zero): the true difference lies within their units either way.
    const lo = av - u(a) - (bv + u(b));
    const hi = av + u(a) - (bv - u(b));
    const holds = hi >= rv - u(r) - EPSILON && lo <= rv + u(r) + EPSILON;
    const sign = r.permille ? '‰' : '%';
    const explanation = `${formatNumber(av, a.decimals)}${sign} − ${formatNumber(bv, b.decimals)}${sign} = ${formatNumber(computed, Math.max(a.decimals, b.decimals))}${sign}，文中${nameOf(r)} ${formatNumber(rv, r.decimals)}${sign} ${holds ? '✓' : '✗'}`;
    out.push({ kind: 'difference', anchor: r, members: [a, b], complete: true, holds, certain: true, computed, explanation, readings: [explanation], certainValue: null });
    // Their changes on last year split alike: `出生率…下降0.62个千分点…死亡率…上升0.65个千分点…自然增长率…下降1.27个千分点`.
    const [rc, ac, bc] = [r, a, b].map((f) => pointsAfter(p, f));
    if (!rc || !ac || !bc) continue;
    const move = (f: Figure) => (f.direction === 'up' ? f.value : -f.value);
    const [rm, am, bm] = [move(rc), move(ac), move(bc)];
    // Each change is of rates rounded at their own digit: the sum is good within the units of all three.
    const slack = u(rc) + u(ac) + u(bc);
    const moved = am - bm;
    const changesHold = Math.abs(moved - rm) <= slack + EPSILON;
    const unit = rc.unit === '个千分点' ? ' 个千分点' : ' 个百分点';
    const shown = (n: number, d: number) => (n < 0 ? `−${formatNumber(-n, d)}` : formatNumber(n, d));
    const said = `${nameOf(a)}变化 ${shown(am, ac.decimals)} − ${nameOf(b)}变化 ${bm < 0 ? `(${shown(bm, bc.decimals)})` : shown(bm, bc.decimals)} = ${shown(moved, Math.max(ac.decimals, bc.decimals))}${unit}，文中${nameOf(r)}变化 ${shown(rm, rc.decimals)}${unit} ${changesHold ? '✓' : '✗'}`;
    out.push({ kind: 'points', anchor: rc, members: [ac, bc], complete: true, holds: changesHold, certain: true, computed: moved, explanation: said, readings: [said], certainValue: null });
  }
  return out;
}

/** The percentage points stated right after a rate, in its statement, with a direction (`…，比上年下降0.62个千分点`). */
function pointsAfter(p: Paragraph, f: Figure): Figure | undefined {
  const next = nextFigure(p, f);
  return next && next.role === 'points' && next.direction && p.statementOf.get(next) === p.statementOf.get(f) && (next.unit === '个千分点') === f.permille ? next : undefined;
}

function yearOfText(text: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(text);
  return m ? Number(m[1]) : null;
}

// ——— the paragraph walk ———

export function findRelations(doc: ReportDocument, figures: Figure[]): Relation[] {
  const relations: Relation[] = [];
  const byLine = new Map<number, Figure[]>();
  for (const f of figures) {
    const list = byLine.get(f.line);
    if (list) list.push(f);
    else byLine.set(f.line, [f]);
  }
  // Ratios that split a whole are no figures of the quantities (a line may hold nothing else).
  for (let line = 0; line < doc.lineCount; line++) if (RATIO_HINT.test(doc.lines[line].norm)) relations.push(...ratioSplits(doc, line));
  for (const [line, all] of byLine) {
    if (all.length < 2) continue;
    const years = all.map((f) => f.year).filter((y): y is number => y !== null);
    const p: Paragraph = { doc, figures: [], statements: [], statementOf: new Map(), positionOf: new Map(), lineStart: doc.lines[line].start, norm: doc.lines[line].norm, year: years.length ? Math.max(...years.slice(0, 1000)) : null };
    let current = -1;
    for (const f of all) {
      if (f.statement !== current) {
        current = f.statement;
        p.statements.push([]);
      }
      p.statements[p.statements.length - 1].push(f);
    }
    // A run-on statement of hundreds of figures is no sentence a reader checks; skipping it keeps the work linear.
    p.statements = p.statements.filter((s) => s.length <= MAX_FIGURES_PER_STATEMENT);
    p.figures = p.statements.flat();
    p.statements.forEach((s, k) => s.forEach((f) => p.statementOf.set(f, k)));
    p.figures.forEach((f, i) => p.positionOf.set(f, i));
    if (p.figures.length < 2) continue;
    const claimed = new Set<Figure>();
    const found = [...breakdowns(p, claimed), ...trailingTotals(p, claimed), ...complements(p, claimed)];
    const sums = changeSplits(p, [...found, ...partitionLists(p, claimed, found)]);
    relations.push(...sums, ...verbSubsets(p, sums), ...rates(p, sums), ...shares(p), ...shareSets(p), ...impliedWholes(p), ...changes(p), ...averages(p), ...rateDifferences(p));
  }
  return relations;
}
