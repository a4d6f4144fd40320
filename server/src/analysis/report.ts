// The analysed report: what the adapters (the language service, the CLI, the
// review) ask of one analysis, in LSP positions and ranges, without handing out
// the core's internal context (document offsets, parse tree, heading styles).
import { analyzeDetailed, tooLargeAnalysis, type DetailedAnalysis, type InternalOptions } from './analyze';
import { suggestionsAt, type SuggestionKind } from './completion';
import type { RelationKind } from './numbers';
import { levelAtLine, renumberLevel } from './renumber';
import type { RawEdit } from './rules/rule';
import { sectionCatalogue } from './sections';
import { CHECKLIST_ORDER, partInsertion, reportSkeleton } from './skeleton';
import { reviewSummary } from './summary';
import type { Analysis, AnalyzeOptions, DocumentFormat, Finding, Position, Range, SectionKey, TextEdit } from './types';

/** A figure's relation at a position: what the hover shows. */
export interface RelationAt {
  kind: RelationKind;
  /** The figure under the position. */
  range: Range;
  /** The arithmetic of the reading shown first (`1194 / 1195 = 99.92%，文中 99.9% ✓`). */
  explanation: string;
  /** Every reading tried. */
  readings: string[];
}

/** A completion at a position, with the range it replaces. */
export interface SuggestionAt {
  kind: SuggestionKind;
  label: string;
  insertText: string;
  range: Range;
  detail: string;
  documentation?: string;
  filterText: string;
  sortText: string;
}

/** A missing part written into the report. */
export interface PartInsertionEdits {
  /** The heading as inserted (`三、存在的不足和原因`). */
  heading: string;
  edits: TextEdit[];
  /** Where the writer goes on: the new part's guiding sentence. */
  cursor: Position;
}

/** One of the parts the 规定 requires (and 其他), in the checklist's order. */
export interface PartDescription {
  key: SectionKey;
  name: string;
  regulation: string;
  required: boolean;
}

export interface AnalysedReport {
  /** The format the text was analysed in. */
  readonly format: DocumentFormat;
  /** The public result (the CLI's JSON contract): findings with every fix in LSP ranges. */
  readonly analysis: Analysis;
  /** Whether the text looks like a report by itself (see ../shared/design.md). */
  readonly looksLikeReport: boolean;
  /** The parts the checklist shows, with the user's section settings applied. */
  readonly parts: readonly PartDescription[];
  /** Numbered headings written as plain lines (`一、…` without `#`): an outline of `#` headings alone would miss them. */
  readonly hasNumberedPlainHeadings: boolean;
  relationsAt(position: Position): RelationAt[];
  /** Enumeration items, headings and phrases for the cursor; `afterSentence` after 。 or ；. */
  suggestionsAt(position: Position, afterSentence?: boolean): SuggestionAt[];
  /** The edits that insert a missing part (and move the numbers of the parts after it up), or null if it is there. */
  insertPart(key: SectionKey, renumber?: boolean): PartInsertionEdits | null;
  /** The edits that renumber the level of the heading at a line (or level 1). */
  renumber(line: number): { level: number; edits: TextEdit[] };
  /** The plain-text summary a reviewer pastes into a reply. */
  summary(fileName: string): string;
}

export interface ReportOptions extends AnalyzeOptions {
  /** The analysis of the previous version of the same document: only what an edit touched is parsed again. */
  previous?: AnalysedReport;
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: InternalOptions['onRuleError'];
}

export function analyseReport(text: string, options: ReportOptions = {}): AnalysedReport {
  const { previous, ...rest } = options;
  // Only the core's own reports carry what incremental analysis needs.
  const detailed = analyzeDetailed(text, { ...rest, previous: previous instanceof Report ? previous.detailed : undefined });
  return new Report(detailed, options.sections);
}

class Report implements AnalysedReport {
  readonly format: DocumentFormat;
  readonly analysis: Analysis;
  readonly looksLikeReport: boolean;
  readonly parts: readonly PartDescription[];
  readonly hasNumberedPlainHeadings: boolean;

