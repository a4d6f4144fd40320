// Figures in report prose: the value, its unit or measure word, how exactly
// it is written (the interval of true values it stands for), the counted noun
// after its measure word, and the clause it sits in. Names that contain
// numbers (三项制度, “八五”普法, 12345热线, 7×24小时, dates, 《》 titles) are not
// counts. Roles and metrics are read in annotate.ts.
import type { ReportDocument } from '../document';
import { LineKind, type ParsedDocument } from '../parse';
import { MAX_NUMERAL_LENGTH, parseChineseNumber } from '../numerals';
import { annotateLine, type Annotation, type Figure } from './annotate';

export interface Quantity {
  start: number;
  end: number;
  /** The figure's own span (digits or numerals), for edits and hovers. */
  figureStart: number;
  figureEnd: number;
  value: number;
  /** The true values the figure may stand for: rounded or truncated at its last digit, widened when approximate. */
  lo: number;
  hi: number;
  /** One unit of its last written digit (`1.16万` → 100, `99.9%` → 0.1, `12件` → 1): a figure derived from others is rounded or truncated there. */
  step: number;
  /** 余 多 近 约 左右 以上 超过: the true figure may differ. */
  approx: boolean;
  /**
   * Approximate beyond the interval `lo`–`hi` says (约, 近, 左右, 超过, 不足): a relation allows it 10 %. 余 and 多
   * are not: `2.82万多` is 28 200 to 28 300, and its interval holds that.
   */
  loose: boolean;
  /** `%` (or 百分之…): a percentage; `‰`: per thousand. */
  percent: boolean;
  permille: boolean;
  /** Decimal places as written (`99.9%` → 1). */
  decimals: number;
  /** Measure word or unit (`件`, `人次`, `万元`, `个百分点`); `%` or `‰` for those; '' when none. */
  unit: string;
  chinese: boolean;
  /** One end of a range (`10%～20%`, `3至5件`): never part of a relation. */
  range: boolean;
  line: number;
  /** Index of the statement (split at 。！？) in the document. */
  statement: number;
  /** Parenthesis depth (（…）) at the figure. */
  depth: number;
  /** The clause before the figure, from the last separator (，；：、（）), simplified text, at most 40 characters. */
  before: string;
  /** The clause after the figure and its unit, to the next separator. */
  after: string;
}

export interface Statement {
  index: number;
  start: number;
  end: number;
  line: number;
}

// Longest first, so 人次 wins over 人 and 万元 over 元.
const UNITS = [
  '个百分点', '个千分点', '人次', '件次', '户次', '家次', '场次', '批次', '万元', '亿元', '万人', '平方米', '公里', '小时', '个月', '公顷', '分钟', '万吨',
  '件', '起', '次', '人', '名', '项', '个', '家', '份', '场', '条', '户', '宗', '例', '批', '期', '所', '座', '处', '台', '辆', '篇', '部', '本', '册', '张', '套', '支', '只', '元', '天', '年', '轮', '间', '组', '队', '类', '种', '门', '位', '节', '课', '封', '通', '单', '吨', '亩', '分', '卷',
];
const UNIT_RE = new RegExp(`^(?:${UNITS.join('|')})`);
const CN_NUMERAL = '[零〇一二两三四五六七八九十百千万亿]';
// Three simple scans beat one alternation (measured: four times faster). Groups are
// numbered as one figure pattern would number them: 1-2 Arabic, 3 百分之…, 4 Chinese.
// Digits in groups of three may be separated by commas or by a space (`4 210个`).
const ARABIC = /(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d.])|\d+)(?:\.(\d+))?/g;
const PERCENT_CN = new RegExp(`百分之(${CN_NUMERAL}+(?:点[零〇一二三四五六七八九]+)?)`, 'g');
// A Chinese numeral is only a candidate when a measure word (or 余, 多) follows it. The run is
// bounded (no numeral is longer): an unbounded `+` before the lookahead would retry every
// suffix of a long run that fails, and matching every run to check it in code costs more.
const UNIT_FIRST = [...new Set([...UNITS.map((u) => u[0]), '余', '多'])].join('');
const CHINESE = new RegExp(`${CN_NUMERAL}{1,${MAX_NUMERAL_LENGTH}}(?=[${UNIT_FIRST}])`, 'g');

type Candidate = { index: number; 0: string; 1?: string; 2?: string; 3?: string; 4?: string };

