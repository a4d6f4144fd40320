// Output formats of `fazhi-report check`.
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ruleDescriptors } from '../analysis/rules';
import type { Analysis, Finding, Range, Severity } from '../analysis/types';
import { jsonArray, jsonObject } from './output';

export type FileReport = { file: string; analysis: Analysis } | { file: string; error: string };

const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/**
 * A file name as one line of output: control characters (a newline in a name
 * would forge a finding line) are written as escapes.
 */
export function printableName(file: string): string {
  // eslint-disable-next-line no-control-regex
  return file.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** `path:line:col severity message [rule]`, 1-based, then a summary line. */
export function* textChunks(reports: FileReport[]): Generator<string> {
  const counts = { error: 0, warning: 0, info: 0 };
  let checked = 0;
  for (const report of reports) {
    if ('error' in report) continue;
    checked++;
    const name = printableName(report.file);
    for (const f of report.analysis.findings) {
      counts[f.severity]++;
      yield `${name}:${f.range.start.line + 1}:${f.range.start.character + 1} ${SEVERITY_LABEL[f.severity]} ${f.message} [${f.rule}]\n`;
    }
  }
  const failed = reports.length - checked;
  yield `检查了 ${checked} 个文件${failed ? `，${failed} 个无法读取` : ''}：${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示\n`;
}

/** One JSON array, one element per file, findings written one at a time. */
export function* jsonChunks(reports: FileReport[]): Generator<string> {
  yield* jsonArray(reports, (report, indent) => {
    if ('error' in report) return jsonObject(Object.entries(report), indent);
    const { findings, ...rest } = report.analysis;
    return jsonObject([['file', report.file], ...Object.entries(rest), ['findings', () => jsonArray(findings, (f, i) => jsonObject(Object.entries(f), i), indent + '  ')]], indent);
  });
  yield '\n';
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

/** SARIF 2.1.0, one run; columns are UTF-16 code units like LSP's. Results are written one at a time. */
export function* sarifChunks(reports: FileReport[], version: string): Generator<string> {
  const rules = ruleDescriptors();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const descriptors: Sarif.ReportingDescriptor[] = rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
  }));
  const artifacts: Sarif.Artifact[] = [];
  const artifactIndex = new Map<FileReport, number>();
  const notifications: Sarif.Notification[] = [];
  for (const report of reports) {
    const uri = artifactUri(report.file);
    if ('error' in report) {
      notifications.push({ level: 'error', message: { text: `${report.file}: ${report.error}` }, locations: [{ physicalLocation: { artifactLocation: { uri } } }] });
      continue;
    }
    artifactIndex.set(report, artifacts.length);
    artifacts.push({ location: { uri }, mimeType: /\.txt$/i.test(report.file) ? 'text/plain' : 'text/markdown', encoding: 'utf-8' });
  }
  function* results(): Generator<string> {
    const analysed = reports.filter((r): r is { file: string; analysis: Analysis } => 'analysis' in r);
    const all = analysed.flatMap((report) => report.analysis.findings.map((f) => [report, f] as const));
    yield* jsonArray(all, ([report, f], indent) => [JSON.stringify(sarifResult(f, artifactUri(report.file), artifactIndex.get(report)!, ruleIndex.get(f.rule)), null, 2).replace(/\n/g, '\n' + indent)], '      ');
  }
  const run = jsonObject(
    [
      ['tool', { driver: { name: 'fazhi-report', fullName: '法治政府建设报告助手', version, semanticVersion: version, rules: descriptors } }],
      ['invocations', [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }]],
      ['artifacts', artifacts],
      ['results', results],
      ['columnKind', 'utf16CodeUnits'],
    ],
    '    ',
  );
  yield* jsonObject(
    [
      ['$schema', 'https://json.schemastore.org/sarif-2.1.0.json'],
      ['version', '2.1.0'],
      ['runs', () => jsonArray([run], function* (chunks) {
        yield* chunks;
      }, '  ')],
    ],
    '',
  );
  yield '\n';
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
