// `check --fix`: applies the fixes a rule declares safe (a recomputed rate, a
// numeral, a punctuation mark: `fix: 'safe'` in its descriptor), never one
// that writes new content (a part's skeleton is `manual`). Each finding's
// primary fix only; of two overlapping fixes the first in the text wins and
// the other waits for the next pass, after the text is analysed again.
import { analyze, ruleDescriptors, type Analysis, type AnalyzeOptions, type Finding, type Range } from '../analysis/api';

/** Enough for fixes that make room for others (ESLint stops after 10 passes too). */
const MAX_PASSES = 10;

export interface AppliedEdit {
  rule: string;
  /** 1-based line and UTF-16 character of the edit in the text of its pass. */
  line: number;
  character: number;
  old: string;
  new: string;
}

export interface FixResult {
  text: string;
  edits: AppliedEdit[];
  /** The analysis of the fixed text: what remains. */
  analysis: Analysis;
}

let safeRules: ReadonlySet<string> | null = null;
export function safeFixRules(): ReadonlySet<string> {
  safeRules ??= new Set(ruleDescriptors().filter((r) => r.fix === 'safe').map((r) => r.id));
  return safeRules;
}

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

function offsets(text: string): (r: Range) => [number, number] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const at = (p: Range['start']) => Math.min((lineStarts[p.line] ?? text.length) + p.character, text.length);
  return (r) => [at(r.start), at(r.end)];
}

/** Two edits touch the same text (two insertions at one place count: their order would be a guess). */
function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** The safe fixes of these findings that can go in together, in text order. */
export function plan(text: string, findings: readonly Finding[]): { finding: Finding; edits: OffsetEdit[] }[] {
  const toOffsets = offsets(text);
  const safe = safeFixRules();
  const candidates = findings
    .filter((f) => f.fix && f.fix.edits.length > 0 && safe.has(f.rule))
    .map((finding) => ({ finding, edits: finding.fix!.edits.map((e) => ({ ...toEdit(toOffsets(e.range)), newText: e.newText })) }))
    .sort((a, b) => Math.min(...a.edits.map((e) => e.start)) - Math.min(...b.edits.map((e) => e.start)));
  const accepted: { finding: Finding; edits: OffsetEdit[] }[] = [];
  const taken: OffsetEdit[] = [];
  for (const c of candidates) {
    const selfOverlap = c.edits.some((e, i) => c.edits.some((o, j) => i < j && overlaps(e, o)));
    if (selfOverlap || c.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    accepted.push(c);
    taken.push(...c.edits);
  }
  return accepted;
}

function toEdit([start, end]: [number, number]): { start: number; end: number } {
  return { start, end };
}

/** Applies safe fixes until none is left (or MAX_PASSES), analysing the text again after each pass. */
export function fixText(text: string, options: AnalyzeOptions): FixResult {
  const edits: AppliedEdit[] = [];
  let analysis = analyze(text, options);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = plan(text, analysis.findings);
    if (fixes.length === 0) break;
    const all = fixes.flatMap(({ finding, edits: e }) => e.map((edit) => ({ edit, rule: finding.rule })));
    for (const { edit, rule } of all) {
      const before = text.slice(0, edit.start);
      const line = before.split('\n').length;
      edits.push({ rule, line, character: edit.start - (before.lastIndexOf('\n') + 1), old: text.slice(edit.start, edit.end), new: edit.newText });
    }
    for (const { edit } of all.sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end)) text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    analysis = analyze(text, options);
  }
  return { text, edits, analysis };
}
