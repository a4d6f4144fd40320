import { LineKind, inLiteralText } from '../parse';
import type { RawFinding, Rule } from './rule';

const CJK = '\\u3400-\\u9fff';

// Each pattern is anchored on the placeholder itself; none can backtrack far.
const PATTERNS: { re: RegExp; literalOnly?: boolean }[] = [
  // XX区, ＸＸ件; lower-case xx only next to Chinese, so URLs and words stay quiet.
  { re: new RegExp(`(?<![A-Za-z0-9])(?:[XＸ]{2,}|(?<=[${CJK}])x{2,}|x{2,}(?=[${CJK}]))(?![A-Za-z0-9])`, 'g') },
  // X月X日, X年
  { re: /(?<![A-Za-z0-9])(?:[XxＸ×][年月日号]){1,3}/g },
  { re: /[×╳]{2,}/g },
  // *****三项指标: in Markdown only where the stars are literal text, not emphasis.
  { re: /\*{3,}/g, literalOnly: true },
  { re: /[【\[［][\s\u3000]*(?:待|请|此处)[^】\]］\n]{0,15}[】\]］]/g },
  { re: /[（(][\s\u3000]*待(?:补充|填写|填报|定|核实|完善|更新|确认)[^）)\n]{0,10}[）)]/g },
  { re: /□+/g },
  { re: /○{2,}/g },
  // （数字）、（具体数字）: a note to fill in a figure.
  { re: /[（(][\s\u3000]*(?:具体)?(?:数字|数据|数量|人数|件数|次数|金额)[\s\u3000]*[）)]/g },
  // 20XX年, x01x年度: a year with masked digits.
  { re: /(?<![A-Za-z0-9])(?=[0-9xX×Ｘ]{4}年)(?=[0-9]*[xX×Ｘ])[0-9xX×Ｘ]{4}(?=年)/g },
  // 共召开会议*次: a lone star where the count goes (never `**` emphasis).
  { re: /(?<=[\u4e00-\u9fff])\*(?=(?:人次|件次|万元|个|件|次|起|人|项|家|份|场|条|户|名|例|宗|批|元))/g, literalOnly: true },
];

export const placeholder: Rule = {
  id: 'placeholder',
  severity: 'error',
  description: '文中遗留占位符（XX、××、*****、X月X日、【待补充】、□、（数字）、20XX年 等）',
  check({ doc, parsed }) {
    const findings: RawFinding[] = [];
    for (const line of doc.lines) {
      const kind = parsed.kinds[line.index];
      if (kind === LineKind.Code || kind === LineKind.Html || kind === LineKind.Rule) continue;
      if (line.norm.length === 0) continue;
      const taken: [number, number][] = [];
      for (const { re, literalOnly } of PATTERNS) {
        re.lastIndex = 0;
        for (let m = re.exec(line.norm); m; m = re.exec(line.norm)) {
          const start = line.start + m.index;
          const end = start + m[0].length;
          if (literalOnly && !inLiteralText(parsed, start)) continue;
          if (taken.some(([s, e]) => start < e && end > s)) continue;
          taken.push([start, end]);
          findings.push({ start, end, message: `遗留占位符“${doc.text.slice(start, end)}”：请填入实际内容` });
        }
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