/** Figure candidates of a line in order, without overlaps (an earlier one wins). */
function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  const scan = (re: RegExp, make: (m: RegExpExecArray) => Candidate) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) found.push(make(m));
  };
  if (HAS_DIGIT.test(text)) scan(ARABIC, (m) => ({ index: m.index, 0: m[0], 1: m[1], 2: m[2] }));
  if (text.includes('百分之')) scan(PERCENT_CN, (m) => ({ index: m.index, 0: m[0], 3: m[1] }));
  scan(CHINESE, (m) => ({ index: m.index, 0: m[0], 4: m[0] }));
  found.sort((a, b) => a.index - b.index);
  const out: Candidate[] = [];
  let end = 0;
  for (const c of found) {
    if (c.index < end) continue;
    out.push(c);
    end = c.index + c[0].length;
  }
  return out;
}
const HAS_DIGIT = /\d/;
/** How far a figure's clause is read each way (a metric phrase is never longer). */
const CLAUSE_WINDOW = 40;
const SEPARATOR = /[，,；;：:、（(）)。！？!?]/;
const HAS_FIGURE = /[\d０-９零〇一二两三四五六七八九十百]/;
const STATEMENT_END = /[。！？!?]/g;
const RANGE_MARK = /^[\s]*(?:[～~—–\-－]|至|到)[\s]*(?:[\d百零〇一二两三四五六七八九十])/;

/** Full-width digits and points as ASCII, one for one (same length, so offsets hold). */
function asciiDigits(text: string): string {
  if (!/[０-９．％]/.test(text)) return text;
  return text.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Marks spans that hold numbers which are names, dates or titles, never counts. */
function maskNames(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  // Each replacement runs only where its tell-tale character is present.
  if (text.includes('《')) text = text.replace(/《[^《》]*》/g, blank);
  if (/[“"「]/.test(text)) text = text.replace(/[“"「][^”"」]{0,12}[”"」]/g, (m) => (/[\d零〇一二两三四五六七八九十]/.test(m) ? blank(m) : m));
  if (/\d/.test(text)) {
    text = text
      .replace(/\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{1,2}\s*月份?|(?:19|20)\d{2}\s*(?:年度?|—|-|–|～|~)/g, blank)
      // `1-4月`, `1—12月`: a span of months.
      .replace(/\d{1,2}\s*[-—–~～至]\s*(?=月)/g, blank)
      .replace(/(?<!\d)\d+(?:[×xX*·:：∶\/\-—–]\d+(?:\.\d+)?)+/g, blank)
      .replace(/(?<!\d)\d{5,}(?=\s*(?:热线|服务热线|平台|专线))|(?:热线|电话)\s*\d+(?![\d.]|\s*(?:次|个|件|通|起|人|万|余|多))/g, blank)
      // 12345热线, 12348 and the like: a service number, not a count (the digit before it is checked in code:
      // a pattern opening with a lookbehind keeps the engine from skipping ahead).
      .replace(/(?:1234[58]|1235[6]|1231[5]|1233[3]|1236[69]|1232[0]|12110|11[09]|120)(?![\d.%％件个人次起项])/g, (m, at: number, all: string) => (/\d/.test(all[at - 1] ?? '') ? m : blank(m)));
  }
  // A year in Chinese digits always has 〇 or 零 (二〇二三年).
  if (/[〇零]/.test(text)) text = text.replace(/[〇零一二三四五六七八九]{4}\s*年度?/g, blank);
  if (text.includes('第')) text = text.replace(/第\s*(?:\d+|[零〇一二两三四五六七八九十百]+)/g, blank);
  return text;
}

/** A Chinese numeral is a count only with a measure word, and not in a name like 三项制度 or 两个责任. */
function chineseIsName(after: string, unit: string, value: number): boolean {
  if (!unit) return true;
  // `三项制度`, `四个规范`, `两个维护`: a small numeral, a measure word, then a noun, no figure context.
  return value < 10 && /^[\u4e00-\u9fff]/.test(after) && ['项', '个', '支', '张', '条', '类', '种', '门', '位', '节', '课', '年', '轮', '组', '队', '间'].includes(unit);
}

/** One line's figures with offsets relative to the line start; statement numbers count within the line. */
interface LineFigures {
  statements: [number, number][];
  quantities: Quantity[];
  /** What each figure is, read from the line alone (annotate.ts). */
  annotations: Annotation[];
}

/** Figures by line text: a line's figures depend on its text alone, so an edit recomputes only the lines it changed. */
export type FigureCache = Map<string, LineFigures>;

// Pinyin given after a character on some web pages (`萬(wàn)`, `個(gè)`): page noise, read around.
const ANNOTATION = /(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêɡ]{1,7}\)/g;

