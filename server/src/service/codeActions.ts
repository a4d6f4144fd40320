// Quick fixes for the findings of the current version that touch a range.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range as LspRange } from 'vscode-languageserver';
import { fixesOf, type AnalysedReport, type Fix, type Range } from '../analysis/api';
import { toDiagnostic } from '../lsp/convert';
import { isExtractedDocument } from '../lsp/protocol';
import type { AnalysisCache } from './cache';
import type { ServiceDocument, Token, Workspace } from './types';

/** What a code action sent without its edit carries, to find the fix again when it is chosen. */
export interface CodeActionData {
  uri: string;
  version: number;
  /** The finding's index among the version's findings, and the fix's among its fixes. */
  finding: number;
  fix: number;
}

export interface CodeActionParams {
  range: LspRange;
  context?: { only?: string[] };
}

export class CodeActionsProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly workspace: Workspace,
    private readonly lazyEdits: boolean,
  ) {}

  async provideCodeActions(document: ServiceDocument, params: CodeActionParams, token: Token): Promise<CodeAction[]> {
    // A Word or PDF file's text is read-only: it is fixed in Word, not here.
    if (isExtractedDocument(document.uri)) return [];
    const entry = await this.cache.report(document);
    if (!entry || token.isCancellationRequested) return [];
    return codeActions(document.uri, entry.version, entry.result, params.range, params.context?.only, this.lazyEdits);
  }

  /** The edit of an action sent without one: the same fix, found again in the current analysis. */
  async resolveCodeAction(action: CodeAction, token: Token): Promise<CodeAction> {
    const data = action?.data as Partial<CodeActionData> | undefined;
    if (typeof data?.uri !== 'string') return action;
    const document = this.workspace.get(data.uri);
    const entry = document ? await this.cache.report(document) : null;
    if (!entry || token.isCancellationRequested) return action;
    return resolveCodeAction(action, entry.result, entry.version);
  }
}

function overlaps(a: Range, b: LspRange): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * They are recomputed from the analysis, never taken from the client's
 * (possibly stale) diagnostics, so their edits match the text. A fix shared by
 * several findings (renumbering a group of headings) is offered once, with all
 * their diagnostics, so the answer grows with the findings, not their square.
 * With `lazyEdits` (the client resolves code actions) the further fixes come
 * without their edits, which `resolveCodeAction` finds again when one is chosen.
 */
export function codeActions(uri: string, version: number, report: AnalysedReport, range: LspRange, only?: string[], lazyEdits = false): CodeAction[] {
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty)) return [];
  const actions: CodeAction[] = [];
  const shared = new Map<Fix, CodeAction>();
  report.analysis.findings.forEach((finding, index) => {
    const fixes = fixesOf(finding);
    if (fixes.length === 0 || !overlaps(finding.range, range)) return;
    const diagnostic: Diagnostic = toDiagnostic(finding);
    fixes.forEach((fix, fixIndex) => {
      const existing = shared.get(fix);
      if (existing) {
        existing.diagnostics!.push(diagnostic);
        return;
      }
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: actions.length === 0 && fixIndex === 0 };
      // The preferred fix is small and always sent whole; the further ones may be large (a whole level renumbered).
      if (lazyEdits && fixIndex > 0) action.data = { uri, version, finding: index, fix: fixIndex } satisfies CodeActionData;
      else action.edit = { changes: { [uri]: fix.edits } };
      shared.set(fix, action);
      actions.push(action);
    });
  });
  return actions;
}

export function resolveCodeAction(action: CodeAction, report: AnalysedReport, version: number): CodeAction {
  const data = action.data as CodeActionData | undefined;
  if (!data || data.version !== version) return action;
  const finding = report.analysis.findings[data.finding];
  const fix = finding ? fixesOf(finding)[data.fix] : undefined;
  return fix ? { ...action, edit: { changes: { [data.uri]: fix.edits } } } : action;
}
