// Quantities in report prose: the figure, its unit or measure word, whether
// it is approximate, and the clause it sits in. Names that contain numbers
// (三项制度, “八五”普法, 12345热线, 7×24小时, dates, 《》 titles) are not counts.
import type { ReportDocument } from '../document';
import { LineKind, type ParsedDocument } from '../parse';
import { parseChineseNumber } from '../numerals';

export interface Quantity {
  start: number;
  end: number;
  /** The figure's own span (digits or numerals), for edits and hovers. */
  figureStart: number;
  figureEnd: number;
  value: number;
  /** 余 多 近 约 左右 以上 超过: the true figure may differ. */
  approx: boolean;
  percent: boolean;
  /** Decimal places as written (`99.9%` → 1). */
  decimals: number;
  /** Measure word or unit (`件`, `人次`, `万元`); `%` for percentages; '' when none. */
  unit: string;
  chinese: boolean;
  line: number;
  /** Index of the statement (split at 。！？；) in the document. */
  statement: number;
  /** Parenthesis depth (（…）) at the figure. */
  depth: number;
  /** The clause before the figure, from the last separator (，；：、（）), simplified text. */
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
  '个百分点', '人次', '件次', '户次', '家次', '场次', '批次', '万元', '亿元', '万人', '平方米', '公里', '小时', '个月',
  '件', '起', '次', '人', '名', '项', '个', '家', '份', '场', '条', '户', '宗', '例', '批', '期', '所', '座', '处', '台', '辆', '篇', '部', '本', '册', '张', '套', '支', '只', '元', '天', '年', '轮', '期', '间', '组', '队', '类', '种', '门', '位', '节', '课',
];
const UNIT_RE = new RegExp(`^(?:${UNITS.join('|')})`);
const CN_NUMERAL = '[零〇一二两三四五六七八九十百千万亿]';
// Three simple scans beat one alternation (measured: four times faster). Groups are
// numbered as one figure pattern would number them: 1-2 Arabic, 3 百分之…, 4 Chinese.
const ARABIC = /(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?/g;
const PERCENT_CN = new RegExp(`百分之(${CN_NUMERAL}+(?:点[零〇一二三四五六七八九]+)?)`, 'g');
// A Chinese numeral is only a candidate when a measure word (or 余, 多) follows it. The run is
// matched whole and what follows checked in code: a lookahead after `+` would retry every
// suffix of a long run that fails.
const UNIT_FIRST = new Set([...UNITS.map((u) => u[0]), '余', '多']);
const CHINESE = new RegExp(`${CN_NUMERAL}+`, 'g');

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
  CHINESE.lastIndex = 0;
  for (let m = CHINESE.exec(text); m; m = CHINESE.exec(text)) {
    if (UNIT_FIRST.has(text[m.index + m[0].length])) found.push({ index: m.index, 0: m[0], 4: m[0] });
  }
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
const HAS_FIGURE = /[\d零〇一二两三四五六七八九十百]/;
const STATEMENT_END = /[。！？!?；;]/g;

/** Marks spans that hold numbers which are names, dates or titles, never counts. */
function maskNames(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  // Each replacement runs only where its tell-tale character is present.
  if (text.includes('《')) text = text.replace(/《[^《》]*》/g, blank);
  if (/[“"「]/.test(text)) text = text.replace(/[“"「][^”"」]{0,12}[”"」]/g, (m) => (/[\d零〇一二两三四五六七八九十]/.test(m) ? blank(m) : m));
  if (/\d/.test(text)) {
    text = text
      .replace(/\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{1,2}\s*月份?|(?:19|20)\d{2}\s*(?:年度?|—|-|–|～|~)/g, blank)
      .replace(/(?<!\d)\d+(?:[×xX*·:：\/\-—–]\d+)+/g, blank)
      .replace(/(?<!\d)\d{5,}(?=\s*(?:热线|服务热线|平台|专线))|(?:热线|电话)\s*\d+/g, blank);
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
}

/** Figures by line text: a line's figures depend on its text alone, so an edit recomputes only the lines it changed. */
export type FigureCache = Map<string, LineFigures>;

function figuresOfLine(doc: ReportDocument, lineStart: number, norm: string): LineFigures {
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
  const text = maskNames(norm);
  let depth = 0;
  let depthAt = 0;
  let statementAt = 0;
  for (const m of candidates(text)) {
    for (; depthAt < m.index; depthAt++) {
      const c = text.charCodeAt(depthAt);
      if (c === 0xff08 || c === 0x28) depth++;
      else if ((c === 0xff09 || c === 0x29) && depth > 0) depth--;
    }
    const quantity = readQuantity(doc, lineStart, text, m, depth);
    if (!quantity) continue;
    const at = quantity.start - lineStart;
    while (statementAt < statements.length - 1 && at > statements[statementAt][1]) statementAt++;
    quantity.start -= lineStart;
    quantity.end -= lineStart;
    quantity.figureStart -= lineStart;
    quantity.figureEnd -= lineStart;
    quantity.statement = statementAt;
    quantities.push(quantity);
  }
  return { statements, quantities };
}

/** Quantities of the lines up to `lastLine` (the page furniture after it holds none worth reading). */
export function extractQuantities(
  doc: ReportDocument,
  parsed: ParsedDocument,
  lastLine = doc.lineCount - 1,
  previous?: FigureCache,
): { quantities: Quantity[]; statements: Statement[]; cache: FigureCache } {
  const quantities: Quantity[] = [];
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
    const figures = previous?.get(norm) ?? figuresOfLine(doc, line.start, norm);
    cache.set(norm, figures);
    const base = statements.length;
    for (const [start, end] of figures.statements) statements.push({ index: statements.length, start: line.start + start, end: line.start + end, line: line.index });
    for (const q of figures.quantities) {
      quantities.push({
        start: line.start + q.start,
        end: line.start + q.end,
        figureStart: line.start + q.figureStart,
        figureEnd: line.start + q.figureEnd,
        value: q.value,
        approx: q.approx,
        percent: q.percent,
        decimals: q.decimals,
        unit: q.unit,
        chinese: q.chinese,
        line: line.index,
        statement: base + q.statement,
        depth: q.depth,
        before: q.before,
        after: q.after,
      });
    }
  }
  return { quantities, statements, cache };
}

/** The quantity at a candidate; its line and statement are set by the caller. */
function readQuantity(doc: ReportDocument, lineStart: number, text: string, m: Candidate, depth: number): Quantity | null {
  const at = m.index;
  const prev = text[at - 1] ?? '';
  let value: number;
  let decimals = 0;
  let chinese = false;
  let percent = false;
  if (m[1] !== undefined) {
    if (/[A-Za-z.]/.test(prev)) return null;
    value = Number(m[1].replace(/,/g, '') + (m[2] ? '.' + m[2] : ''));
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
    const v = parseChineseNumber(numeral);
    if (v === null || /^[万亿千百]/.test(numeral)) return null;
    value = v;
    chinese = true;
  }
  let end = at + m[0].length;
  const figureEnd = end;
  let approx = /(?:约|近|大约|将近|超过|逾)\s*$/.test(text.slice(Math.max(0, at - 3), at));
  let rest = text.slice(end);
  let scale = 1;
  if (!percent && m[1] !== undefined) {
    const multiplier = /^\s*(万|亿)(?!元)/.exec(rest);
    if (multiplier) {
      scale = multiplier[1] === '万' ? 10000 : 100000000;
      end += multiplier[0].length;
      rest = text.slice(end);
    }
  }
  const fuzzy = /^(?:余|多)/.exec(rest);
  if (fuzzy) {
    approx = true;
    end += fuzzy[0].length;
    rest = text.slice(end);
  }
  let unit = '';
  if (!percent) {
    const pct = /^\s*[%％]/.exec(rest);
    if (pct) {
      percent = true;
      unit = '%';
      end += pct[0].length;
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
  const tail = /^(?:左右|以上|余|多)/.exec(rest);
  if (tail) {
    approx = true;
    end += tail[0].length;
    rest = text.slice(end);
  }
  // A bare Arabic number with no unit is no count (a code, a list number); a year is masked already.
  if (!percent && !unit) return null;
  if (chinese && !percent && chineseIsName(rest, unit, value)) return null;
  // A Chinese numeral opening a clause is a slogan (`一次告知、一表申请`), not a count.
  if (chinese && !percent && (at === 0 || SEPARATOR.test(prev) || /[“"「]/.test(prev))) return null;
  if (unit === '年' || unit === '个月' || unit === '天' || unit === '小时') return null;
  // The clause around the figure, at most CLAUSE_WINDOW characters each way: a line with no
  // separator would otherwise make every figure read the whole line.
  let clauseStart = at;
  while (clauseStart > 0 && at - clauseStart < CLAUSE_WINDOW && !SEPARATOR.test(text[clauseStart - 1])) clauseStart--;
  let clauseEnd = end;
  while (clauseEnd < text.length && clauseEnd - end < CLAUSE_WINDOW && !SEPARATOR.test(text[clauseEnd])) clauseEnd++;
  return {
    start: lineStart + at,
    end: lineStart + end,
    figureStart: lineStart + at,
    figureEnd: lineStart + figureEnd,
    value: value * scale,
    approx,
    percent,
    decimals,
    unit,
    chinese,
    depth,
    before: doc.norm.slice(lineStart + clauseStart, lineStart + at).trim(),
    after: doc.norm.slice(lineStart + end, lineStart + clauseEnd).trim(),
    line: -1,
    statement: -1,
  };
}
