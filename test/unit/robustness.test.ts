// Property-based and bad-input tests of the core. `npm test` runs them with a
// fixed seed; `npm run fuzz` with a random seed and many more cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis, type OutlineNode, type Range } from '../../server/src/analysis';
import { analyzeDetailed, type CoreFinding } from '../../server/src/analysis/analyze';
import type { Rule } from '../../server/src/analysis/rules/rule';
import { CORPUS, corpus } from '../helpers';

const FUZZ = process.env.FAZHI_FUZZ === '1';
const SEED = FUZZ ? Date.now() : 20261122;
const RUNS = FUZZ ? 100_000 : 1_000;
const params = (runs = RUNS) => ({ seed: SEED, numRuns: runs, endOnFailure: true });
if (FUZZ) console.log(`fuzz seed ${SEED}, ${RUNS} cases per property`);

const PIECES = [
  '一、', '二、', '四、', '十一、', '（一）', '(二)', '（三）', '1.', '2、', '3．', '（1）', '(2)', '①', '一是', '二是', '三是', '第一，', '第二，',
  '# ', '## ', '### ', '> ', '- ', '* ', '1. ', '```', '    ', '\t', '|', '| --- |', '***', '**', '*', '_', '<!-- fazhi-report-disable -->',
  '<!-- fazhi-report-enable -->', '<!-- ', ' -->', '\n', '\n', '\n', '\r\n', '\r', '。', '，', '；', '：', ',', ':', '（', '）', '(', ')', '、',
  'XX', '××', '*****', '□', '【待补充】', '（数字）', '20XX', 'X月X日', '共', '共计', '其中', '已', '未', '受理', '办结', '调解成功', '化解率',
  '件', '起', '次', '人次', '%', '％', '余', '约', '万', '1195', '1194', '99.9', '85', '20', '17', '3', '0', '1,234', '两', '十余', '一万',
  '2023年', '2024年', '二〇二三年', '2021-2025年', '《', '》', '“', '”', '法治政府建设', '报告', '情况报告', '主要举措和成效', '存在问题',
  '存在的不足和原因', '工作计划', '下一步', '第一责任人职责', '陕西省', '河南省', '信阳市', '市人民政府：', '某区人民政府', '2024年3月1日',
  '😀', '\uD800', '\uDC00', ' ', '\u3000', '\u00a0', 'a', 'jc', '\u0000',
];

const generatedText = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      starts.push(i + 2);
      i++;
    } else if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

/** Every range lies inside the text, ends after it starts, and never splits a surrogate pair (one check for all: a fix-all may hold thousands of edits). */
function checkRanges(text: string, analysis: Analysis): void {
  const starts = lineStarts(text);
  const problems: string[] = [];
  const offsetOf = (p: { line: number; character: number }) => {
    if (p.line < 0 || p.line >= starts.length || p.character < 0) {
      problems.push(`position ${JSON.stringify(p)} outside the text`);
      return 0;
    }
    const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
    const offset = starts[p.line] + p.character;
    if (offset > lineEnd) problems.push(`position ${JSON.stringify(p)} past its line`);
    // Not between a high and a low surrogate.
    const before = text.charCodeAt(offset - 1);
    const after = text.charCodeAt(offset);
    if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) problems.push(`position ${JSON.stringify(p)} splits a surrogate pair`);
    return offset;
  };
  const check = (r: Range) => {
    if (offsetOf(r.end) < offsetOf(r.start)) problems.push(`range ${JSON.stringify(r)} ends before it starts`);
  };
  const walk = (nodes: OutlineNode[]) =>
    nodes.forEach((n) => {
      check(n.range);
      check(n.selectionRange);
      walk(n.children);
    });
  walk(analysis.outline);
  if (analysis.title) check(analysis.title.range);
  for (const s of Object.values(analysis.sections)) if (s) check(s.range);
  for (const f of analysis.findings) {
    check(f.range);
    for (const e of f.fix?.edits ?? []) check(e.range);
  }
  expect(problems).toEqual([]);
}

