import { LineKind, inLiteralText } from '../parse';
import type { RawFinding, Rule } from './rule';

const isAsciiWordChar = (c: string | undefined) => !!c && /[A-Za-z0-9]/.test(c);
const isCjk = (c: string | undefined) => !!c && /[\u3400-\u9fff]/.test(c);

// Each pattern opens with a character class, so the engine can skip ahead; what
// a lookbehind would say is checked in code (`accept`), at the rare matches.
const PATTERNS: { re: RegExp; hint?: RegExp; literalOnly?: boolean; accept?: (text: string, start: number, end: number) => boolean }[] = [
  // XX区, ＸＸ件; lower-case xx only next to Chinese, so URLs and words stay quiet.
  {
    re: /[XＸ]{2,}|x{2,}/g,
    accept: (t, s, e) =>
      !isAsciiWordChar(t[s - 1]) && !isAsciiWordChar(t[e]) && (t[s] !== 'x' || isCjk(t[s - 1]) || isCjk(t[e])),
  },
  // X月X日, X年
  { re: /(?:[XxＸ×][年月日号]){1,3}/g, accept: (t, s) => !isAsciiWordChar(t[s - 1]) },
  { re: /[×╳]{2,}/g },
  // *****三项指标: in Markdown only where the stars are literal text, not emphasis.
  { re: /\*{3,}/g, literalOnly: true },
  { re: /[【\[［][\t \u3000]*(?:待|请|此处)[^】\]］\r\n]{0,15}[】\]］]/g },
  { re: /[（(][\t \u3000]*待(?:补充|填写|填报|定|核实|完善|更新|确认)[^）)\r\n]{0,10}[）)]/g },
  { re: /□+/g },
  { re: /○{2,}/g },
  // （数字）、（具体数字）: a note to fill in a figure.
  { re: /[（(][\t \u3000]*(?:具体)?(?:数字|数据|数量|人数|件数|次数|金额)[\t \u3000]*[）)]/g },
  // 20XX年, x01x年度: a year with masked digits.
  { re: /[0-9xX×Ｘ]{4}(?=年)/g, hint: /[xX×Ｘ]/, accept: (t, s, e) => !isAsciiWordChar(t[s - 1]) && /[xX×Ｘ]/.test(t.slice(s, e)) },
  // 共召开会议*次: a lone star where the count goes (never `**` emphasis).
  { re: /\*(?=(?:人次|件次|万元|个|件|次|起|人|项|家|份|场|条|户|名|例|宗|批|元))/g, literalOnly: true, accept: (t, s) => /[\u4e00-\u9fff]/.test(t[s - 1] ?? '') },
];

export const placeholder: Rule = {
  id: 'placeholder',
  title: '遗留占位符',
  name: 'LeftoverPlaceholder',
  severity: 'error',
  description: '文中遗留占位符（XX、××、*****、X月X日、【待补充】、□、（数字）、20XX年 等）',
  tags: ['leftovers'],
  check({ doc, parsed }) {
    const findings: RawFinding[] = [];
    // Each pattern runs once over the whole text; matches in code, HTML or rule lines are dropped.
    // A character taken by an earlier pattern's match is not reported again (one flag per code unit:
    // checking a match costs its own length, whatever number of matches came before).
    let taken: Uint8Array | null = null;
    for (const { re, hint, literalOnly, accept } of PATTERNS) {
      if (hint && !hint.test(doc.norm)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(doc.norm); m; m = re.exec(doc.norm)) {
        const start = m.index;
        const end = start + m[0].length;
        const kind = parsed.kinds[doc.lineAt(start).index];
        if (kind === LineKind.Code || kind === LineKind.Html || kind === LineKind.Rule) continue;
        if (accept && !accept(doc.norm, start, end)) continue;
        if (literalOnly && !inLiteralText(parsed, start)) continue;
        taken ??= new Uint8Array(doc.text.length);
        if (taken.subarray(start, end).includes(1)) continue;
        taken.fill(1, start, end);
        findings.push({ start, end, message: `遗留占位符“${doc.text.slice(start, end)}”：请填入实际内容` });
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
