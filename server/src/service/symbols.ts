// Document symbols: the report's outline, numbering in each name.
import type { DocumentSymbol } from 'vscode-languageserver';
import type { AnalysedReport } from '../analysis/api';
import { toDocumentSymbols } from '../lsp/convert';
import { formatForDocument } from '../lsp/uri';
import type { Settings } from '../settings';
import type { AnalysisCache } from './cache';
import type { ServiceDocument, Token } from './types';

export class SymbolsProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly hostHasMarkdownOutline: boolean,
  ) {}

  async provideDocumentSymbols(document: ServiceDocument, _params: unknown, token: Token): Promise<DocumentSymbol[]> {
    const entry = await this.cache.report(document);
    if (!entry || token.isCancellationRequested) return [];
    if (formatForDocument(document.uri, document.languageId) === 'markdown' && !this.wantsMarkdownSymbols(entry.result, entry.settings)) return [];
    return toDocumentSymbols(entry.result.analysis.outline);
  }

  private wantsMarkdownSymbols(report: AnalysedReport, settings: Settings): boolean {
    if (settings.markdownSymbols !== 'auto') return settings.markdownSymbols === 'always';
    if (!this.hostHasMarkdownOutline) return true;
    // The built-in outline sees only `#` headings: add ours when numbered lines would be missing.
    return report.hasNumberedPlainHeadings;
  }
}
