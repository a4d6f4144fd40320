import type { RawFinding, Rule } from './rule';
import { hanAt, isBlank, isLiteral } from './style-text';

const EMPHASIS = /[*_#\s\u3000]/;
/** A heading longer than this is a sentence, not a heading. */
const MAX_HEADING = 30;

export const headingPunctuation: Rule = {
  id: 'heading-punctuation',
  title: '标题标点',
  severity: 'warning',
  description: '独占一行的一级标题末尾不加句号；二、三级标题与正文同段时，标题后用句号隔开，不只用空格或加粗（习惯做法，仅提示）',
  tags: ['style'],
  fix: 'safe',
  check(ctx) {
    const { doc, structure, parsed } = ctx;
    const findings: RawFinding[] = [];

    // A level-1 heading on a line of its own ends without 。 — the line break sets it apart. A numbered
    // paragraph (`二、分收入结构看：截至…，…。`) is a sentence: long, or with a colon or semicolon inside.
    for (const h of structure.headings) {
      if (h.level !== 1 || h.titleEnd - h.titleStart > MAX_HEADING || /[：:；;]/.test(doc.norm.slice(h.titleStart, h.titleEnd))) continue;
      const line = doc.lines[h.line];
      let i = h.titleEnd;
      while (i < line.end && EMPHASIS.test(doc.norm[i]) && doc.norm[i] !== '#') i++;
      if (doc.norm[i] !== '。') continue;
      let j = i + 1;
      while (j < line.end && EMPHASIS.test(doc.norm[j])) j++;
      if (j < line.end || !isLiteral(ctx, i)) continue;
      findings.push({
        start: i,
        end: i + 1,
        message: '一级标题独占一行，末尾不加句号',
        fix: { title: '删去句号', edits: [{ start: i, end: i + 1, newText: '' }] },
      });
    }

    // A level-2 or level-3 heading run in with its text: the heading ends with 。 (practice, not GB/T 9704).
    for (const h of structure.headings) {
      if ((h.level !== 2 && h.level !== 3) || h.style === 'none' || h.mdDepth > 0) continue;
      const line = doc.lines[h.line];
      const text = doc.norm.slice(h.titleStart, line.end);
      let cut = -1;
      let how = '';
      for (let i = 0; i < text.length && i <= MAX_HEADING; i++) {
        const c = text[i];
        if (c === '。' || c === '，' || c === ',' || c === '；' || c === '！' || c === '？') break;
        // `（一）基本数据：…` is a label and its text; only a heading run in with nothing between is a slip.
        if (c === '：' || c === ':') break;
        if (isBlank(text.charCodeAt(i)) && hanAt(text, i - 1)) {
          let j = i;
          while (j < text.length && isBlank(text.charCodeAt(j))) j++;
          if (hanAt(text, j)) {
            cut = i;
            how = '空格';
          }
          break;
        }
        if (parsed.format === 'markdown' && (c === '*' || c === '_') && hanAt(text, i - 1)) {
          let j = i;
          while (text[j] === c) j++;
          if (j - i >= 2 && hanAt(text, j)) {
            cut = i;
            how = '加粗';
          }
          break;
        }
      }
      if (cut <= 0) continue;
      // Text must follow on the same line, or this is a heading on its own line ending in a colon.
      let after = cut + 1;
      while (after < text.length && EMPHASIS.test(text[after])) after++;
      if (after >= text.length || !isLiteral(ctx, h.titleStart)) continue;
      findings.push({
        start: h.numberingStart,
        end: h.titleStart + cut,
        severity: 'info',
        message: `${h.level === 2 ? '二级' : '三级'}标题与正文同段，标题后习惯用句号隔开（此处用${how}）`,
      });
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
