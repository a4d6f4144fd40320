// Incremental analysis: after any edit, parsing again only the touched blocks
// gives exactly what a full parse gives, and so does the whole analysis.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDetailed, type DetailedAnalysis } from '../../server/src/analysis/analyze';
import { ReportDocument } from '../../server/src/analysis/document';
import { parse, reparse } from '../../server/src/analysis/parse';
import { CORPUS, ROOT, corpus } from '../helpers';

const FUZZ = process.env.FAZHI_FUZZ === '1';
const SEED = FUZZ ? Date.now() : 20261122;

const markdownReport = [
  '# 某区2023年度法治政府建设情况报告',
  '',
  '区人民政府：',
  '',
  '2023年，我区坚持以习近平法治思想为指导。',
  '',
  '## 一、推进法治政府建设的主要举措和成效',
  '',
  '（一）依法全面履行政府职能。一是深化改革，共办理XX件。二是优化服务。',
  '',
  '- 列表一',
  '- 列表二',
  '',
  '> 引用的文字，共3件。',
  '',
  '```',
  '代码 一、不是标题',
  '',
  '```',
  '',
  '| 项目 | 数量 |',
  '| --- | --- |',
  '| 案件 | 30件 |',
  '',
  '全年受理1195件，调解成功1194件，调解成功率达98%。',
  '',
  '*****三项指标均居全市前列。',
  '',
  '[*****]三项指标之外。',
  '',
  '[abc]: /y',
  '',
  '二、存在的不足和原因',
  '',
  '三、2024年工作计划',
  '',
].join('\n');

const texts = [markdownReport, corpus(CORPUS.suxitong), readFileSync(join(ROOT, 'samples', '2023-示例区-法治政府建设情况报告.md'), 'utf8')];

// A whole section pasted in, as writers do from last year's file.
const SECTION = '\n\n三、存在的不足和原因\n\n一是学习不够。二是执法联动较少，共20件，已化解17件，还有3件未化解，化解率80%。\n\n';
const PIECES = [SECTION, SECTION.replace(/\n/g, '\r\n'), '', 'XX', '一是', '。', '\n', '\n\n', '（二）', '共12件，其中3件', '## 二、', '- ', '> ', '```', '|', '**', '*', '1. ', '    ', '2024年', '😀', '\r\n', '<!-- x -->', '---', '===',
  // A link reference definition, or its label, changes how `[*****]` reads in every other block.
  '[*****]: /x\n\n', '\n[*****]: /x', '[*****]', '[', ']', '*****', ']: /y'];

const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(30), text: fc.constantFrom(...PIECES) });

function applyEdit(text: string, e: { at: number; length: number; text: string }): string {
  let start = Math.floor(e.at * text.length);
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? '')) start--;
  let end = Math.min(text.length, start + e.length);
  if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
  return text.slice(0, start) + e.text + text.slice(end);
}

describe('incremental Markdown parsing', () => {
  it('equals a full parse after random edits', () => {
    let steps = 0;
    let incrementalSteps = 0;
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(editArb, { minLength: 1, maxLength: 20 }), (which, edits) => {
        let text = texts[which];
        let doc = new ReportDocument(text);
        let parsed = parse(doc, 'markdown');
        for (const e of edits) {
          text = applyEdit(text, e);
          const next = new ReportDocument(text);
          const incremental = parse(next, 'markdown', { doc, parsed });
          const full = parse(next, 'markdown');
          steps++;
          if (reparse(next, { doc, parsed })) incrementalSteps++;
          expect(incremental).toEqual(full);
          doc = next;
          parsed = incremental;
        }
      }),
      { seed: SEED, numRuns: FUZZ ? 20_000 : 120, endOnFailure: true },
    );
    // Most edits (those without fences, lists, quotes or tables in them) take the short path.
    expect(incrementalSteps / steps).toBeGreaterThan(0.3);
  });

  it('really parses only the touched blocks for a one-character edit in a paragraph', () => {
    const text = corpus(CORPUS.suxitong);
    const doc = new ReportDocument(text);
    const parsed = parse(doc, 'markdown');
    const at = text.indexOf('一是学习内容');
    const next = new ReportDocument(text.slice(0, at) + '甲' + text.slice(at));
    const again = reparse(next, { doc, parsed });
    expect(again).not.toBeNull();
    expect(again).toEqual(parse(next, 'markdown'));
  });
});

describe('incremental analysis', () => {
  it('gives, after many random edits, exactly the findings of a fresh full analysis', () => {
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(editArb, { minLength: 1, maxLength: 15 }), (which, edits) => {
        let text = texts[which];
        let previous: DetailedAnalysis = analyzeDetailed(text, { format: 'markdown' });
        for (const e of edits) {
          text = applyEdit(text, e);
          const incremental = analyzeDetailed(text, { format: 'markdown', previous });
          expect(incremental.analysis).toEqual(analyzeDetailed(text, { format: 'markdown' }).analysis);
          previous = incremental;
        }
      }),
      { seed: SEED, numRuns: FUZZ ? 5_000 : 100, endOnFailure: true },
    );
  });
});
