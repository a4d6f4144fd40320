// The reviewer's result (fazhi-report review): one row per report, the key
// figures, the copied passages and, with last year's reports, what was
// carried over. This is also the JSON the CLI writes (`--format json`).
import type { Range, Severity } from '../analysis/types';
import type { RuleTag } from '../analysis/rules/rule';
import type { SourceKind } from '../documents/types';
import type { UnitKind } from '../analysis/unit';

/** ✓ its own heading, ⚠ only a paragraph or a sentence, ✗ missing. */
export type PartStatus = 'heading' | 'paragraph' | 'missing';
export type PartKey = 'measures' | 'firstResponsible' | 'problems' | 'nextYear' | 'other';
export const PART_KEYS: readonly PartKey[] = ['measures', 'firstResponsible', 'problems', 'nextYear', 'other'];
export const PART_LABELS: Record<PartKey, string> = {
  measures: '主要举措和成效',
  firstResponsible: '第一责任人职责',
  problems: '不足和原因',
  nextYear: '下一年度安排',
  other: '其他需要报告的情况',
};

/** Finding counts are grouped by the rules' tags; a rule without one counts as 其他. */
export type GroupKey = RuleTag | 'other';
export const GROUP_KEYS: readonly GroupKey[] = ['sections', 'numbers', 'outline', 'style', 'leftovers', 'other'];
export const GROUP_LABELS: Record<GroupKey, string> = { sections: '必备部分', numbers: '数字', outline: '结构', style: '格式', leftovers: '遗留', other: '其他' };

/** A place in a report, as a reader finds it: 第N段 (and the page of a PDF), the line for an editor. */
export interface Place {
  file: string;
  paragraph: number;
  page?: number;
  /** 0-based line and UTF-16 character in the analysed text, as in `check --format json`. */
  range: Range;
  quote: string;
}

export interface ReviewFinding extends Place {
  rule: string;
  /** The rule's Chinese title. */
  title: string;
  severity: Severity;
  message: string;
}

export interface ReviewFigure extends Place {
  key: string;
  area: string;
  figure: string;
  value: number;
  /** As written: `56件`, `19.2%`. */
  text: string;
}

export interface ReportRow {
  file: string;
  kind: SourceKind;
  title: string | null;
  unit: string | null;
  unitSource: 'title' | 'signature' | null;
  unitKind: UnitKind | null;
  reportYear: number | null;
  /** `YYYY-MM-DD`, from the signature. */
  signatureDate: string | null;
  deadline: string | null;
  /** null: the date, the year or the kind is unknown. */
  meetsDeadline: boolean | null;
  parts: Record<PartKey, PartStatus>;
  /** Counts as `check` reports them. */
  errors: number;
  warnings: number;
  infos: number;
  groups: Record<GroupKey, { errors: number; warnings: number }>;
  /** Errors first, then warnings, in the order of the text; at most MAX_LISTED_FINDINGS. */
  findings: ReviewFinding[];
  /** Findings beyond those listed. */
  moreFindings: number;
  figures: ReviewFigure[];
  /** What the reader had to guess or leave out. */
  notes: string[];
}

export interface CopiedPassage {
  /** This year's paragraph (with --previous: this year's; b is last year's). */
  a: Place & { text: string; marks: [number, number][] };
  b: Place & { text: string; marks: [number, number][] };
  /** Share of the shorter paragraph found in the other (0–1), and of each side. */
  share: number;
  shareOfA: number;
  shareOfB: number;
}

/** Two reports with paragraphs in common. */
export interface CopyPairing {
  a: string;
  b: string;
  passages: CopiedPassage[];
}

export interface RepeatedFigure {
  file: string;
  previousFile: string;
  key: string;
  value: number;
  current: ReviewFigure;
  previous: ReviewFigure;
}

export interface UntracedPlanItem {
  file: string;
  previousFile: string;
  /** Last year's plan item. */
  item: Place;
  /** Where this year's measures were looked in (their heading or opening). */
  measures: Place | null;
}

export interface PreviousComparison {
  dir: string[];
  /** This year's file → last year's, by unit. */
  matched: { file: string; previousFile: string; unit: string }[];
  /** This year's reports with no report of their unit last year. */
  unmatched: string[];
  carriedOver: CopiedPassage[];
  repeatedFigures: RepeatedFigure[];
  untracedPlans: UntracedPlanItem[];
}

export interface ReviewResult {
  tool: { name: 'fazhi-report'; version: string };
  reports: ReportRow[];
  /** Files that could not be read, with the reason. */
  failures: { file: string; error: string }[];
  copies: CopyPairing[];
  previous: PreviousComparison | null;
  /** The thresholds used, for the reader of the JSON. */
  settings: { stockUnits: number; minShare: number; minCarriedShare: number };
}
