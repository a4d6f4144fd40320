// LSP features computed from one analysis; each takes the analysis it needs.
import { CodeActionKind, CompletionItemKind, FoldingRangeKind, MarkupKind, type CompletionItem, type CodeAction, type Diagnostic, type FoldingRange, type Hover, type Position, type Range as LspRange } from 'vscode-languageserver';
import { fixRanges, type DetailedAnalysis } from '../analysis/analyze';
import type { RawFix } from '../analysis/rules/rule';
import type { Analysis, OutlineNode, Range, SectionKey } from '../analysis/types';
import type { SectionEntry } from '../analysis/sections';
import type { RelationKind } from '../analysis/numbers';
import { CHECKLIST_ORDER } from '../analysis/skeleton';
import { suggestionsAt } from '../analysis/completion';
import { toDiagnostic } from './convert';

/** One folding range per section and per multi-line item. */
export function foldingRanges(outline: OutlineNode[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      if ((n.kind === 'heading' || n.kind === 'item') && n.range.end.line > n.range.start.line) {
        out.push({ startLine: n.range.start.line, endLine: n.range.end.line, kind: FoldingRangeKind.Region });
      }
      walk(n.children);
    }
  };
  walk(outline);
  return out;
}

function overlaps(a: Range, b: LspRange): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** What a code action sent without its edit carries, to find the fix again when it is chosen. */
export interface CodeActionData {
  uri: string;
  version: number;
  rule: string;
  start: number;
  title: string;
}

/**
 * Quick fixes for the findings of the current version that touch the range.
 * They are recomputed from the analysis, never taken from the client's
 * (possibly stale) diagnostics, so their edits match the text. A fix shared by
 * several findings (renumbering a group of headings) is offered once, with all
 * their diagnostics, so the answer grows with the findings, not their square.
 * With `lazyEdits` (the client resolves code actions) the further fixes come
 * without their edits, which `resolveCodeAction` computes when one is chosen.
 */
export function codeActions(uri: string, version: number, result: DetailedAnalysis, range: LspRange, only?: string[], lazyEdits = false): CodeAction[] {
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty)) return [];
  const actions: CodeAction[] = [];
  const shared = new Map<RawFix, CodeAction>();
  const doc = result.context?.doc;
  for (const finding of result.findings) {
    if (!finding.fix || !overlaps(finding.range, range)) continue;
    const diagnostic: Diagnostic = toDiagnostic(finding);
    actions.push({ title: finding.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: actions.length === 0, edit: { changes: { [uri]: finding.fix.edits } } });
    if (!doc) continue;
    for (const fix of finding.moreFixes ?? []) {
      const existing = shared.get(fix);
      if (existing) {
        existing.diagnostics!.push(diagnostic);
        continue;
      }
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: false };
      if (lazyEdits) action.data = { uri, version, rule: finding.rule, start: finding.start, title: fix.title } satisfies CodeActionData;
      else action.edit = { changes: { [uri]: fixRanges(doc, fix).edits } };
      shared.set(fix, action);
      actions.push(action);
    }
  }
  return actions;
}

/** The edit of a code action sent without one: the same fix, found again in the current analysis. */
export function resolveCodeAction(action: CodeAction, result: DetailedAnalysis, version: number): CodeAction {
  const data = action.data as CodeActionData | undefined;
  const doc = result.context?.doc;
  if (!data || !doc || data.version !== version) return action;
  for (const finding of result.findings) {
    if (finding.rule !== data.rule || finding.start !== data.start) continue;
    const fix = finding.moreFixes?.find((f) => f.title === data.title);
    if (fix) return { ...action, edit: { changes: { [data.uri]: fixRanges(doc, fix).edits } } };
  }
  return action;
}

export interface OutlineResponseNode extends OutlineNode {
  /** Findings inside this node's range, its children's included. */
  findingCount: number;
  children: OutlineResponseNode[];
}

/** One line of the view's checklist of required parts. */
export interface PartStatus {
  key: SectionKey;
  name: string;
  /** The 规定's wording, for the tooltip. */
  regulation: string;
  required: boolean;
  /** A part the 规定 leaves optional (其他需要报告的情况): shown, never missing. */
  optional: boolean;
  /** heading: under its own heading; paragraph: only as a paragraph, item or sentence. */
  state: 'heading' | 'paragraph' | 'missing';
  title: string | null;
  range: Range | null;
}

