// The library (require("fazhi-report"), require("fazhi-report/analysis")): the core's public
// API with its options checked. A wrong option is a TypeError that names it and what it takes;
// the editor and the CLI call the core directly, with settings already normalised.
import { analyseReport as analyseUnchecked, analyze as analyzeUnchecked, DOCUMENT_FORMATS, isReportYear, MAX_REPORT_YEAR, MIN_REPORT_YEAR, RULE_SETTINGS, ruleIds, SECTION_KEYS } from './analysis/api';
import type { Analysis, AnalysedReport, AnalyzeOptions, ReportOptions } from './analysis/api';

export { fixesOf, ruleDescriptors } from './analysis/api';
export type * from './analysis/index';

const FORMATS: readonly string[] = DOCUMENT_FORMATS;
const SEVERITIES: readonly string[] = RULE_SETTINGS;
// Keyed by AnalyzeOptions: an option added to the type and not here fails to compile.
const OPTIONS: Record<keyof AnalyzeOptions, true> = { format: true, reportYear: true, rules: true, sections: true, maxFileSize: true };
const OPTION_NAMES = Object.keys(OPTIONS);
const REPORT_OPTIONS: Record<Exclude<keyof ReportOptions, keyof AnalyzeOptions>, true> = { previous: true, onRuleError: true };

function fail(message: string): never {
  throw new TypeError(`fazhi-report: ${message}`);
}

/** The value a message quotes, cut short: a whole analysis passed by mistake is not worth printing. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : typeof value === 'function' ? 'function' : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Throws a TypeError naming the first wrong option and what it accepts. */
export function validateOptions(options: unknown, extra: readonly string[] = []): asserts options is AnalyzeOptions {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) fail(`options 应为对象 (options must be an object), 收到 ${show(options)}`);
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) if (![...OPTION_NAMES, ...extra].includes(key)) fail(`未知选项 ${key} (unknown option); 可用：${[...OPTION_NAMES, ...extra].join(', ')}`);
  if (o.format !== undefined && !FORMATS.includes(o.format as string)) fail(`format 应为 ${FORMATS.map(show).join(' 或 ')} (format must be one of ${FORMATS.join(', ')}), 收到 ${show(o.format)}`);
  if (o.reportYear !== undefined && o.reportYear !== null && !isReportYear(o.reportYear)) fail(`reportYear 应为 ${MIN_REPORT_YEAR}–${MAX_REPORT_YEAR} 之间的整数年份或 null (reportYear must be a year), 收到 ${show(o.reportYear)}`);
  if (o.maxFileSize !== undefined && !(typeof o.maxFileSize === 'number' && Number.isFinite(o.maxFileSize) && o.maxFileSize > 0)) fail(`maxFileSize 应为正数（字节） (maxFileSize must be a positive number of bytes), 收到 ${show(o.maxFileSize)}`);
  if (o.rules !== undefined) {
    if (o.rules === null || typeof o.rules !== 'object' || Array.isArray(o.rules)) fail(`rules 应为对象，如 {"placeholder": "warning"} (rules must be an object), 收到 ${show(o.rules)}`);
    const ids = ruleIds();
    for (const [id, severity] of Object.entries(o.rules)) {
      if (!ids.includes(id)) fail(`rules 中的规则 ${show(id)} 不存在 (unknown rule ${show(id)}); 规则列表见 fazhi-report rules 或 ruleDescriptors()`);
      if (!SEVERITIES.includes(severity as string)) fail(`rules.${id} 应为 ${SEVERITIES.map(show).join('、')} 之一 (rules.${id} must be one of ${SEVERITIES.join(', ')}), 收到 ${show(severity)}`);
    }
  }
  if (o.sections !== undefined) {
    if (o.sections === null || typeof o.sections !== 'object' || Array.isArray(o.sections)) fail(`sections 应为对象 (sections must be an object), 收到 ${show(o.sections)}`);
    for (const [key, value] of Object.entries(o.sections)) {
      if (!(SECTION_KEYS as readonly string[]).includes(key)) fail(`sections 中的部分 ${show(key)} 不存在 (unknown part); 可用：${SECTION_KEYS.join(', ')}`);
      const v = value as Record<string, unknown> | null;
      if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(`sections.${key} 应为对象，如 {"required": false} (must be an object)`);
      if (v.required !== undefined && typeof v.required !== 'boolean') fail(`sections.${key}.required 应为 true 或 false (must be a boolean), 收到 ${show(v.required)}`);
      if (v.synonyms !== undefined && !(Array.isArray(v.synonyms) && v.synonyms.every((s) => typeof s === 'string'))) fail(`sections.${key}.synonyms 应为字符串数组 (must be an array of strings)`);
    }
  }
}

function validateText(text: unknown): asserts text is string {
  if (typeof text !== 'string') fail(`text 应为字符串 (text must be a string), 收到 ${text === null ? 'null' : typeof text}`);
}

/** Analyses a report's text: its year, title, parts, outline and findings (the CLI's JSON, without `file`). */
export function analyze(text: string, options?: AnalyzeOptions): Analysis {
  validateText(text);
  validateOptions(options);
  return analyzeUnchecked(text, options);
}

/** Analyses a report's text into an object that also answers relations, suggestions, part insertion and renumbering. */
export function analyseReport(text: string, options?: ReportOptions): AnalysedReport {
  validateText(text);
  validateOptions(options, Object.keys(REPORT_OPTIONS));
  const { onRuleError, previous } = options ?? {};
  if (onRuleError !== undefined && typeof onRuleError !== 'function') fail(`onRuleError 应为函数 (onRuleError must be a function), 收到 ${show(onRuleError)}`);
  // The core would quietly analyse from scratch: say that the object is not one it made.
  if (previous !== undefined && !(previous !== null && typeof previous === 'object' && typeof previous.relationsAt === 'function' && 'analysis' in previous))
    fail(`previous 应为 analyseReport 返回的对象 (previous must be an analysed report from analyseReport), 收到 ${show(previous)}`);
  return analyseUnchecked(text, options);
}
