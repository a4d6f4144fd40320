// Analysis shapes → LSP shapes. The core's ranges are already LSP ranges.
import { DiagnosticSeverity, SymbolKind, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver';
import { LEVEL_NAME, type Finding, type OutlineNode, type Severity } from '../analysis/api';

export const DIAGNOSTIC_SOURCE = '法治报告';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
}

// Kinds chosen so that editors show the levels with different icons, and none
// with the code braces ({ }) of a module or namespace: a report is no program.
const HEADING_KIND: Record<number, SymbolKind> = {
  1: SymbolKind.File,
  2: SymbolKind.String,
  3: SymbolKind.Key,
  4: SymbolKind.Field,
};


export function toDocumentSymbols(nodes: OutlineNode[]): DocumentSymbol[] {
  return nodes.map((node) => {
    const name = `${node.numbering ?? ''}${node.title}`.trim() || '（无标题）';
    let kind: SymbolKind;
    let detail: string;
    switch (node.kind) {
      case 'heading':
        kind = HEADING_KIND[node.level ?? 1] ?? SymbolKind.Field;
        detail = `${LEVEL_NAME[node.level ?? 1] ?? ''}标题`;
        break;
      case 'item':
        kind = SymbolKind.EnumMember;
        detail = '条目';
        break;
      case 'addressee':
        kind = SymbolKind.Key;
        detail = '主送机关';
        break;
      case 'signature':
        kind = SymbolKind.Constant;
        detail = '落款';
        break;
    }
    return { name, detail, kind, range: node.range, selectionRange: node.selectionRange, children: toDocumentSymbols(node.children) };
  });
}
