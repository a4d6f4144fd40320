import type { ReportDocument } from '../document';
import type { ParsedDocument } from '../parse';
import type { Structure } from '../structure';
import type { SectionEntry, SectionMap } from '../sections';
import type { YearResult } from '../year';
import type { Numbers } from '../numbers';
import type { AnalyzeOptions, Severity } from '../types';

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
  /** Overrides the rule's default severity (a user's setting still wins). */
  severity?: Severity;
  fix?: RawFix;
  /** Further fixes, offered after `fix` (the finding's `fixes` lists them all, in ranges). */
  moreFixes?: RawFix[];
}

export interface RawFix {
  title: string;
  edits: RawEdit[];
}

/** Everything the rules share; parsed once, never re-parsed by a rule. */
export interface RuleContext {
  doc: ReportDocument;
  parsed: ParsedDocument;
  structure: Structure;
  sections: SectionMap;
  catalogue: SectionEntry[];
  year: YearResult;
  numbers: Numbers;
  options: AnalyzeOptions;
}

/** The groups a reviewer counts findings by. */
export type RuleTag = 'numbers' | 'sections' | 'outline' | 'style' | 'leftovers';

export interface Rule {
  id: string;
  /** A short Chinese name, for summaries and tables (`比率不符`). */
  title: string;
  /**
   * An English name, one Pascal-case word (SARIF's `name`, which must differ from the id);
   * by default the id's words (`rate-mismatch` → `RateMismatch`), so only a one-word id needs one.
   */
  name?: string;
  severity: Severity;
  /** One line, Chinese. */
  description: string;
  tags: RuleTag[];
  /**
   * Whether its findings carry fixes: `safe` ones change only what is certain
   * (a recomputed rate, a numeral) and may be applied unattended (`--fix`);
   * `manual` ones insert or restructure text a writer must read first.
   */
  fix?: 'safe' | 'manual';
  check(ctx: RuleContext): RawFinding[];
}
