import { describe, expect, it } from 'vitest';
import { analyze, ruleDescriptors } from '../../server/src/analysis';
import { analyzeDetailed } from '../../server/src/analysis/analyze';
import { renumberLevel } from '../../server/src/analysis/renumber';
import { sectionCatalogue } from '../../server/src/analysis/sections';
import { expandSnippet, reportSkeleton } from '../../server/src/analysis/skeleton';
import { reviewSummary } from '../../server/src/analysis/summary';
import { CORPUS, corpus } from '../helpers';

function applyRaw(text: string, edits: { start: number; end: number; newText: string }[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

/** Moves the line block [from, to) of a report in front of line `before`. */
function moveLines(text: string, from: number, to: number, before: number): string {
  const lines = text.split('\n');
  const block = lines.splice(from, to - from);
  lines.splice(before < from ? before : before - block.length, 0, ...block);
  return lines.join('\n');
}

describe('renumbering', () => {
  it('after sections of a real report were moved, changes only numbering characters and leaves no heading-sequence finding', () => {
    // Suxitong: move (七)…(八) in front of (二), and 三、 in front of 二、.
    let text = corpus(CORPUS.suxitong);
    text = moveLines(text, 27, 36, 9);
    text = moveLines(text, 39, 43, 36);
    const before = analyze(text, { format: 'plain' });
    expect(before.findings.filter((f) => f.rule === 'heading-sequence').length).toBeGreaterThan(0);

    let fixed = text;
    for (const level of [1, 2]) {
      const ctx = analyzeDetailed(fixed, { format: 'plain' }).context!;
      const edits = renumberLevel(ctx.structure, level);
      for (const e of edits) {
        expect(fixed.slice(e.start, e.end)).toMatch(/^[一二三四五六七八九十]+$/);
        expect(e.newText).toMatch(/^[一二三四五六七八九十]+$/);
      }
      fixed = applyRaw(fixed, edits);
    }
    expect(fixed.length).toBe(text.length);
    // Outside the numerals, not a character changed.
    const strip = (t: string) => t.replace(/^(\(?)[一二三四五六七八九十]+/gm, '$1#');
    expect(strip(fixed)).toBe(strip(text));
    const after = analyze(fixed, { format: 'plain' });
    expect(after.findings.filter((f) => f.rule === 'heading-sequence')).toEqual([]);
    expect(after.outline.filter((n) => n.kind === 'heading').map((n) => n.numbering)).toEqual(['一、', '二、', '三、', '四、']);
  });

  it('is offered as a second fix of heading-sequence', () => {
    const text = '一、甲\n三、乙\n五、丙\n';
    const finding = analyze(text, { format: 'plain', rules: { 'required-section': 'off' } }).findings.find((f) => f.rule === 'heading-sequence')!;
    expect(finding.fixes![1].title).toBe('重新编号同级标题（只改序号）');
    expect(finding.fixes![1].edits.map((e) => e.newText)).toEqual(['二', '三']);
  });
});

describe('the report skeleton', () => {
  it('once inserted, analyses as a report with all four parts as headings and the right year', () => {
    const snippet = reportSkeleton(sectionCatalogue(), 2024);
    const text = expandSnippet(snippet);
    const analysis = analyze(text, { format: 'markdown' });
    expect(analysis.reportYear).toBe(2024);
    expect(analysis.reportYearSource).toBe('title');
    expect(Object.values(analysis.sections).map((s) => s?.asHeading)).toEqual([true, true, true, true, undefined]);
    expect(analysis.outline.filter((n) => n.kind === 'heading').map((n) => `${n.numbering}${n.title}`)).toEqual([
      '一、推进法治政府建设的主要举措和成效',
      '二、推进法治政府建设存在的不足和原因',
      '三、党政主要负责人履行推进法治建设第一责任人职责情况',
      '四、2025年度推进法治政府建设的主要安排',
    ]);
    // Unfilled, it must not pass: its unit (某区) and its guiding sentences are template leftovers, and nothing else is wrong.
    const errors = analysis.findings.filter((f) => f.severity !== 'info');
    expect(errors.length).toBeGreaterThanOrEqual(5);
    expect(errors.every((f) => f.rule === 'template-leftover')).toBe(true);
    expect(analysis.outline.map((n) => n.kind)).toEqual(['addressee', 'heading', 'heading', 'heading', 'heading', 'signature']);
  });

  it('has tab stops where the writer fills in, numbered from 1 without gaps', () => {
    const snippet = reportSkeleton(sectionCatalogue(), 2024);
    const stops = [...new Set([...snippet.matchAll(/\$\{?(\d+)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
    expect(stops).toEqual(stops.map((_, i) => i + 1));
    expect(snippet).toContain('${1:某区}人民政府关于2024年度法治政府建设情况的报告');
  });
});

describe('the review summary', () => {
  it('lists exactly what the analysis found, for each real report', () => {
    for (const name of Object.values(CORPUS)) {
      const analysis = analyze(corpus(name), { format: 'plain' });
      const text = reviewSummary(analysis, sectionCatalogue(), name);
      const lines = text.trim().split('\n');
      expect(lines[0]).toBe(`报告：${analysis.title?.text ?? '（无标题）'}`);
      expect(lines).toContain(`报告年度：${analysis.reportYear} 年`);
      for (const [key, part] of Object.entries(analysis.sections)) {
        const entry = sectionCatalogue().find((e) => e.key === key)!;
        const name = entry.name;
        const state = part ? (part.asHeading ? '✓ 有标题' : '⚠ 仅以段落或句子出现') : entry.required ? '✗ 缺少' : '○ 未写';
        expect(lines.some((l) => l.startsWith(`  ${state}  ${name}`))).toBe(true);
      }
      const count = (s: string) => analysis.findings.filter((f) => f.severity === s).length;
      expect(lines).toContain(`问题：错误 ${count('error')} 处，警告 ${count('warning')} 处，提示 ${count('info')} 处`);
      const byRule = new Map<string, number>();
      for (const f of analysis.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
      // Each rule by its Chinese name, its id after it.
      const titles = new Map(ruleDescriptors().map((r) => [r.id, r.title]));
      const listed = lines.map((l) => /^  (\S+)（([a-z-]+)）：(\d+) 处$/.exec(l)).filter((m) => m !== null);
      expect(new Map(listed.map((m) => [m[2], Number(m[3])]))).toEqual(byRule);
      for (const m of listed) expect(m[1]).toBe(titles.get(m[2]));
      // Errors first, then warnings.
      const quoted = [...analysis.findings.filter((f) => f.severity === 'error'), ...analysis.findings.filter((f) => f.severity === 'warning')].slice(0, 5);
      for (const e of quoted) expect(lines).toContain(`  第 ${e.range.start.line + 1} 行【${e.severity === 'error' ? '错误' : '警告'}】${e.message}`);
    }
  });

  it('quotes warnings too when a report has no errors', () => {
    const text = '某区2023年度法治政府建设情况报告\n一、主要举措和成效\n甲。\n三、存在的不足和原因\n乙。\n';
    const analysis = analyze(text, { format: 'plain', rules: { 'required-section': 'off' } });
    const warnings = analysis.findings.filter((f) => f.severity === 'warning');
    expect(analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(warnings.length).toBeGreaterThan(0);
    const summary = reviewSummary(analysis, sectionCatalogue(), 'a.txt');
    expect(summary).toContain(`【警告】${warnings[0].message}`);
  });

  it('reads as the reviewer expects for Jiangsu', () => {
    const text = reviewSummary(analyze(corpus(CORPUS.jiangsu), { format: 'plain' }), sectionCatalogue(), 'jiangsu.txt');
    expect(text.split('\n').slice(0, 8)).toEqual([
      '报告：江蘇省人民政府關於2020年度法治政府建設情況的報告',
      '文件：jiangsu.txt',
      '报告年度：2020 年',
      '必备部分：',
      '  ✓ 有标题  主要举措和成效（第 11 行）',
      '  ✗ 缺少  存在的不足和原因',
      '  ⚠ 仅以段落或句子出现  党政主要负责人履行推进法治建设第一责任人职责情况（第 49 行）',
      '  ✗ 缺少  下一年度推进法治政府建设的主要安排',
    ]);
  });
});
