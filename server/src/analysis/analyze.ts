import { ReportDocument } from './document';
import { LineKind, MAX_CONTAINER_DEPTH, parse } from './parse';
import { buildOutline } from './outline';
import { findRunInBreaks, recognizeStructure } from './structure';
import { findRunInTitle } from './frame';
import { findSections, sectionCatalogue } from './sections';
import { detectReportYear, knownReportYear } from './year';
import { RULES } from './rules';
import { disabledRanges, isDisabled } from './directives';
import { analyzeNumbers } from './numbers';
import type { RawFinding, RawFix, Rule, RuleContext } from './rules/rule';
import type { Analysis, AnalyzeOptions, Finding, Fix, SectionInfo, SectionKey, Severity } from './types';
import { SECTION_KEYS } from './types';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
/**
 * Findings of one rule listed per document; past this, one information finding
 * says how many more there are. Nobody reads a thousand placeholders one by one,
 * and an editor or a JSON consumer should not have to hold millions.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

export interface InternalOptions extends AnalyzeOptions {
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Rules run after the built-in ones (tests use it to check that a failing rule is isolated). */
  extraRules?: readonly Rule[];
  /** The analysis of the previous version of the same document: only the Markdown blocks an edit touched are parsed again. */
  previous?: DetailedAnalysis;
}

/** A finding with its offsets kept, for the core's own modules (review, Word). */
export interface CoreFinding extends Finding {
  start: number;
  end: number;
}

/** A fix in offsets → a fix in LSP ranges. */
function fixRanges(doc: ReportDocument, fix: RawFix): Fix {
  return { title: fix.title, edits: fix.edits.map((e) => ({ range: doc.range(e.start, e.end), newText: e.newText })) };
}

export interface DetailedAnalysis {
  /** The format the text was analysed in. */
  format: 'markdown' | 'plain';
  analysis: Analysis;
  context: RuleContext | null;
  findings: CoreFinding[];
  /** Whether the text looks like a report by itself (see ../shared/design.md). */
  looksLikeReport: boolean;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeDetailed(text, options).analysis;
}

export function analyzeDetailed(text: string, options: InternalOptions = {}): DetailedAnalysis {
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  // Counting stops early past the limit; the message names the whole size, so count it all then.
  if (exceedsUtf8(text, maxSize)) return tooLargeAnalysis(utf8Length(text), maxSize, options);

  const doc = new ReportDocument(text);
  // A page copied as one paragraph: its run-in headings start lines of their own for the analysis.
  const headingBreaks = findRunInBreaks(doc);
  doc.splitAt([...findRunInTitle(doc), ...headingBreaks]);
  doc.runInHeadingBreaks = headingBreaks;
  const previous = options.previous?.context;
  const format = options.format ?? 'markdown';
  const parsed = parse(doc, format, previous && options.previous!.format === format ? { doc: previous.doc, parsed: previous.parsed } : undefined);
  const structure = recognizeStructure(doc, parsed);
  const catalogue = sectionCatalogue(options.sections);
  const known = knownReportYear(doc, parsed, structure, options.reportYear);
  const sections = findSections(doc, parsed, structure, catalogue, known.year);
  const year = detectReportYear(doc, parsed, structure, known, sections);
  const numbers = analyzeNumbers(doc, parsed, structure.lastContentLine, previous?.numbers.cache);
  // The rules see the user's options only: the previous analysis must not be kept alive by this one
  // (each version would hold the one before it, and an editing session would grow without bound).
  const { previous: _previous, onRuleError: _onRuleError, extraRules: _extraRules, ...ruleOptions } = options;
  const context: RuleContext = { doc, parsed, structure, sections, catalogue, year, numbers, options: ruleOptions };

  const disabled = disabledRanges(context);
  const findings: CoreFinding[] = [];
  // A fix several findings share is converted once and stays one object (3,000 headings, one renumbering).
  const converted = new Map<RawFix, Fix>();
  const toFinding = (rule: string, severity: Severity, f: RawFinding) => findingOf(doc, converted, rule, severity, f);
  for (const rule of options.extraRules ? [...RULES, ...options.extraRules] : RULES) {
    const configured = options.rules?.[rule.id];
    if (configured === 'off') continue;
    let raw: RawFinding[];
    try {
      raw = rule.check(context);
    } catch (error) {
      options.onRuleError?.(rule.id, error);
      continue;
    }
    let listed = 0;
    let omitted: RawFinding | null = null;
    let omittedCount = 0;
    for (const f of raw) {
      if (isDisabled(disabled, rule.id, f.start)) continue;
      if (listed === MAX_FINDINGS_PER_RULE) {
        omitted ??= f;
        omittedCount++;
        continue;
      }
      listed++;
      findings.push(toFinding(rule.id, configured ?? f.severity ?? rule.severity, f));
    }
    if (omitted) {
      findings.push(
        toFinding('finding-limit', 'info', {
          start: omitted.start,
          end: omitted.start,
          message: `规则 ${rule.id} 在本文件中还有 ${omittedCount} 处同类问题未列出（每条规则最多列出 ${MAX_FINDINGS_PER_RULE} 处）`,
        }),
      );
    }
  }
  if (parsed.tooDeep) {
    const at = doc.physical[parsed.tooDeep.line];
    findings.push({
      rule: 'nesting-depth',
      severity: 'info',
      message: `Markdown 列表或引用嵌套过深（${parsed.tooDeep.depth} 层，上限 ${MAX_CONTAINER_DEPTH} 层），本文件已按行分析，代码块和引用不再单独识别`,
      range: doc.range(at.start, at.start),
      start: at.start,
      end: at.start,
    });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));

  const sectionMap = {} as Record<SectionKey, SectionInfo | null>;
  for (const key of SECTION_KEYS) {
    const s = sections[key];
    sectionMap[key] = s ? { title: s.title, range: s.range, asHeading: s.asHeading } : null;
  }
  const analysis: Analysis = {
    reportYear: year.year,
    reportYearSource: year.source,
    title: structure.title ? { text: structure.title.text, range: doc.range(structure.title.start, structure.title.end) } : null,
    sections: sectionMap,
    outline: buildOutline(doc, structure),
    findings: findings.map(publicFinding),
  };
  return { format, analysis, context, findings, looksLikeReport: looksLikeReport(context) };
}