  constructor(
    /** The core's internal analysis: kept for the next version's incremental analysis, not part of the interface. */
    readonly detailed: DetailedAnalysis,
    sections: AnalyzeOptions['sections'],
  ) {
    this.format = detailed.format;
    this.analysis = detailed.analysis;
    this.looksLikeReport = detailed.looksLikeReport;
    const catalogue = detailed.context?.catalogue ?? sectionCatalogue(sections);
    this.parts = CHECKLIST_ORDER.map((key) => catalogue.find((e) => e.key === key)!).map(({ key, name, regulation, required }) => ({ key, name, regulation, required }));
    this.hasNumberedPlainHeadings = detailed.context?.structure.headings.some((h) => h.style !== 'none' && h.mdDepth === 0) ?? false;
  }

  relationsAt(position: Position): RelationAt[] {
    const ctx = this.detailed.context;
    if (!ctx) return [];
    const offset = ctx.doc.offsetAt(position);
    const out: RelationAt[] = [];
    for (const r of ctx.numbers.relations) {
      const hit = [r.anchor, ...r.members].find((q) => offset >= q.start && offset <= q.end);
      if (hit) out.push({ kind: r.kind, range: ctx.doc.range(hit.start, hit.end), explanation: r.explanation, readings: r.readings });
    }
    return out;
  }

  suggestionsAt(position: Position, afterSentence = false): SuggestionAt[] {
    const ctx = this.detailed.context;
    if (!ctx) return [];
    return suggestionsAt(ctx, ctx.doc.offsetAt(position), afterSentence).map(({ replaceStart, replaceEnd, ...s }) => ({ ...s, range: ctx.doc.range(replaceStart, replaceEnd) }));
  }

  insertPart(key: SectionKey, renumber = true): PartInsertionEdits | null {
    const ctx = this.detailed.context;
    if (!ctx) return null;
    const entry = ctx.catalogue.find((e) => e.key === key);
    if (!entry || ctx.sections[entry.key]) return null;
    const insertion = partInsertion(ctx, entry);
    // The parts after the new one move up a number: without it the report has two 二、 (and a new warning).
    const raw = renumber ? [insertion.insert, ...insertion.renumber] : [insertion.insert];
    const at = ctx.doc.range(insertion.insert.start, insertion.insert.start).start;
    return { heading: insertion.heading, edits: this.edits(raw), cursor: advance(at, insertion.insert.newText.slice(0, insertion.cursor)) };
  }

  renumber(line: number): { level: number; edits: TextEdit[] } {
    const ctx = this.detailed.context;
    if (!ctx) return { level: 1, edits: [] };
    const level = levelAtLine(ctx.structure, line);
    return { level, edits: this.edits(renumberLevel(ctx.structure, level)) };
  }

  summary(fileName: string): string {
    const catalogue = this.detailed.context?.catalogue ?? sectionCatalogue();
    return reviewSummary(this.analysis, catalogue, fileName);
  }

  private edits(raw: RawEdit[]): TextEdit[] {
    const doc = this.detailed.context!.doc;
    return raw.map((e) => ({ range: doc.range(e.start, e.end), newText: e.newText }));
  }
}

/** The position after `text` is written at `at`. */
export function advance(at: Position, text: string): Position {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length === 1) return { line: at.line, character: at.character + text.length };
  return { line: at.line + lines.length - 1, character: lines[lines.length - 1].length };
}

/** Every finding's fixes, the preferred first (`fix` is the same as `fixes[0]`). */
export function fixesOf(finding: Finding): NonNullable<Finding['fixes']> {
  return finding.fixes ?? (finding.fix ? [finding.fix] : []);
}

/** The report skeleton as a snippet (tab stops for the year and the unit), with the user's section settings. */
export function skeletonSnippet(reportYear: number | null, sections?: AnalyzeOptions['sections']): string {
  return reportSkeleton(sectionCatalogue(sections), reportYear);
}

/** The result for a file over the size limit, not read: one information finding saying it was skipped. */
export function tooLargeResult(size: number, maxSize: number, options: AnalyzeOptions): Analysis {
  return tooLargeAnalysis(size, maxSize, options).analysis;
}
