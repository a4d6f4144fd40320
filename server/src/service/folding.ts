// Folding ranges: one per section and per multi-line item.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { OutlineNode } from '../analysis/api';
import type { AnalysisCache } from './cache';
import type { ServiceDocument, Token } from './types';

export class FoldingProvider {
  constructor(private readonly cache: AnalysisCache) {}

  async provideFoldingRanges(document: ServiceDocument, _params: unknown, token: Token): Promise<FoldingRange[]> {
    const entry = await this.cache.report(document);
    if (!entry || token.isCancellationRequested) return [];
    return foldingRanges(entry.result.analysis.outline);
  }
}

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