/** Text without pinyin annotations (`產(chǎn)業(yè)` → `產業`), for matching words. */
export function withoutPinyin(text: string): string {
  return text.includes('(') ? text.replace(ANNOTATION, '') : text;
}

/** The line without pinyin annotations, and where each of its characters was in the line. */
function withoutAnnotations(norm: string): { text: string; position: (offset: number) => number; end: (offset: number) => number } | null {
  if (!norm.includes('(')) return null;
  const kept: number[] = [];
  let text = '';
  let from = 0;
  ANNOTATION.lastIndex = 0;
  for (let m = ANNOTATION.exec(norm); m; m = ANNOTATION.exec(norm)) {
    for (let i = from; i < m.index; i++) kept.push(i);
    text += norm.slice(from, m.index);
    from = m.index + m[0].length;
  }
  if (from === 0) return null;
  for (let i = from; i < norm.length; i++) kept.push(i);
  text += norm.slice(from);
  return {
    text,
    position: (offset) => (offset < kept.length ? kept[offset] : norm.length),
    end: (offset) => (offset === 0 ? 0 : kept[offset - 1] + 1),
  };
}

function figuresOfLine(line: string): LineFigures {
  const clean = withoutAnnotations(line);
  const figures = figuresOfText(clean ? clean.text : line);
  if (clean) {
    for (const q of figures.quantities) {
      q.start = clean.position(q.start);
      q.figureStart = clean.position(q.figureStart);
      q.figureEnd = clean.end(q.figureEnd);
      q.end = clean.end(q.end);
    }
    figures.statements = figures.statements.map(([a, b]) => [clean.position(a), clean.end(b)]);
  }
  return { ...figures, annotations: annotateLine(line, figures.quantities) };
}

function figuresOfText(norm: string): Omit<LineFigures, 'annotations'> {
  const statements: [number, number][] = [];
  let from = 0;
  const addStatement = (to: number) => {
    if (to > from) statements.push([from, to]);
    from = to + 1;
  };
  STATEMENT_END.lastIndex = 0;
  for (let m = STATEMENT_END.exec(norm); m; m = STATEMENT_END.exec(norm)) addStatement(m.index);
  addStatement(norm.length);
  const quantities: Quantity[] = [];
  const plain = asciiDigits(norm);
  const text = maskNames(plain);
  let depth = 0;
  let depthAt = 0;
  let statementAt = 0;
  for (const m of candidates(text)) {
    for (; depthAt < m.index; depthAt++) {
      const c = text.charCodeAt(depthAt);
      if (c === 0xff08 || c === 0x28) depth++;
      else if ((c === 0xff09 || c === 0x29) && depth > 0) depth--;
    }
    const quantity = readQuantity(plain, text, m, depth);
    if (!quantity) continue;
    while (statementAt < statements.length - 1 && quantity.start > statements[statementAt][1]) statementAt++;
    quantity.statement = statementAt;
    quantities.push(quantity);
  }
  // Both ends of a range (`10%～20%`, `9亿～16亿`) are one statement of spread, not two figures.
  for (let i = 0; i + 1 < quantities.length; i++) {
    const a = quantities[i];
    const b = quantities[i + 1];
    const between = text.slice(a.end, b.figureStart);
    if (between.length <= 3 && /^[\s]*(?:[～~—–\-－]|至|到)[\s]*$/.test(between)) a.range = b.range = true;
    else if (!a.unit && RANGE_MARK.test(text.slice(a.figureEnd))) a.range = true;
  }
  return { statements, quantities };
}

