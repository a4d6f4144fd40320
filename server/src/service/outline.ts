// `fazhiReport/outline`: the tree, the sections map, the checklist of parts and
// the findings counted per node, per severity and per group of rules.
import { ruleDescriptors, type Analysis, type Finding, type OutlineNode, type PartDescription, type Range } from '../analysis/api';
import { GROUP_KEYS, GROUP_LABELS, type GroupKey } from '../review/types';
import type { FindingGroup, OutlineResponse, OutlineResponseNode, PartStatus, Severity } from '../lsp/protocol';
import type { AnalysisCache } from './cache';
import type { ServiceDocument, Token } from './types';

export class OutlineProvider {
  constructor(private readonly cache: AnalysisCache) {}

  async provideOutline(document: ServiceDocument, _params: unknown, token: Token): Promise<OutlineResponse | null> {
    const entry = await this.cache.get(document);
    if (token.isCancellationRequested) return null;
    return outlineResponse(document.uri, entry.version, entry.isReport, entry.result.analysis, entry.result.parts);
  }
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

function within(r: Range, p: { line: number; character: number }): boolean {
  return (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) && (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));
}

/** The groups of rules a writer reads the counts by (数字, 遗留, 格式…): each finding in its rule's groups; information left out. */
export function findingGroups(findings: readonly Finding[]): FindingGroup[] {
  const tags = new Map(ruleDescriptors().map((r) => [r.id, r.tags as GroupKey[]]));
  const counts = new Map<GroupKey, number>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const groups = tags.get(f.rule)?.length ? tags.get(f.rule)! : (['other'] as GroupKey[]);
    for (const g of groups) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return GROUP_KEYS.filter((g) => counts.has(g))
    .map((g) => ({ id: g, name: GROUP_LABELS[g], count: counts.get(g)! }))
    .sort((a, b) => b.count - a.count);
}

export function outlineResponse(uri: string, version: number, isReport: boolean, analysis: Analysis, checklist: readonly PartDescription[]): OutlineResponse {
  const findings = isReport ? analysis.findings : [];
  const decorate = (nodes: OutlineNode[]): OutlineResponseNode[] =>
    nodes.map((n) => {
      let findingCount = 0;
      let worstSeverity: Severity | null = null;
      for (const f of findings) {
        if (!within(n.range, f.range.start)) continue;
        findingCount++;
        if (!worstSeverity || RANK[f.severity] > RANK[worstSeverity]) worstSeverity = f.severity;
      }
      return { ...n, findingCount, worstSeverity, children: decorate(n.children) };
    });
  const parts: PartStatus[] = checklist.map((entry) => {
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
  const findingsBySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    findingsByRule[f.rule] = (findingsByRule[f.rule] ?? 0) + 1;
    findingsBySeverity[f.severity]++;
  }
  return {
    uri,
    version,
    isReport,
    parts,
    findingsByRule,
    findingsBySeverity,
    findingGroups: findingGroups(findings),
    title: analysis.title,
    reportYear: analysis.reportYear,
    reportYearSource: analysis.reportYearSource,
    sections: analysis.sections,
    outline: isReport ? decorate(analysis.outline) : [],
    findingCount: findings.length,
  };
}
