import type { Rule } from './rule';

/** A page copied as one paragraph: its headings were found after `。` and the writer is told once. */
export const runInHeadings: Rule = {
  id: 'run-in-headings',
  title: '全文未分段',
  severity: 'info',
  description: '正文没有分段，标题连在句子后面（多为网页复制），已按序号识别标题',
  tags: ['outline'],
  check({ doc }) {
    const breaks = doc.runInHeadingBreaks;
    if (breaks.length === 0) return [];
    const at = breaks[0];
    const line = doc.lineAt(at);
    const end = Math.min(line.end, at + 12);
    return [
      {
        start: at,
        end,
        message: `正文没有分段（多为从网页复制），“一、”“（一）”等标题连在句子后面；已按序号识别出 ${breaks.length} 处标题，建议在每个标题前换行`,
      },
    ];
  },
};
