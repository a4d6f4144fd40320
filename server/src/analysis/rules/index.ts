import type { Severity } from '../types';
import type { Rule, RuleTag } from './rule';
import { placeholder } from './placeholder';
import { headingSequence } from './heading-sequence';
import { headingLevel } from './heading-level';
import { headingStyle } from './heading-style';
import { requiredSection } from './required-section';
import { sectionHeading } from './section-heading';
import { sectionOrder } from './section-order';
import { rateMismatch } from './rate-mismatch';
import { shareMismatch } from './share-mismatch';
import { growthMismatch } from './growth-mismatch';
import { pointsMismatch } from './points-mismatch';
import { averageMismatch } from './average-mismatch';
import { sumMismatch } from './sum-mismatch';
import { partExceedsTotal } from './part-exceeds-total';
import { rateOver100 } from './rate-over-100';
import { repeatedFigure } from './repeated-figure';
import { planYear } from './plan-year';
import { blankNumber } from './blank-number';
import { templateLeftover } from './template-leftover';
import { regionMismatch } from './region-mismatch';
import { yearMismatch } from './year-mismatch';
import { periodMismatch } from './period-mismatch';
import { runInHeadings } from './run-in-headings';
import { reportFrame } from './report-frame';
import { reportDeadline } from './report-deadline';
import { signatureDate } from './signature-date';
import { punctuationWidth } from './punctuation-width';
import { punctuationPair } from './punctuation-pair';
import { punctuationRepeat } from './punctuation-repeat';
import { cjkSpace } from './cjk-space';
import { spanDash } from './span-dash';
import { numericRange } from './numeric-range';
import { dateFormat } from './date-format';
import { approxNumber } from './approx-number';
import { officialTitle } from './official-title';
import { termForm } from './term-form';
import { headingPunctuation } from './heading-punctuation';
import { mixedNumerals } from './mixed-numerals';
import { ruleDocs } from './docs';

/** Every rule the core runs, in a stable order. */
export const RULES: readonly Rule[] = [
  requiredSection,
  sectionHeading,
  sectionOrder,
  placeholder,
  blankNumber,
  templateLeftover,
  rateMismatch,
  shareMismatch,
  sumMismatch,
  partExceedsTotal,
  rateOver100,
  repeatedFigure,
  growthMismatch,
  pointsMismatch,
  averageMismatch,
  planYear,
  yearMismatch,
  periodMismatch,
  regionMismatch,
  headingSequence,
  headingLevel,
  headingStyle,
  runInHeadings,
  reportFrame,
  reportDeadline,
  signatureDate,
  // style: the conventions a proofreader checks (GB/T 15834, GB/T 15835, names and terms)
  officialTitle,
  termForm,
  punctuationWidth,
  punctuationPair,
  punctuationRepeat,
  cjkSpace,
  spanDash,
  numericRange,
  dateFormat,
  approxNumber,
  mixedNumerals,
  headingPunctuation,
];

export interface RuleDescriptor {
  id: string;
  title: string;
  /** English, Pascal-case, never the id itself (`RateMismatch`). */
  name: string;
  severity: Severity;
  description: string;
  tags: RuleTag[];
  /** none: no fix; safe: `--fix` may apply it; manual: offered in the editor only. */
  fix: 'none' | 'safe' | 'manual';
  /** What it finds, with an example (Markdown), and why its group matters: data/rule-docs.json. */
  finds: string;
  why: string;
}

/** Findings the core itself reports, outside RULES. */
const CORE_RULES: readonly Omit<RuleDescriptor, 'name' | 'finds' | 'why'>[] = [
  { id: 'file-size', title: '文件过大', severity: 'info', description: '文件超过大小上限，已跳过检查', tags: [], fix: 'none' },
  { id: 'nesting-depth', title: '嵌套过深', severity: 'info', description: 'Markdown 嵌套过深，已按行分析', tags: [], fix: 'none' },
  { id: 'finding-limit', title: '问题过多', severity: 'info', description: '同一规则的问题过多，超出部分未逐条列出', tags: [], fix: 'none' },
];

/** `rate-mismatch` → `RateMismatch`. */
function pascalName(id: string): string {
  return id.replace(/(?:^|-)([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

export function ruleDescriptors(): RuleDescriptor[] {
  const described = [...RULES.map(({ id, title, name, severity, description, tags, fix }) => ({ id, title, name, severity, description, tags, fix: fix ?? ('none' as const) })), ...CORE_RULES];
  return described.map(({ name, ...r }: { name?: string } & Omit<RuleDescriptor, 'name' | 'finds' | 'why'>) => ({ ...r, name: name ?? pascalName(r.id), ...ruleDocs(r.id, r.tags) }));
}

export function ruleIds(): string[] {
  return ruleDescriptors().map((r) => r.id);
}
