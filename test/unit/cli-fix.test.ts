// The planner behind `check --fix`: safe fixes only, never two that touch the same text, and
// passes until nothing safe is left.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis/analyze';
import { ruleDescriptors } from '../../server/src/analysis/rules';
import type { Finding } from '../../server/src/analysis/types';
import { fixText, plan, safeFixRules } from '../../server/src/cli/fix';

const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const finding = (rule: string, line: number, from: number, to: number, newText: string): Finding => ({
  rule,
  severity: 'warning',
  message: rule,
  range: at(line, from, to),
  fix: { title: newText, edits: [{ range: at(line, from, to), newText }] },
});

describe('which fixes are safe', () => {
  it('follows the rules’ metadata: a recomputed rate is safe, a part’s skeleton is not', () => {
    expect(safeFixRules().has('rate-mismatch')).toBe(true);
    expect(safeFixRules().has('required-section')).toBe(false);
    expect([...safeFixRules()].sort()).toEqual(ruleDescriptors().filter((r) => r.fix === 'safe').map((r) => r.id).sort());
  });
});

describe('plan', () => {
  it('of two overlapping fixes takes the first in the text; a manual one never', () => {
    const text = '办结率为98%，，';
    const planned = plan(text, [
      finding('punctuation-repeat', 0, 7, 9, '，'),
      finding('rate-mismatch', 0, 4, 7, '99%'),
      finding('punctuation-width', 0, 8, 9, '，'),
      finding('required-section', 0, 0, 0, '一、'),
    ]);
    expect(planned.map((p) => p.finding.rule)).toEqual(['rate-mismatch', 'punctuation-repeat']);
  });

  it('two insertions at one place overlap; edits side by side do not', () => {
    const text = 'ab';
    expect(plan(text, [finding('rate-mismatch', 0, 1, 1, 'x'), finding('share-mismatch', 0, 1, 1, 'y')])).toHaveLength(1);
    expect(plan(text, [finding('rate-mismatch', 0, 0, 1, 'x'), finding('share-mismatch', 0, 1, 2, 'y')])).toHaveLength(2);
  });
});

describe('fixText', () => {
  it('fixes a rate its numbers contradict and leaves what needs a person', () => {
    const text = '某区2023年度法治政府建设情况报告\n\n受理案件100件，办结99件，办结率为98%。\n';
    const result = fixText(text, { format: 'plain' });
    expect(result.text).toBe(text.replace('98%', '99%'));
    expect(result.edits).toEqual([{ rule: 'rate-mismatch', line: 3, character: 19, old: '98%', new: '99%' }]);
    expect(result.analysis).toEqual(analyze(result.text, { format: 'plain' }));
    expect(result.analysis.findings.some((f) => f.rule === 'required-section')).toBe(true);
  });
});
