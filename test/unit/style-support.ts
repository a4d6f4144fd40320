// What the style tests share: the findings of one rule, and its fix applied
// with a check that it touches nothing outside the finding.
import { expect } from 'vitest';
import { analyze, type Finding } from '../../server/src/analysis';
import type { AnalyzeOptions } from '../../server/src/analysis/types';
import { applyEdits, offsetOf } from '../helpers';

export const STYLE_RULES = [
  'official-title',
  'term-form',
  'punctuation-width',
  'punctuation-pair',
  'punctuation-repeat',
  'cjk-space',
  'span-dash',
  'numeric-range',
  'date-format',
  'approx-number',
  'mixed-numerals',
  'heading-punctuation',
] as const;

export function findings(text: string, rule: string, options: AnalyzeOptions = { format: 'plain' }): Finding[] {
  return analyze(text, options).findings.filter((f) => f.rule === rule);
}

/** The text of a finding's range. */
export function marked(text: string, f: Finding): string {
  return text.slice(offsetOf(text, f.range.start), offsetOf(text, f.range.end));
}

/**
 * The text after the finding's fix, checking that every edit lies inside the
 * finding's range: the fix changes the finding's own characters and no other.
 */
export function fixedWithin(text: string, f: Finding): string {
  expect(f.fix, f.message).toBeDefined();
  const start = offsetOf(text, f.range.start);
  const end = offsetOf(text, f.range.end);
  for (const e of f.fix!.edits) {
    expect(offsetOf(text, e.range.start), f.message).toBeGreaterThanOrEqual(start);
    expect(offsetOf(text, e.range.end), f.message).toBeLessThanOrEqual(end);
  }
  return applyEdits(text, f.fix!.edits);
}

/** Every fix of the given findings applied at once, as a fix-all does. */
export function fixAll(text: string, list: Finding[]): string {
  return applyEdits(
    text,
    list.flatMap((f) => f.fix?.edits ?? []),
  );
}
