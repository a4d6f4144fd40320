// Completion: the next 一是/（三）/三、 and the phrase bank, ranked for the part the cursor is in.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { AnalysedReport } from '../analysis/api';
import type { AnalysisCache } from './cache';
import type { ServiceDocument, Token } from './types';

const SUGGESTION_KIND = { enumeration: CompletionItemKind.EnumMember, heading: CompletionItemKind.Module, phrase: CompletionItemKind.Text } as const;

export interface CompletionParams {
  position: Position;
  context?: { triggerCharacter?: string };
}

export class CompletionProvider {
  constructor(private readonly cache: AnalysisCache) {}

  async provideCompletionItems(document: ServiceDocument, params: CompletionParams, token: Token): Promise<CompletionItem[]> {
    const entry = await this.cache.report(document);
    if (!entry || token.isCancellationRequested) return [];
    return completionItems(entry.result, params.position, params.context?.triggerCharacter);
  }
}

export function completionItems(report: AnalysedReport, position: Position, triggerCharacter?: string): CompletionItem[] {
  return report.suggestionsAt(position, triggerCharacter === '。' || triggerCharacter === '；').map((s) => ({
    label: s.label,
    kind: SUGGESTION_KIND[s.kind],
    detail: s.detail,
    documentation: s.documentation,
    sortText: s.sortText,
    filterText: s.filterText,
    textEdit: { range: s.range, newText: s.insertText },
  }));
}
