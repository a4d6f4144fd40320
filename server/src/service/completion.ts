// Completion: the next 一是/（三）/三、 and the phrase bank, ranked for the part the cursor is in.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { suggestionsAt } from '../analysis/completion';
import type { DetailedAnalysis } from '../analysis/analyze';
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
