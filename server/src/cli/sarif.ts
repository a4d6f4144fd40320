// `fazhi-report check --format sarif`: SARIF 2.1.0 as GitHub code scanning takes it
// (rules with help, URIs relative to %SRCROOT%, fingerprints that survive unrelated edits).
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ruleDescriptors, type Analysis, type Finding, type Range, type RuleDescriptor, type Severity } from '../analysis/api';
import type { ExtractedDocument } from '../documents/types';
import { locator, placeText, type DocumentLocation, type FileReport } from './format';
import { jsonArray, jsonObject } from './output';

declare const __HOMEPAGE__: string | undefined;
/** The README's address (package.json `homepage`): rules' help links point into its rule table. */
const HOMEPAGE = typeof __HOMEPAGE__ === 'string' ? __HOMEPAGE__ : 'https://www.npmjs.com/package/fazhi-report';

const SARIF_LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** Artifact URIs are relative to this folder, named %SRCROOT% (check --sarif-root; default the current folder). */
  sarifRoot?: string;
}

/** Markdown without its code spans' backticks and its emphasis, for the plain-text help. */
function plain(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '“$1”').replace(/\*\*([^*]+)\*\*/g, '$1');
}

function descriptor(r: RuleDescriptor): Sarif.ReportingDescriptor {
  const helpUri = `${HOMEPAGE}#rules`;
  const fix = r.fix === 'safe' ? '可自动修复（--fix）' : r.fix === 'manual' ? '编辑器中提供修复，需人工确认' : '';
  return {
    id: r.id,
    name: r.name,
    shortDescription: { text: `${r.title}：${r.description}` },
    fullDescription: { text: `${r.description}。${plain(r.finds)}` },
    help: {
      text: [`${r.title}：${r.description}`, plain(r.finds), `为什么 (why)：${r.why}`, fix, `详见 ${helpUri}`].filter(Boolean).join('\n\n'),
      markdown: [`**${r.title}**（\`${r.id}\`）：${r.description}`, r.finds, `**为什么 (why)**：${r.why}`, fix, `[规则说明 (rules)](${helpUri})`].filter(Boolean).join('\n\n'),
    },
    helpUri,
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    properties: { tags: [...r.tags] },
  };
}

/** Where an artifact is: relative to %SRCROOT% when inside it, else an absolute file URI. */
function artifactLocation(file: string, root: string): Sarif.ArtifactLocation {
  if (file === '<stdin>') return { uri: 'stdin' };
  const path = relative(root, resolve(file));
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return { uri: pathToFileURL(resolve(file)).href };
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** The sentence a finding is in, within its line (a paragraph): from the end of the sentence before to the end of its own (。！？；). */
function sentenceAround(line: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(line[from - 1])) from--;
  const after = line.slice(end).search(SENTENCE_END);
  return line.slice(from, after < 0 ? line.length : end + after + 1);
}
const SENTENCE_END = /[。！？；!?;]/;

/**
 * A fingerprint of each finding that stays when the text around it changes: the rule, the
 * finding's own text and the sentence it is in, with spaces dropped, and which of the identical
 * ones in the file it is. Line numbers are left out on purpose, and so is the rest of the
 * paragraph (a report's paragraph is often one long line).
 */
function fingerprints(lines: readonly string[], findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const line = lines[f.range.start.line] ?? '';
    const end = f.range.start.line === f.range.end.line ? f.range.end.character : line.length;
    const own = line.slice(f.range.start.character, end);
    const key = `${f.rule}\u0000${own.replace(/\s+/g, '')}\u0000${sentenceAround(line, f.range.start.character, end).replace(/\s+/g, '')}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`;
  });
}

const MIME_TYPE: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  wps: 'application/vnd.ms-works',
  pdf: 'application/pdf',
};

/** The artifact: a text file with its encoding; a Word or PDF file by its type (its regions are in the extracted text). */
function artifactOf(report: { file: string; document?: ExtractedDocument }, location: Sarif.ArtifactLocation): Sarif.Artifact {
  const kind = report.document?.kind;
  if (kind && MIME_TYPE[kind]) return { location, mimeType: MIME_TYPE[kind] };
  const mimeType = kind === 'text' || (!kind && /\.txt$/i.test(report.file)) ? 'text/plain' : 'text/markdown';
  return { location, mimeType, encoding: report.document?.encoding ?? 'utf-8' };
}

