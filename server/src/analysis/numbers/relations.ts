// Relations between the figures of one statement (a sentence or clause chain
// up to 。！？；): a rate and the counts it is made from, a total and its
// parts, a subset and its whole. Found relations are recorded whether they
// hold or not, so hovers can show the arithmetic and tests can mutate them.
import type { ReportDocument } from '../document';
import type { Quantity, Statement } from './quantities';

export type RelationKind = 'rate' | 'sum' | 'subset';

export interface Relation {
  kind: RelationKind;
  /** rate: the percentage; sum: the total; subset: the whole. */
  anchor: Quantity;
  /** rate: [numerator, denominator]; sum: the parts; subset: [the part]. */
  members: Quantity[];
  /** sum: the text says the parts are all of it (分别为, 其余, 已…/未…, a trailing 共计). */
  complete: boolean;
  holds: boolean;
  /** rate: the recomputed percentage; sum: the parts' sum; subset: the part. */
  computed: number;
  /** The arithmetic, in Chinese, for hovers and messages. */
  explanation: string;
}

const TOTAL_MARKER = /共计|合计|总计|总共|累计|共|总数|全年|总量/;
const TRAILING_TOTAL = /^(?:共计|合计|总计|总共|累计|共|总数)$/;
const NEGATION = /未|没有|尚未|不/;
const WHOLE_VERB = /受理|接报警|接报|接到|收到|排查|登记|申请|收集|摸排|接访|接待/;
const SUBSET_VERB = /办结|调处|化解|调解成功|答复|审结|结案|回复|解决|调解|整改|纠正|处理/;
const RATE_WORD = /(?:率|占比|比例|比重)(?:均|分别)?(?:达到了?|达|为|是|保持在|提高到|提升至|提升到|超过)?\s*$/;

export function formatNumber(n: number, decimals = 2): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(decimals).replace(/\.?0+$/, '');
}

function context(q: Quantity): string {
  return q.before + q.after;
}

/** The tolerance of a stated percentage: its own rounding, widened when a count is approximate. */
function tolerance(percent: Quantity, counts: Quantity[], computed: number): number {
  const rounding = 0.5 * 10 ** -percent.decimals + 1e-9;
  if (percent.approx || counts.some((c) => c.approx)) return Math.max(rounding, computed * 0.1, 1);
  return rounding;
}

function rateRelation(p: Quantity, before: Quantity[]): Relation | null {
  const stemMatch = /^(.*?)(?:率|占比|比例|比重)/.exec(p.before.replace(/(?:均|分别)?(?:达到了?|达|为|是|保持在|提高到|提升至|提升到|超过)?\s*$/, ''));
  const stem = stemMatch?.[1].replace(/^.*[、和及与]/, '') ?? '';
  const key = stem.slice(-2);
  const counts = before.filter((q) => !q.percent && q.unit !== '个百分点');
  if (counts.length < 2) return null;
  let numerator: Quantity | undefined;
  if (key.length === 2) {
    for (const q of counts) if (context(q).includes(key) && !NEGATION.test(context(q))) numerator = q;
  }
  let denominator: Quantity | undefined;
  if (numerator) {
    const others = counts.filter((q) => q !== numerator && q.unit === numerator!.unit && q.value >= numerator!.value);
    denominator = others.find((q) => TOTAL_MARKER.test(q.before) || WHOLE_VERB.test(q.before)) ?? others[0];
  } else {
    // No stem to go by: two counts of one unit, taken only when they agree with the rate.
    const sameUnit = counts.filter((q) => q.unit === counts[0].unit);
    if (sameUnit.length !== 2 || counts.length !== 2) return null;
    const [a, b] = sameUnit[0].value <= sameUnit[1].value ? sameUnit : [sameUnit[1], sameUnit[0]];
    if (b.value === 0) return null;
    const computed = (a.value / b.value) * 100;
    if (Math.abs(computed - p.value) > tolerance(p, [a, b], computed)) return null;
    numerator = a;
    denominator = b;
  }
  if (!numerator || !denominator || denominator.value === 0) return null;
  const computed = (numerator.value / denominator.value) * 100;
  const holds = Math.abs(computed - p.value) <= tolerance(p, [numerator, denominator], computed);
  return {
    kind: 'rate',
    anchor: p,
    members: [numerator, denominator],
    complete: true,
    holds,
    computed,
    explanation: `${formatNumber(numerator.value)} / ${formatNumber(denominator.value)} = ${formatNumber(computed, Math.max(2, p.decimals))}%，文中 ${formatNumber(p.value, p.decimals)}% ${holds ? '✓' : '✗'}`,
  };
}

function sumRelation(total: Quantity, parts: Quantity[], complete: boolean): Relation {
  const computed = parts.reduce((n, q) => n + q.value, 0);
  const approx = total.approx || parts.some((q) => q.approx);
  const over = computed > total.value && !(approx && computed <= total.value * 1.1);
  const under = complete && computed < total.value && !approx;
  const holds = !over && !under;
  const sign = computed === total.value ? '=' : computed > total.value ? '>' : '<';
  return {
    kind: 'sum',
    anchor: total,
    members: parts,
    complete,
    holds,
    computed,
    explanation: `${parts.map((q) => formatNumber(q.value)).join(' + ')} = ${formatNumber(computed)} ${sign} ${formatNumber(total.value)}（总数）${holds ? '✓' : '✗'}`,
  };
}

