// Hover on a figure that takes part in a relation: the arithmetic (`1194 / 1195 = 99.92%，文中 99.9% ✓`).
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import type { AnalysedReport, RelationAt } from '../analysis/api';
import type { AnalysisCache } from './cache';
import type { ServiceDocument, Token } from './types';

const RELATION_NAME: Record<RelationAt['kind'], string> = { rate: '比率', share: '占比', shares: '各项占比', sum: '分项与总数', subset: '部分与整体', growth: '增幅', difference: '增减数', points: '百分点', average: '平均数' };

export class HoverProvider {
  constructor(private readonly cache: AnalysisCache) {}

  async provideHover(document: ServiceDocument, params: { position: Position }, token: Token): Promise<Hover | null> {
    const entry = await this.cache.report(document);
    if (!entry || token.isCancellationRequested) return null;
    return hover(entry.result, params.position);
  }
}

export function hover(report: AnalysedReport, position: Position): Hover | null {
  const lines: string[] = [];
  let range: Range | undefined;
  for (const r of report.relationsAt(position)) {
    range ??= r.range;
    lines.push(`**${RELATION_NAME[r.kind]}**：${r.explanation}`);
    // Every reading tried, so a writer sees why a figure was (or was not) flagged.
    if (r.readings.length > 1) lines.push(r.readings.map((x) => `- ${x}`).join('\n'));
  }
  if (lines.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range };
}