export interface OutlineResponse {
  uri: string;
  version: number;
  isReport: boolean;
  parts: PartStatus[];
  /** Finding counts by rule id. */
  findingsByRule: Record<string, number>;
  title: Analysis['title'];
  reportYear: number | null;
  reportYearSource: Analysis['reportYearSource'];
  sections: Analysis['sections'];
  outline: OutlineResponseNode[];
  findingCount: number;
}

/** The payload of `fazhiReport/outline`: the tree, the sections map, the checklist and finding counts per node. */
export function outlineResponse(uri: string, version: number, isReport: boolean, analysis: Analysis, catalogue: SectionEntry[]): OutlineResponse {
  const starts = analysis.findings.map((f) => f.range.start);
  const within = (r: Range, p: { line: number; character: number }) =>
    (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
    (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));
  const decorate = (nodes: OutlineNode[]): OutlineResponseNode[] =>
    nodes.map((n) => ({ ...n, findingCount: starts.filter((p) => within(n.range, p)).length, children: decorate(n.children) }));
  const inOrder = CHECKLIST_ORDER.map((key) => catalogue.find((e) => e.key === key)!);
  const parts: PartStatus[] = inOrder.map((entry) => {
    const found = analysis.sections[entry.key];
    return {
      key: entry.key,
      name: entry.name,
      regulation: entry.regulation,
      required: entry.required,
      optional: entry.key === 'other',
      state: found ? (found.asHeading ? 'heading' : 'paragraph') : 'missing',
      title: found?.title ?? null,
      range: found?.range ?? null,
    };
  });
  const findingsByRule: Record<string, number> = {};
  if (isReport) for (const f of analysis.findings) findingsByRule[f.rule] = (findingsByRule[f.rule] ?? 0) + 1;
  return {
    uri,
    version,
    isReport,
    parts,
    findingsByRule,
    title: analysis.title,
    reportYear: analysis.reportYear,
    reportYearSource: analysis.reportYearSource,
    sections: analysis.sections,
    outline: isReport ? decorate(analysis.outline) : [],
    findingCount: isReport ? analysis.findings.length : 0,
  };
}

const RELATION_NAME: Record<RelationKind, string> = { rate: '比率', share: '占比', shares: '各项占比', sum: '分项与总数', subset: '部分与整体', growth: '增幅', difference: '增减数', points: '百分点', average: '平均数' };

/** On a figure that takes part in a relation: the arithmetic (`1194 / 1195 = 99.92%，文中 99.9% ✓`). */
export function hover(result: DetailedAnalysis, position: Position): Hover | null {
  const ctx = result.context;
  if (!ctx) return null;
  const offset = ctx.doc.offsetAt(position);
  const lines: string[] = [];
  let range: LspRange | undefined;
  for (const r of ctx.numbers.relations) {
    const hit = [r.anchor, ...r.members].find((q) => offset >= q.start && offset <= q.end);
    if (!hit) continue;
    range ??= ctx.doc.range(hit.start, hit.end);
    lines.push(`**${RELATION_NAME[r.kind]}**：${r.explanation}`);
    // Every reading tried, so a writer sees why a figure was (or was not) flagged.
    if (r.readings.length > 1) lines.push(r.readings.map((x) => `- ${x}`).join('\n'));
  }
  if (lines.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range };
}

const SUGGESTION_KIND = { enumeration: CompletionItemKind.EnumMember, heading: CompletionItemKind.Module, phrase: CompletionItemKind.Text } as const;

export function completionItems(result: DetailedAnalysis, position: Position, triggerCharacter?: string): CompletionItem[] {
  const ctx = result.context;
  if (!ctx) return [];
  const offset = ctx.doc.offsetAt(position);
  return suggestionsAt(ctx, offset, triggerCharacter === '。' || triggerCharacter === '；').map((s) => ({
    label: s.label,
    kind: SUGGESTION_KIND[s.kind],
    detail: s.detail,
    documentation: s.documentation,
    sortText: s.sortText,
    filterText: s.filterText,
    textEdit: { range: ctx.doc.range(s.replaceStart, s.replaceEnd), newText: s.insertText },
  }));
}