/** Quantities of the lines up to `lastLine` (the page furniture after it holds none worth reading). */
export function extractQuantities(
  doc: ReportDocument,
  parsed: ParsedDocument,
  lastLine = doc.lineCount - 1,
  previous?: FigureCache,
): { quantities: Figure[]; statements: Statement[]; cache: FigureCache } {
  const quantities: Figure[] = [];
  const statements: Statement[] = [];
  const cache: FigureCache = new Map();
  for (const line of doc.lines) {
    if (line.index > lastLine) break;
    const kind = parsed.kinds[line.index];
    if (kind === LineKind.Code || kind === LineKind.Html || kind === LineKind.Rule) continue;
    const norm = line.norm;
    // Lines with no figure hold no relation: their statements are not needed.
    if (!HAS_FIGURE.test(norm)) continue;
    // Only the previous version's lines are reused, not repeats within this text, so a
    // first analysis costs what it costs (and benchmarks made of repeated sections stay fair).
    const figures = previous?.get(norm) ?? figuresOfLine(norm);
    cache.set(norm, figures);
    const base = statements.length;
    for (const [start, end] of figures.statements) statements.push({ index: statements.length, start: line.start + start, end: line.start + end, line: line.index });
    figures.quantities.forEach((q, k) => {
      const a = figures.annotations[k];
      // One literal with every field (no spread): a figure object of one shape, cheap to make and to read.
      quantities.push({
        index: quantities.length,
        start: line.start + q.start,
        end: line.start + q.end,
        figureStart: line.start + q.figureStart,
        figureEnd: line.start + q.figureEnd,
        value: q.value,
        lo: q.lo,
        hi: q.hi,
        step: q.step,
        approx: q.approx,
        loose: q.loose,
        percent: q.percent,
        permille: q.permille,
        decimals: q.decimals,
        unit: q.unit,
        chinese: q.chinese,
        range: q.range,
        line: line.index,
        statement: base + q.statement,
        depth: q.depth,
        before: q.before,
        after: q.after,
        clause: a.clause,
        segment: a.segment,
        role: a.role,
        metric: a.metric,
        name: a.name,
        total: a.total,
        negated: a.negated,
        done: a.done,
        direction: a.direction,
        previousPeriod: a.previousPeriod,
        year: a.year,
      });
    });
  }
  return { quantities, statements, cache };
}

/**
 * `[lo, hi]`: an exact count is itself; a figure with decimals or 万/亿 may have been rounded or truncated
 * at its last digit; `80余`, `3.86万多` run up to the next unit of the last figure written (`[80, 90)`,
 * `[38600, 38700)`); `约`, `近`, `左右` are within 10%; `超过`, `以上` at least the figure.
 */
function interval(value: number, step: number, approx: 'none' | 'around' | 'atLeast' | 'more' | 'atMost', lastUnit: number): [number, number] {
  switch (approx) {
    case 'around':
      return [value * 0.9 - step / 2, value * 1.1 + step];
    case 'more':
      return [value, value + lastUnit];
    case 'atLeast':
      // `超过1000件`, `突破1600亿元`: a floor, not a figure.
      return [value, Infinity];
    case 'atMost':
      return [value * 0.9 - step / 2, value];
    default:
      return step === 0 ? [value, value] : [value - step / 2, value + step];
  }
}