function subsetRelation(whole: Quantity, part: Quantity): Relation {
  const holds = part.value <= whole.value || part.approx || whole.approx;
  return {
    kind: 'subset',
    anchor: whole,
    members: [part],
    complete: false,
    holds,
    computed: part.value,
    explanation: `${formatNumber(part.value)} ${part.value <= whole.value ? '≤' : '>'} ${formatNumber(whole.value)} ${holds ? '✓' : '✗'}`,
  };
}

/** Quantities after `from` in a parenthesised group that opens right after it. */
function parenthesisedGroup(doc: ReportDocument, owner: Quantity, all: Quantity[]): Quantity[] {
  const next = doc.norm.slice(owner.end).match(/^\s*[（(]/);
  if (!next) return [];
  const open = owner.end + next[0].length;
  let depth = 1;
  let close = open;
  for (; close < doc.norm.length && depth > 0; close++) {
    const c = doc.norm[close];
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') depth--;
  }
  return all.filter((q) => q.start >= open && q.end <= close && q.depth === owner.depth + 1 && q.unit === owner.unit && !q.percent);
}

const MAX_FIGURES_PER_STATEMENT = 60;

export function findRelations(doc: ReportDocument, quantities: Quantity[], statements: Statement[]): Relation[] {
  const relations: Relation[] = [];
  const byStatement = new Map<number, Quantity[]>();
  for (const q of quantities) {
    const list = byStatement.get(q.statement);
    if (list) list.push(q);
    else byStatement.set(q.statement, [q]);
  }
  for (const statement of statements) {
    const qs = byStatement.get(statement.index);
    // A run-on "statement" of hundreds of figures is no sentence a reader checks; skipping it keeps the work linear.
    if (!qs || qs.length < 2 || qs.length > MAX_FIGURES_PER_STATEMENT) continue;
    const claimed = new Set<Quantity>();
    const text = doc.norm.slice(statement.start, statement.end);

    // 共N…，其中A…，B…（with nested groups）
    for (let at = text.indexOf('其中'); at >= 0; at = text.indexOf('其中', at + 2)) {
      const pos = statement.start + at;
      const total = [...qs].reverse().find((q) => q.end <= pos && !q.percent);
      if (!total) continue;
      const parts: Quantity[] = [];
      for (const q of qs) {
        if (q.start < pos || q.percent || q.depth !== total.depth) continue;
        if (q.unit !== total.unit) break;
        if (parts.length && TOTAL_MARKER.test(q.before) && /^(?:共|合计|总计)/.test(q.before)) break;
        parts.push(q);
      }
      if (parts.length === 0) continue;
      const between = doc.norm.slice(pos, parts[0].start);
      const complete = /分别/.test(between) || parts.some((q) => /其余|剩余|其他/.test(q.before)) || (parts.some((q) => /已/.test(q.before)) && parts.some((q) => NEGATION.test(context(q))));
      relations.push(sumRelation(total, parts, complete));
      claimed.add(total);
      for (const part of [total, ...parts]) {
        const group = parenthesisedGroup(doc, part, qs);
        if (group.length >= 2) {
          relations.push(sumRelation(part, group, false));
          group.forEach((g) => claimed.add(g));
        }
        claimed.add(part);
      }
    }

    // A…，B…，共计N…: a trailing total of the figures before it.
    qs.forEach((q, i) => {
      if (q.percent || claimed.has(q) || !TRAILING_TOTAL.test(q.before.replace(/^[，,\s]+/, ''))) return;
      const parts: Quantity[] = [];
      for (let j = i - 1; j >= 0; j--) {
        const p = qs[j];
        if (claimed.has(p) || p.percent || p.depth !== q.depth || p.unit !== q.unit) break;
        parts.unshift(p);
      }
      if (parts.length < 2) return;
      relations.push(sumRelation(q, parts, true));
      [q, ...parts].forEach((p) => claimed.add(p));
    });

    // 共20件，已化解17件，还有3件未化解: a total and its done / not-done complements.
    qs.forEach((total, i) => {
      if (total.percent || claimed.has(total) || !/共/.test(total.before)) return;
      const later = qs.slice(i + 1).filter((q) => !q.percent && q.unit === total.unit && q.depth === total.depth && !claimed.has(q));
      const done = later.find((q) => /已/.test(q.before) && !NEGATION.test(context(q)));
      const notDone = later.find((q) => q !== done && NEGATION.test(context(q)));
      if (!done || !notDone) return;
      relations.push(sumRelation(total, [done, notDone], true));
      [total, done, notDone].forEach((p) => claimed.add(p));
    });

    // Rates, with the counts before them.
    qs.forEach((q, i) => {
      if (!q.percent || !RATE_WORD.test(q.before)) return;
      const rate = rateRelation(q, qs.slice(0, i));
      if (rate) relations.push(rate);
    });

    // A subset larger than its whole: 调处 more than 接报警, 办结 more than 受理.
    for (let i = 0; i < qs.length; i++) {
      const whole = qs[i];
      if (whole.percent || !WHOLE_VERB.test(whole.before) || SUBSET_VERB.test(whole.before)) continue;
      const part = qs.slice(i + 1).find((q) => !q.percent && q.unit === whole.unit && SUBSET_VERB.test(q.before) && !WHOLE_VERB.test(q.before));
      if (!part || relations.some((r) => r.kind === 'sum' && r.anchor === whole && r.members.includes(part))) continue;
      relations.push(subsetRelation(whole, part));
    }
  }
  return relations;
}