function findingOf(doc: ReportDocument, converted: Map<RawFix, Fix>, rule: string, severity: Severity, f: RawFinding): CoreFinding {
  const finding: CoreFinding = { rule, severity, message: f.message, range: doc.range(f.start, f.end), start: f.start, end: f.end };
  const raw = [...(f.fix ? [f.fix] : []), ...(f.moreFixes ?? [])];
  if (raw.length === 0) return finding;
  const fixes = raw.map((fix) => {
    let done = converted.get(fix);
    if (!done) converted.set(fix, (done = fixRanges(doc, fix)));
    return done;
  });
  finding.fix = fixes[0];
  finding.fixes = fixes;
  return finding;
}

function publicFinding(f: CoreFinding): Finding {
  const { start: _start, end: _end, ...rest } = f;
  return rest;
}

/** Whether the text takes more than `limit` bytes in UTF-8; stops counting once past it. */
export function exceedsUtf8(text: string, limit: number): boolean {
  // Three bytes per UTF-16 unit at most (a surrogate pair is four bytes for two units).
  if (text.length * 3 <= limit) return false;
  return utf8Length(text, limit) > limit;
}

/** The UTF-8 length of the text in bytes, or a value past `stopAfter` once it is reached. */
export function utf8Length(text: string, stopAfter = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAfter; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The result for a text over the size limit: one info finding saying it was skipped. */
export function tooLargeAnalysis(size: number, maxSize: number, options: AnalyzeOptions): DetailedAnalysis {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const finding: CoreFinding = {
    rule: 'file-size',
    severity: 'info',
    message: `文件过大（${mb(size)} MB，超过 ${mb(maxSize)} MB 上限），已跳过检查；可调整设置 fazhiReport.maxFileSize`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    start: 0,
    end: 0,
  };
  return {
    format: options.format ?? 'markdown',
    analysis: {
      reportYear: options.reportYear ?? null,
      reportYearSource: options.reportYear != null ? 'option' : null,
      title: null,
      sections: { measures: null, firstResponsible: null, problems: null, nextYear: null, other: null },
      outline: [],
      findings: [publicFinding(finding)],
    },
    context: null,
    findings: [finding],
    looksLikeReport: true,
  };
}

/**
 * The report heuristic of ../shared/design.md: 法治政府建设 in the first five
 * non-blank lines or the title, and a title ending in 报告 or two level-1 headings.
 */
export function looksLikeReport({ doc, parsed, structure }: RuleContext): boolean {
  let seen = 0;
  let mentions = structure.title ? doc.norm.slice(structure.title.start, structure.title.end).includes('法治政府建设') : false;
  for (const line of doc.lines) {
    if (mentions || seen >= 5) break;
    if (line.norm.trim() === '' || parsed.kinds[line.index] === LineKind.Code) continue;
    seen++;
    if (line.norm.includes('法治政府建设')) mentions = true;
  }
  if (!mentions) return false;
  const titleIsReport = structure.title ? /报告[\s*_#]*$/.test(doc.norm.slice(structure.title.start, structure.title.end)) : false;
  return titleIsReport || structure.headings.filter((h) => h.level === 1 && h.style !== 'none').length >= 2;
}
