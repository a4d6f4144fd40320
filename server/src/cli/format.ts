// Output formats of `fazhi-report check`.
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ruleDescriptors } from '../analysis/rules';
import type { Analysis, Finding, Range, Severity } from '../analysis/types';

export type FileReport = { file: string; analysis: Analysis } | { file: string; error: string };

const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/** `path:line:col severity message [rule]`, 1-based, then a summary line. */
export function formatText(reports: FileReport[]): string {
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  let checked = 0;
  for (const report of reports) {
    if ('error' in report) continue;
    checked++;
    for (const f of report.analysis.findings) {
      counts[f.severity]++;
      out.push(`${report.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${SEVERITY_LABEL[f.severity]} ${f.message} [${f.rule}]`);
    }
  }
  const failed = reports.length - checked;
  const summary = `检查了 ${checked} 个文件${failed ? `，${failed} 个无法读取` : ''}：${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示`;
  out.push(summary);
  return out.join('\n') + '\n';
}

const SARIF_LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(sep).map(encodeURIComponent).join('/');
}

function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** SARIF 2.1.0, one run; columns are UTF-16 code units like LSP's. */
export function formatSarif(reports: FileReport[], version: string): Sarif.Log {
  const rules = ruleDescriptors();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const descriptors: Sarif.ReportingDescriptor[] = rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
  }));
  const artifacts: Sarif.Artifact[] = [];
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const report of reports) {
    const uri = artifactUri(report.file);
    if ('error' in report) {
      notifications.push({ level: 'error', message: { text: `${report.file}: ${report.error}` }, locations: [{ physicalLocation: { artifactLocation: { uri } } }] });
      continue;
    }
    const index = artifacts.length;
    artifacts.push({ location: { uri }, mimeType: /\.txt$/i.test(report.file) ? 'text/plain' : 'text/markdown', encoding: 'utf-8' });
    for (const f of report.analysis.findings) results.push(sarifResult(f, uri, index, ruleIndex.get(f.rule)));
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'fazhi-report', fullName: '法治政府建设报告助手', version, semanticVersion: version, rules: descriptors } },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function sarifResult(f: Finding, uri: string, artifactIndex: number, ruleIndex: number | undefined): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: f.rule,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri, index: artifactIndex }, region: region(f.range) } }],
  };
  if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
  if (f.fix) {
    result.fixes = [
      {
        description: { text: f.fix.title },
        artifactChanges: [
          {
            artifactLocation: { uri, index: artifactIndex },
            replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
          },
        ],
      },
    ];
  }
  return result;
}