/** Applies offset edits; checks that only the text in the edits changed (one check per fix: a fix-all may hold thousands of edits). */
function applyAndCheck(text: string, edits: { start: number; end: number; newText: string }[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  expect(sorted.findIndex((e, k) => k > 0 && e.start < sorted[k - 1].end)).toBe(-1);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  out += text.slice(at);
  // Everything outside the edits is still there, in order.
  let cursor = 0;
  let lost = -1;
  at = 0;
  sorted.forEach((e, k) => {
    const kept = text.slice(at, e.start);
    if (lost < 0 && out.slice(cursor, cursor + kept.length) !== kept) lost = k;
    cursor += kept.length + e.newText.length;
    at = e.end;
  });
  expect(lost).toBe(-1);
  expect(out.slice(cursor)).toBe(text.slice(at));
  return out;
}

function fixesOf(f: CoreFinding, offsetOf: (p: { line: number; character: number }) => number) {
  return (f.fixes ?? []).map((fix) => fix.edits.map((e) => ({ start: offsetOf(e.range.start), end: offsetOf(e.range.end), newText: e.newText })));
}

function checkFixes(text: string, format: 'plain' | 'markdown'): void {
  const detailed = analyzeDetailed(text, { format });
  const doc = detailed.context?.doc;
  if (!doc) return;
  for (const f of detailed.findings) for (const edits of fixesOf(f, (p) => doc.offsetAt(p))) applyAndCheck(text, edits);
}

describe('analyze() on generated text', () => {
  it('never throws, and every range is inside the text on UTF-16 boundaries', () => {
    fc.assert(
      fc.property(generatedText, fc.constantFrom('plain' as const, 'markdown' as const), (text, format) => {
        checkRanges(text, analyze(text, { format }));
      }),
      params(),
    );
  });

  it('offers only fixes that change the text inside their own edits', () => {
    fc.assert(
      fc.property(generatedText, fc.constantFrom('plain' as const, 'markdown' as const), (text, format) => checkFixes(text, format)),
      params(),
    );
  });
});

describe('analyze() on real reports cut and spliced at random', () => {
  const reports = Object.values(CORPUS).map((name) => corpus(name));
  const spliced = fc
    .tuple(fc.nat(2), fc.nat(2), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([a, b, x, y, z]) => {
      const first = reports[a];
      const second = reports[b];
      const cut = Math.floor(x * first.length);
      const from = Math.floor(Math.min(y, z) * second.length);
      const to = Math.floor(Math.max(y, z) * second.length);
      return first.slice(0, cut) + second.slice(from, to) + first.slice(cut);
    });

  it('never throws, keeps ranges in bounds, and its fixes touch only their own text', () => {
    fc.assert(
      fc.property(spliced, fc.constantFrom('plain' as const, 'markdown' as const), (text, format) => {
        checkRanges(text, analyze(text, { format }));
        checkFixes(text, format);
      }),
      params(FUZZ ? 5_000 : 1_000),
    );
    // A thousand whole reports analysed twice: the time limit guards against a hang, it is not a speed claim.
  }, 300_000);
});

// Linear time on the worst inputs: test/unit/worst-cases.test.ts.

describe('bad input', () => {
  it('empty and whitespace-only text', () => {
    for (const text of ['', ' ', '\n\n\n', '\u3000\t \r\n']) {
      const a = analyze(text, { format: 'markdown' });
      expect(a.outline).toEqual([]);
      expect(a.title).toBeNull();
      checkRanges(text, a);
    }
  });

  it('a single 1 MB line', () => {
    const text = '全年办结案件30件，'.repeat(100_000);
    const a = analyze(text, { format: 'plain' });
    checkRanges(text, a);
  });

  it('text over the size limit: one information finding, nothing else', () => {
    const text = 'x'.repeat(6 * 1024 * 1024);
    const a = analyze(text, { format: 'plain' });
    expect(a.findings).toHaveLength(1);
    expect(a.findings[0]).toMatchObject({ rule: 'file-size', severity: 'info' });
    expect(a.findings[0].message).toContain('已跳过检查');
  });

  it('CRLF and lone CR line ends give the same positions as LF', () => {
    const lf = '某区2023年度法治政府建设情况报告\n一、主要举措\n共办理XX件。\n二、存在问题\n';
    // Inserted text keeps the document's own line ends; compare it as LF.
    const strip = (a: Analysis) => JSON.stringify(a).replace(/\\r\\n|\\r/g, '\\n');
    const base = strip(analyze(lf, { format: 'plain' }));
    expect(strip(analyze(lf.replace(/\n/g, '\r\n'), { format: 'plain' }))).toBe(base);
    expect(strip(analyze(lf.replace(/\n/g, '\r'), { format: 'plain' }))).toBe(base);
  });

  it('lone surrogates, NUL bytes and a BOM', () => {
    for (const text of ['\uD800一、标题\uDC00\n共XX件', '一、标题\u0000\n', '\uFEFF某区2023年度法治政府建设情况报告\n一、主要举措\n']) {
      checkRanges(text, analyze(text, { format: 'markdown' }));
    }
  });

  it('10k nested lists or block quotes: no stack overflow, read by lines with one information finding', () => {
    for (const text of ['- '.repeat(10_000) + '一、标题', '>'.repeat(10_000) + ' 一、标题', Array.from({ length: 10_000 }, (_, i) => '  '.repeat(Math.min(i, 200)) + '- 项').join('\n')]) {
      const a = analyze(text, { format: 'markdown' });
      const deep = a.findings.filter((f) => f.rule === 'nesting-depth');
      expect(deep).toHaveLength(1);
      expect(deep[0].severity).toBe('info');
    }
    // A normal report is never affected.
    expect(analyze(corpus(CORPUS.suxitong), { format: 'markdown' }).findings.filter((f) => f.rule === 'nesting-depth')).toEqual([]);
  });
});

describe('isolation', () => {
  it('a rule that throws is reported once, and every other rule still runs', () => {
    const broken: Rule = {
      id: 'broken-rule',
      title: '测试',
      tags: [],
      severity: 'error',
      description: '测试用：总是出错',
      check() {
        throw new Error('boom');
      },
    };
    const errors: string[] = [];
    const text = corpus(CORPUS.suxitong);
    const result = analyzeDetailed(text, { format: 'plain', extraRules: [broken], onRuleError: (id) => errors.push(id) });
    expect(errors).toEqual(['broken-rule']);
    expect(result.analysis.findings).toEqual(analyze(text, { format: 'plain' }).findings);
  });
});
