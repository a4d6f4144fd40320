// Public shapes of the analysis result. They match the CLI's JSON contract
// (../shared/design.md); nothing here depends on LSP or VS Code.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/** The four parts the 规定 requires, and `other` (其他需要报告的情况), which it leaves optional. */
export type SectionKey = 'measures' | 'firstResponsible' | 'problems' | 'nextYear' | 'other';

export const SECTION_KEYS: readonly SectionKey[] = ['measures', 'firstResponsible', 'problems', 'nextYear', 'other'];

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The preferred fix: the same as `fixes[0]` (kept for the JSON contract). */
  fix?: Fix;
  /**
   * Every fix, the preferred first. A fix several findings share (renumbering a
   * whole level) is one object in all of them.
   */
  fixes?: Fix[];
}

export type OutlineKind = 'heading' | 'item' | 'addressee' | 'signature';

export interface OutlineNode {
  kind: OutlineKind;
  /** GB/T 9704 level 1–4 for headings; null for items, addressee and signature. */
  level: number | null;
  numbering: string | null;
  title: string;
  range: Range;
  selectionRange: Range;
  children: OutlineNode[];
}

export interface SectionInfo {
  title: string;
  range: Range;
  asHeading: boolean;
}

/** Where the year was read; `body` (the year the measures name most often) is shown but never compared. */
export type ReportYearSource = 'option' | 'title' | 'opening' | 'plan' | 'body' | null;

export interface Analysis {
  reportYear: number | null;
  reportYearSource: ReportYearSource;
  title: { text: string; range: Range } | null;
  sections: Record<SectionKey, SectionInfo | null>;
  outline: OutlineNode[];
  findings: Finding[];
}

/** The formats a text is read in (the library's `format` option, the CLI's choice by extension). */
export const DOCUMENT_FORMATS = ['markdown', 'plain'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** What a rule can be set to in `rules`: a severity, or off. */
export const RULE_SETTINGS = ['error', 'warning', 'info', 'off'] as const satisfies readonly (Severity | 'off')[];
export type RuleSetting = (typeof RULE_SETTINGS)[number];

export interface SectionSetting {
  /** Extra title phrases (plain strings, never patterns). */
  synonyms?: string[];
  /** false: the part is not required for this kind of report. */
  required?: boolean;
}

export interface AnalyzeOptions {
  format?: DocumentFormat;
  /** Overrides the year read from the text. */
  reportYear?: number | null;
  rules?: Record<string, RuleSetting>;
  sections?: Partial<Record<SectionKey, SectionSetting>>;
  /** In UTF-16 code units; a longer text is skipped with one info finding. */
  maxFileSize?: number;
}
