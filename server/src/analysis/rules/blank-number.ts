import { LineKind } from '../parse';
import type { RawFinding, Rule } from './rule';

const MEASURE = '(?:人次|件次|万元|个|件|次|起|人|项|家|份|场|条|户|名|例|宗|批|元)';
// 解决 个，: a measure word with nothing but space before it, at the end of a clause.
const BEFORE_MEASURE = new RegExp(`(?<=[\\u4e00-\\u9fff])[ \\u3000\\u00a0]+(?=${MEASURE}(?:[，。；、,.;：:）)]|$))`, 'g');
// 共收集 企业问题: a counting verb, a space, then the thing counted.
const AFTER_VERB = /(?<=(?:共|共计|合计|累计|收集|解决|受理|办理|举办|接待|查处|新增|办结|调解|化解|培训|发放|出具))[ \u3000\u00a0]+(?=[\u4e00-\u9fff])/g;

export const blankNumber: Rule = {
  id: 'blank-number',
  title: '数字空缺',
  severity: 'error',
  description: '数字空缺：量词或计数对象前缺少数字（如“解决 个”）',
  tags: ['leftovers'],
  check({ doc, parsed, structure }) {
    const findings: RawFinding[] = [];
    for (const line of doc.lines) {
      if (line.index > structure.lastContentLine) break;
      if (parsed.kinds[line.index] !== LineKind.Prose || !/[ \u3000\u00a0]/.test(line.norm)) continue;
      // A line laid out with spaces between words (a copied web page) says nothing by its spaces.
      const gaps = line.norm.match(/[\u4e00-\u9fff][ \u3000\u00a0]+[\u4e00-\u9fff]/g)?.length ?? 0;
      const spaced = gaps > 4;
      // Spans already reported on this line, as flags per character (a second pattern's match inside one is the same blank).
      let taken: Uint8Array | null = null;
      for (const [re, kind] of [[BEFORE_MEASURE, 'measure'], [AFTER_VERB, 'verb']] as const) {
        if (kind === 'verb' && spaced) continue;
        re.lastIndex = 0;
        for (let m = re.exec(line.norm); m; m = re.exec(line.norm)) {
          const start = line.start + m.index;
          const end = start + m[0].length;
          taken ??= new Uint8Array(line.end - line.start);
          if (taken.subarray(m.index, m.index + m[0].length).includes(1)) continue;
          taken.fill(1, m.index, m.index + m[0].length);
          const context = doc.text.slice(Math.max(line.start, start - 4), Math.min(line.end, end + 4)).trim();
          findings.push({ start, end, message: `数字空缺：“${context}”此处缺少数字` });
        }
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
