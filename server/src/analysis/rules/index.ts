import type { Severity } from '../types';
import type { Rule } from './rule';
import { placeholder } from './placeholder';
import { headingSequence } from './heading-sequence';
import { headingLevel } from './heading-level';
import { headingStyle } from './heading-style';
import { requiredSection } from './required-section';
import { sectionHeading } from './section-heading';
import { sectionOrder } from './section-order';
import { rateMismatch } from './rate-mismatch';
import { sumMismatch } from './sum-mismatch';
import { partExceedsTotal } from './part-exceeds-total';
import { rateOver100 } from './rate-over-100';
import { repeatedFigure } from './repeated-figure';
import { planYear } from './plan-year';
import { blankNumber } from './blank-number';
import { regionMismatch } from './region-mismatch';

/** Every rule the core runs, in a stable order. */
export const RULES: readonly Rule[] = [
  requiredSection,
  sectionHeading,
  sectionOrder,
  placeholder,
  blankNumber,
  rateMismatch,
  sumMismatch,
  partExceedsTotal,
  rateOver100,
  repeatedFigure,
  planYear,
  regionMismatch,
  headingSequence,
  headingLevel,
  headingStyle,
];

export interface RuleDescriptor {
  id: string;
  severity: Severity;
  description: string;
}

/** Findings the core itself reports, outside RULES. */
const CORE_RULES: readonly RuleDescriptor[] = [
  { id: 'file-size', severity: 'info', description: '文件超过大小上限，已跳过检查' },
  { id: 'nesting-depth', severity: 'info', description: 'Markdown 嵌套过深，已按行分析' },
  { id: 'finding-limit', severity: 'info', description: '同一规则的问题过多，超出部分未逐条列出' },
];

export function ruleDescriptors(): RuleDescriptor[] {
  return [...RULES.map(({ id, severity, description }) => ({ id, severity, description })), ...CORE_RULES];
}

export function ruleIds(): string[] {
  return ruleDescriptors().map((r) => r.id);
}
