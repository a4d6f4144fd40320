// The catalogue of indicators (data/indicators.json) and the verbs that say
// what a count counts. A rate is matched to an indicator by its name; a count
// is a numerator or a base of it by the words of its metric.
import catalogue from '../data/indicators.json';

export interface Indicator {
  id: string;
  area: string;
  names: string[];
  numerator: string[];
  bases: string[];
  bounded: boolean;
  /** The base the text gives may differ by this fraction from the one the rate is of (年末 against 年平均人口). */
  baseSlack?: number;
  source: string;
}

export const INDICATORS: readonly Indicator[] = (catalogue as { indicators: Indicator[] }).indicators;

export interface KeyFigureArea {
  area: string;
  areaWords: string[];
  figures: Record<string, string[]>;
  /** Measure words a figure must have, where the catalogue restricts them (法律顾问 in persons). */
  units?: Record<string, string[]>;
  rates: string[];
}

/** Categories that together make up a whole (城镇 and 乡村; 刑事, 民事 and 行政). */
export const PARTITIONS: readonly string[][] = (catalogue as unknown as { partitions: { members: string[] }[] }).partitions.map((p) => p.members);

/** Whether the parts, by what they name, cover every member of one partition, or are a thing and its negation (`电话诉求`, `非电话诉求`). */
export function coversPartition(names: string[]): boolean {
  if (PARTITIONS.some((members) => members.every((m) => names.some((n) => n.includes(m) && !members.some((o) => o !== m && o.includes(m) && n.includes(o)))))) return true;
  if (names.length === 2) {
    const [a, b] = names.map((n) => n.replace(/^[\s，,、：:（(]+/, ''));
    const negation = (x: string, y: string) => x.startsWith('非') && x.length >= 3 && y.startsWith(x.slice(1, 3));
    return negation(a, b) || negation(b, a);
  }
  return false;
}

/** Rates that are the difference of two others (`人口自然增长率` = `出生率` − `死亡率`), by the names they end with. */
export interface RateDifference {
  result: string[];
  minuend: string[];
  subtrahend: string[];
  source: string;
}

export const DIFFERENCES: readonly RateDifference[] = (catalogue as unknown as { differences?: RateDifference[] }).differences ?? [];

export const KEY_FIGURES: readonly KeyFigureArea[] = (catalogue as unknown as { keyFigures: KeyFigureArea[] }).keyFigures;

// Verbs beyond the catalogue's that start a new item of a list (`受理…，办结…`).
const MORE_VERBS = [
  '办理', '处理', '解决', '接待', '接听', '申请', '提起', '新增', '办件', '代理', '提供', '参与', '报送', '公开', '发布', '审核',
  '查处', '处罚', '审查', '备案', '清理', '制定', '出台', '印发', '培训', '举办', '开展', '组织', '发放', '收集', '整改', '派发',
  '上报', '移送', '移交', '退回', '驳回', '撤销', '变更', '确认违法', '责令履行', '不予受理', '终止', '中止', '调解', '宣判', '判决',
];

/** Every verb, longest first (so 调解成功 wins over 调解 at the same place). */
export const VERBS: readonly string[] = [...new Set([...INDICATORS.flatMap((i) => [...i.numerator, ...i.bases]), ...MORE_VERBS])]
  .filter((v) => v.length >= 2 && !/^(?:案件|事项|办件|来信|留言|话务|通话)$/.test(v))
  .sort((a, b) => b.length - a.length);

const verbCache = new Map<string, string | null>();

/** The verb of a metric: the one that ends last (`受理转办有效信件` → 转办), the longest at a tie. */
export function verbOf(metric: string): string | null {
  const cached = verbCache.get(metric);
  if (cached !== undefined) return cached;
  const verb = findVerb(metric);
  // Metrics repeat within and across reports; the cache is bounded so a long session cannot grow it without end.
  if (verbCache.size > 20000) verbCache.clear();
  verbCache.set(metric, verb);
  return verb;
}

function findVerb(metric: string): string | null {
  let best: string | null = null;
  let bestEnd = -1;
  for (const verb of VERBS) {
    const at = metric.lastIndexOf(verb);
    if (at < 0) continue;
    const end = at + verb.length;
    if (end > bestEnd) {
      best = verb;
      bestEnd = end;
    }
  }
  return best;
}

/** The indicator a rate's name belongs to: the longest catalogue name it ends with. */
export function indicatorFor(rateName: string): Indicator | null {
  let best: Indicator | null = null;
  let length = 0;
  for (const indicator of INDICATORS) {
    for (const name of indicator.names) {
      if (name.length > length && rateName.endsWith(name)) {
        best = indicator;
        length = name.length;
      }
    }
  }
  return best;
}

export function isNumeratorOf(indicator: Indicator, metric: string): boolean {
  return indicator.numerator.some((w) => metric.includes(w));
}

export function isBaseOf(indicator: Indicator, metric: string): boolean {
  return indicator.bases.some((w) => metric.includes(w));
}

/** A rate's stem and a count's verb name the same act (`直接纠错` and `纠错`). */
export function matchesWord(stem: string, verb: string | null): boolean {
  return verb !== null && (stem.includes(verb) || verb.includes(stem));
}