/** What code scanning shows of a finding in a text file: its own text, and its whole line around it (at most 400 characters each). */
function withSnippet(where: Sarif.Region, range: Range, lines: readonly string[]): Sarif.Location['physicalLocation'] {
  const line = lines[range.start.line];
  if (line === undefined) return { region: where };
  const end = range.end.line === range.start.line ? range.end.character : line.length;
  where.snippet = { text: line.slice(range.start.character, end).slice(0, 400) };
  const context: Sarif.Region = { startLine: range.start.line + 1, snippet: { text: line.slice(0, 400) } };
  return { region: where, contextRegion: context };
}

function sarifResult(f: Finding, location: Sarif.ArtifactLocation, artifactIndex: number, ruleIndex: number | undefined, at: DocumentLocation | null, fingerprint: string, lines: readonly string[]): Sarif.Result {
  const artifact = { ...location, index: artifactIndex };
  const where = region(f.range);
  const physical: Sarif.Location = { physicalLocation: { artifactLocation: artifact, ...withSnippet(where, f.range, lines) } };
  if (at) {
    // In a Word or PDF file the lines are those of the extracted text (the context is its paragraph): the quote and 第N段 find the place.
    where.snippet = { text: at.quote };
    physical.message = { text: placeText(at) };
    physical.properties = at.page !== undefined ? { paragraph: at.paragraph, page: at.page } : { paragraph: at.paragraph };
  }
  const result: Sarif.Result = {
    ruleId: f.rule,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [physical],
    partialFingerprints: { 'fazhiReportFinding/v1': fingerprint },
  };
  if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
  if (f.fix) {
    result.fixes = [
      {
        description: { text: f.fix.title },
        artifactChanges: [{ artifactLocation: artifact, replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
      },
    ];
  }
  return result;
}

type Analysed = { file: string; analysis: Analysis; document?: ExtractedDocument };

/** SARIF 2.1.0, one run; columns are UTF-16 code units like LSP's. Results are written one at a time. */
export function* sarifChunks(reports: FileReport[], version: string, options: SarifOptions = {}): Generator<string> {
  const root = resolve(options.sarifRoot ?? process.cwd());
  const rules = ruleDescriptors();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts: Sarif.Artifact[] = [];
  const artifactIndex = new Map<FileReport, number>();
  const notifications: Sarif.Notification[] = [];
  const locations = new Map(reports.map((r) => [r, artifactLocation(r.file, root)]));
  for (const report of reports) {
    if ('error' in report) {
      notifications.push({ level: 'error', message: { text: `${report.file}: ${report.error}` }, locations: [{ physicalLocation: { artifactLocation: locations.get(report)! } }] });
      continue;
    }
    artifactIndex.set(report, artifacts.length);
    artifacts.push(artifactOf(report, locations.get(report)!));
  }
  function* results(): Generator<string> {
    const analysed = reports.filter((r): r is Analysed => 'analysis' in r);
    const all = analysed.flatMap((report) => {
      const lines = report.document?.text.split(/\r\n|\r|\n/) ?? [];
      const prints = fingerprints(lines, report.analysis.findings);
      return report.analysis.findings.map((f, i) => [report, f, prints[i], lines] as const);
    });
    const locators = new Map(analysed.map((r) => [r, locator(r.document)]));
    yield* jsonArray(
      all,
      ([report, f, print, lines], indent) => [JSON.stringify(sarifResult(f, locations.get(report)!, artifactIndex.get(report)!, ruleIndex.get(f.rule), locators.get(report)?.(f.range) ?? null, print, lines), null, 2).replace(/\n/g, '\n' + indent)],
      '      ',
    );
  }
  const run = jsonObject(
    [
      ['tool', { driver: { name: 'fazhi-report', fullName: '法治政府建设报告助手', version, semanticVersion: version, informationUri: HOMEPAGE, rules: rules.map(descriptor) } }],
      ['automationDetails', { id: 'fazhi-report/' }],
      ['originalUriBaseIds', { '%SRCROOT%': { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } }],
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
