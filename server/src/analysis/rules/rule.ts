import type { ReportDocument } from '../document';
import type { ParsedDocument } from '../parse';
import type { Structure } from '../structure';
import type { FoundSection, SectionEntry } from '../sections';
import type { YearResult } from '../year';
import type { AnalyzeOptions, SectionKey, Severity } from '../types';

/** A finding inside the core: UTF-16 offsets of the original text. */
export interface RawEdit {
  start: number;
  end: number;
  newText: string;
}

export interface RawFinding {
  start: number;
  end: number;
  message: string;
  fix?: { title: string; edits: RawEdit[] };
}

/** Everything the rules share; parsed once, never re-parsed by a rule. */
export interface RuleContext {
  doc: ReportDocument;
  parsed: ParsedDocument;
  structure: Structure;
  sections: Record<SectionKey, FoundSection | null>;
  catalogue: SectionEntry[];
  year: YearResult;
  options: AnalyzeOptions;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line, Chinese. */
  description: string;
  check(ctx: RuleContext): RawFinding[];
}