/** The quantity at a candidate, with offsets relative to the line; its statement is set by the caller. */
function readQuantity(source: string, text: string, m: Candidate, depth: number): Quantity | null {
  const at = m.index;
  const prev = text[at - 1] ?? '';
  let value: number;
  let decimals = 0;
  let chinese = false;
  let percent = false;
  if (m[1] !== undefined) {
    if (/[A-Za-z.]/.test(prev)) return null;
    value = Number(m[1].replace(/[,\s\u00a0\u2009\u202f]/g, '') + (m[2] ? '.' + m[2] : ''));
    decimals = m[2]?.length ?? 0;
  } else if (m[3] !== undefined) {
    const [whole, fraction] = m[3].split('点');
    const w = parseChineseNumber(whole);
    if (w === null) return null;
    value = w + (fraction ? Number('0.' + [...fraction].map((c) => '零一二三四五六七八九'.indexOf(c.replace('〇', '零'))).join('')) : 0);
    decimals = fraction?.length ?? 0;
    percent = true;
    chinese = true;
  } else {
    // A Chinese numeral: not inside a word (统一, 进一步, 一体化), never a lone 十 or 万.
    if (/[\u4e00-\u9fff]/.test(prev) && !/[共计达约近有了办理受开展组织举行召出台制定发放培训查处]/.test(prev)) return null;
    const numeral = m[4] ?? '';
    if (numeral.length > MAX_NUMERAL_LENGTH) return null;
    const v = parseChineseNumber(numeral);
    if (v === null || /^[万亿千百]/.test(numeral)) return null;
    value = v;
    chinese = true;
  }
  let end = at + m[0].length;
  const figureEnd = end;
  const lead = text.slice(Math.max(0, at - 3), at);
  const lead4 = text.slice(Math.max(0, at - 4), at);
  let approx: 'none' | 'around' | 'atLeast' | 'more' | 'atMost' = /(?:约|近|大约|将近|接近)\s*$/.test(lead) ? 'around' : /(?:超过|逾|突破|不少于|不低于|高于)\s*$/.test(lead4) ? 'atLeast' : /(?:不足|不到|低于|少于)\s*$/.test(lead) ? 'atMost' : 'none';
  let rest = text.slice(end);
  let scale = 1;
  if (!percent) {
    // 余 or 多 may come before the multiplier (`1580多万件`).
    const multiplier = /^\s*(?:(余|多))?(万|亿)(?!元)/.exec(rest);
    if (multiplier && m[1] !== undefined) {
      scale = multiplier[2] === '万' ? 10000 : 100000000;
      if (multiplier[1]) approx = 'more';
      end += multiplier[0].length;
      rest = text.slice(end);
    }
  }
  const fuzzy = /^(?:余|多)/.exec(rest);
  if (fuzzy) {
    approx = 'more';
    end += fuzzy[0].length;
    rest = text.slice(end);
  }
  let unit = '';
  let permille = false;
  if (!percent) {
    const sign = /^\s*([%％‰])/.exec(rest);
    if (sign) {
      percent = sign[1] !== '‰';
      permille = sign[1] === '‰';
      unit = sign[1] === '‰' ? '‰' : '%';
      end += sign[0].length;
    } else {
      const u = /^\s*/.exec(rest)![0];
      const found = UNIT_RE.exec(rest.slice(u.length));
      if (found) {
        unit = found[0];
        end += u.length + unit.length;
      }
    }
  } else unit = '%';
  rest = text.slice(end);
  const tail = /^(?:左右|以上|上下|余|多)/.exec(rest);
  if (tail) {
    approx = tail[0] === '以上' ? 'atLeast' : tail[0] === '余' || tail[0] === '多' ? 'more' : 'around';
    end += tail[0].length;
    rest = text.slice(end);
  }
  // A bare Arabic number with no unit is no count (a code, a list number); a year is masked already.
  // With 万 or 亿 and the clause ending there (`用户注册数量达2.39亿，`) it is a count of the clause's thing.
  if (!percent && !permille && !unit && !(scale > 1 && !chinese && /^\s*(?:[，,；;。、）)]|$)/.test(rest))) return null;
  if (chinese && !percent && chineseIsName(rest, unit, value)) return null;
  // A Chinese numeral opening a clause is a slogan (`一次告知、一表申请`), not a count.
  if (chinese && !percent && (at === 0 || SEPARATOR.test(prev) || /[“"「]/.test(prev))) return null;
  if (unit === '年' || unit === '个月' || unit === '天' || unit === '小时' || unit === '分') return null;
  // The clause around the figure, at most CLAUSE_WINDOW characters each way: a line with no
  // separator would otherwise make every figure read the whole line.
  let clauseStart = at;
  while (clauseStart > 0 && at - clauseStart < CLAUSE_WINDOW && !SEPARATOR.test(text[clauseStart - 1])) clauseStart--;
  // `直接纠错（包括撤销、确认违法…）1693件`: what is counted is named before the parenthesis that glosses it.
  let gloss = '';
  if (clauseStart === at && at > 0 && (text[at - 1] === '）' || text[at - 1] === ')')) {
    const open = Math.max(text.lastIndexOf('（', at - 1), text.lastIndexOf('(', at - 1));
    if (open > 0 && at - open <= CLAUSE_WINDOW) {
      let start = open;
      while (start > 0 && open - start < CLAUSE_WINDOW && !SEPARATOR.test(text[start - 1])) start--;
      gloss = source.slice(start, open).trim();
    }
  }
  let clauseEnd = end;
  while (clauseEnd < text.length && clauseEnd - end < CLAUSE_WINDOW && !SEPARATOR.test(text[clauseEnd])) clauseEnd++;
  // Amounts in 万元, 亿元, 万人 are rounded from the units below them, like figures with a 万 multiplier.
  const roundedUnit = /^[万亿]/.test(unit);
  const step = (decimals ? 10 ** -decimals : chinese || (scale === 1 && !roundedUnit) ? 0 : 1) * scale;
  // The unit of the last non-zero digit written: 80 → 10, 3400 → 100, 2.61万 → 100, 1万 → 10000.
  let lastUnit = (decimals ? 10 ** -decimals : 1) * scale;
  if (!decimals && value > 0) for (let v = value; v % 10 === 0; v /= 10) lastUnit *= 10;
  const [lo, hi] = interval(value * scale, step, approx, lastUnit);
  return {
    step: (decimals ? 10 ** -decimals : 1) * scale,
    start: at,
    end,
    figureStart: at,
    figureEnd,
    value: value * scale,
    lo,
    hi,
    approx: approx !== 'none',
    loose: approx !== 'none' && approx !== 'more',
    percent,
    permille,
    decimals,
    unit,
    chinese,
    range: false,
    depth,
    // The words as written (a name with a numeral, `第一产业`, is part of the metric), the clause found on the masked text.
    before: source.slice(clauseStart, at).trim() || gloss,
    after: source.slice(end, clauseEnd).trim(),
    line: -1,
    statement: -1,
  };
}
