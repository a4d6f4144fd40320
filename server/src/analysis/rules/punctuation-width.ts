import { disabledRanges, isDisabled } from '../directives';
import type { Line } from '../document';
import type { RawEdit, RawFinding, Rule, RuleContext } from './rule';
import { addressSpans, SpanCursor, isAsciiAlnum, isHan, isLatinLetter, isLiteral, isWideMark, proseLines } from './style-text';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const FULL_MARKS = /[，；：？！（）]/g;

/** Where the next non-blank character of the line is, going `step` from `i` (-1 or the line's length when none). */
function neighbour(text: string, i: number, step: 1 | -1): number {
  let j = i + step;
  while (j >= 0 && j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j += step;
  return j;
}

const chineseSide = (c: number) => isHan(c) || isWideMark(c);
const LOOK_THROUGH = ',;:?!"\']';

interface LineMarks {
  text: string;
  /** Half-width brackets already judged Chinese (they will be widened). */
  wide: Uint8Array;
  addressEnds: Set<number>;
}

/**
 * The character that decides what stands beside `i` (going `step`): half-width marks, quotes and
 * brackets are looked through (`(here)!` is English, `(一),` and `”;(5)` Chinese), a bracket already
 * judged Chinese counts as the full-width one it will be, and an address says nothing of the
 * language around it. So each mark is judged as it will read once its neighbours are corrected.
 */
function side({ text, wide, addressEnds }: LineMarks, i: number, step: 1 | -1): number {
  let j = neighbour(text, i, step);
  for (let k = 0; k < 3 && j >= 0 && j < text.length; k++) {
    const c = text[j];
    if ((c === ')' || c === '(') && wide[j]) return c === ')' ? 0xff09 : 0xff08;
    if (!LOOK_THROUGH.includes(c) && !(step === -1 && c === ')') && !(step === 1 && c === '(')) break;
    j = neighbour(text, j, step);
  }
  if (step === -1 && addressEnds.has(j + 1)) return 0x20;
  return j >= 0 && j < text.length ? text.charCodeAt(j) : 0x20;
}

/**
 * Whether a half-width mark at `i` stands in Chinese text: after a Chinese
 * character or mark, or before one when what precedes is no English word.
 * Between two ASCII letters or digits (`1,234`, `09:30`, `a,b`) it is theirs.
 */
function inChinese(marks: LineMarks, i: number): boolean {
  const p = side(marks, i, -1);
  const n = side(marks, i, 1);
  if (isAsciiAlnum(p) && isAsciiAlnum(n)) return false;
  if (marks.text[i] === '!' && marks.text[i + 1] === '[') return false;
  return chineseSide(p) || (chineseSide(n) && !isLatinLetter(p));
}

/** Offsets (in the document) of the half-width marks of one line that stand in Chinese text. */
function halfWidthMarks(ctx: RuleContext, line: Line): number[] {
  const text = line.norm;
  const out: number[] = [];
  if (!/[,;:?!()]/.test(text)) return out;
  const spans = addressSpans(text);
  const marks: LineMarks = { text, wide: new Uint8Array(text.length), addressEnds: new Set(spans.map(([, e]) => e)) };
  // Brackets are paired first (either width) and judged as pairs, left to right: a pair is Chinese
  // when its content holds a Chinese character, or when it stands after one (`苏州(SIP)`).
  const pairs: [number, number][] = [];
  const stack: number[] = [];
  const hanBefore = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    hanBefore[i + 1] = hanBefore[i] + (isHan(text.charCodeAt(i)) ? 1 : 0);
    const c = text[i];
    if (c === '(' || c === '（') stack.push(i);
    else if ((c === ')' || c === '）') && stack.length) pairs.push([stack.pop()!, i]);
  }
  const paired = new Uint8Array(text.length);
  for (const [open, close] of pairs.sort((a, b) => a[0] - b[0])) {
    paired[open] = paired[close] = 1;
    const prev = side(marks, open, -1);
    const after = side(marks, close, 1);
    if (hanBefore[close] - hanBefore[open + 1] > 0 || chineseSide(prev) || (chineseSide(after) && !isAsciiAlnum(prev) && !isLatinLetter(prev))) {
      marks.wide[open] = marks.wide[close] = 1;
    }
  }
  const addresses = new SpanCursor(spans);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // , ; : ? ! ( ) — a comparison per character, before anything else.
    if (code !== 44 && code !== 59 && code !== 58 && code !== 63 && code !== 33 && code !== 40 && code !== 41) continue;
    const c = text[i];
    if (addresses.has(i) || !isLiteral(ctx, line.start + i)) continue;
    // The second of a doubled mark (`,,`, `，,`) is deleted by punctuation-repeat, not widened.
    if (c !== '(' && c !== ')' && i > 0 && (text[i - 1] === c || text[i - 1] === FULL[c])) continue;
    const chinese = paired[i] ? marks.wide[i] === 1 : inChinese(marks, i);
    if (chinese) out.push(line.start + i);
  }
  return out;
}

export const punctuationWidth: Rule = {
  id: 'punctuation-width',
  title: '标点全半角',
  severity: 'warning',
  description: '中文行文中的逗号、分号、冒号、括号、问号、叹号应为全角（GB/T 15834）；全文多用半角时只提示一次，可一次改正',
  tags: ['style'],
  fix: 'safe',
  check(ctx) {
    const { doc, structure } = ctx;
    const disabled = disabledRanges(ctx);
    let full = 0;
    const half: number[] = [];
    for (const line of proseLines(ctx)) {
      full += line.norm.match(FULL_MARKS)?.length ?? 0;
      for (const at of halfWidthMarks(ctx, line)) if (!isDisabled(disabled, 'punctuation-width', at)) half.push(at);
    }
    if (half.length === 0) return [];
    const edit = (at: number): RawEdit => ({ start: at, end: at + 1, newText: FULL[doc.text[at]] });

    // A document that mostly writes half-width marks (a web copy, a pasted draft): one finding, one fix for all.
    if (half.length > full) {
      const first = half[0];
      const kinds = [...new Set(half.map((at) => doc.text[at]))].slice(0, 4).map((c) => `“${c}”`).join('');
      return [
        {
          start: first,
          end: first + 1,
          severity: 'info',
          message: `全文中文标点多为半角（半角 ${half.length} 处，全角 ${full} 处，如${kinds}）：中文行文应使用全角标点（GB/T 15834）`,
          fix: { title: `全文改为全角标点（${half.length} 处）`, edits: half.map(edit) },
        },
      ];
    }

    // Otherwise each half-width mark is a slip; heading numbering is the outline rules' (heading-style).
    const numberings = structure.headings;
    let h = 0;
    const findings: RawFinding[] = [];
    for (const at of half) {
      while (h < numberings.length && numberings[h].numberingEnd <= at) h++;
      if (h < numberings.length && numberings[h].numberingStart <= at) continue;
      const c = doc.text[at];
      findings.push({
        start: at,
        end: at + 1,
        message: `中文行文应使用全角“${FULL[c]}”，此处为半角“${c}”`,
        fix: { title: `改为“${FULL[c]}”`, edits: [edit(at)] },
      });
    }
    return findings;
  },
};
