// workspace/executeCommand: the data commands our VS Code client applies itself
// (with its preview), and the apply* commands that edit through
// `workspace/applyEdit`, so that any LSP editor gets them.
import type { TextEdit } from 'vscode-languageserver';
import { advance, expandSnippet, isReportYear, SECTION_KEYS, skeletonSnippet, type AnalysedReport } from '../analysis/api';
import { commandArgument, InvalidParams, optionalCount, optionalString, position } from '../lsp/params';
import {
  COMMANDS,
  type ApplyResult,
  type CheckDocumentResult,
  type PartEditsParams,
  type PartEditsResult,
  type RenumberEditsResult,
  type RenumberParams,
  type ReviewSummaryResult,
  type SectionKey,
  type SkeletonParams,
  type SkeletonSnippetResult,
} from '../lsp/protocol';
import type { AnalysisCache } from './cache';
import type { DiagnosticsProvider } from './diagnostics';
import type { FilesProvider } from './files';
import type { ReportServiceOptions, ServiceDocument, Token, Workspace } from './types';

export const SERVER_COMMAND_NAMES: readonly string[] = Object.values(COMMANDS);

export class CommandsProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly workspace: Workspace,
    private readonly diagnostics: DiagnosticsProvider,
    private readonly defaultYear: number,
    private readonly applyEdit: ReportServiceOptions['applyEdit'],
    private readonly files: FilesProvider,
  ) {}

  /** Runs a command; `params` is `ExecuteCommandParams` as the client sent it (checked here). */
  async execute(command: string, params: unknown, token: Token): Promise<unknown> {
    const raw = commandArgument(params);
    switch (command) {
      case COMMANDS.checkDocument:
        return this.checkDocument(optionalString(raw.uri, 'uri'));
      case COMMANDS.skeletonSnippet:
        return this.skeletonSnippet(skeletonParams(raw));
      case COMMANDS.applySkeleton:
        return this.applySkeleton(skeletonParams(raw));
      case COMMANDS.annotateWord:
        return this.files.annotateWord(requiredString(raw.uri, 'uri'));
      case COMMANDS.exportWord:
        return this.files.exportWord(requiredString(raw.uri, 'uri'), requiredString(raw.target, 'target'));
      case COMMANDS.reviewFolder:
        return this.files.reviewFolder({ folder: requiredString(raw.folder, 'folder'), nonce: requiredString(raw.nonce, 'nonce'), cspSource: requiredString(raw.cspSource, 'cspSource') });
    }
    const document = this.document(raw.uri);
    if (!document) return command.startsWith('fazhiReport.server.') ? ({ applied: false, message: '文件未打开' } satisfies ApplyResult) : null;
    const entry = await this.cache.get(document);
    if (token.isCancellationRequested) return null;
    switch (command) {
      case COMMANDS.partEdits:
        return this.partEdits(entry.result, partParams(raw, document.uri));
      case COMMANDS.applyInsertPart: {
        const edits = this.partEdits(entry.result, partParams(raw, document.uri));
        if (!edits) return { applied: false, message: '该部分已具备，或文件未能分析' } satisfies ApplyResult;
        return { applied: await this.apply(`插入“${edits.heading}”`, document.uri, edits.edits), cursor: edits.cursor } satisfies ApplyResult;
      }
      case COMMANDS.renumberEdits:
        return this.renumberEdits(entry.result, renumberParams(raw, document.uri));
      case COMMANDS.applyRenumber: {
        const edits = this.renumberEdits(entry.result, renumberParams(raw, document.uri));
        if (!edits || edits.edits.length === 0) return { applied: false, message: '本级标题的序号已连续，无需重新编号' } satisfies ApplyResult;
        return { applied: await this.apply(`重新编号第 ${edits.level} 级标题`, document.uri, edits.edits) } satisfies ApplyResult;
      }
      case COMMANDS.reviewSummary:
        return { text: entry.result.summary(optionalString(raw.fileName, 'fileName') ?? document.uri) } satisfies ReviewSummaryResult;
    }
    throw new InvalidParams(`未知命令“${command}”`);
  }

  private document(uri: unknown): ServiceDocument | undefined {
    const name = optionalString(uri, 'uri');
    return name ? this.workspace.get(name) : undefined;
  }

  private async checkDocument(uri: string | undefined): Promise<CheckDocumentResult> {
    if (!uri) return { isReport: false };
    this.cache.decider.markChecked(uri);
    this.cache.invalidate(uri);
    if (this.workspace.get(uri)) await this.diagnostics.validate(uri);
    return { isReport: true };
  }

  /** The year: the one asked for, else the document's folder setting, else the year before this one. */
  private async year(params: SkeletonParams): Promise<number> {
    if (params.reportYear !== undefined && params.reportYear !== null) return params.reportYear;
    const configured = params.uri ? (await this.cache.settingsOf(params.uri)).reportYear : null;
    return configured ?? this.defaultYear;
  }

  private async skeletonSnippet(params: SkeletonParams): Promise<SkeletonSnippetResult> {
    const reportYear = await this.year(params);
    const sections = params.uri ? (await this.cache.settingsOf(params.uri)).sections : {};
    return { snippet: skeletonSnippet(reportYear, sections), reportYear };
  }

  private async applySkeleton(params: SkeletonParams): Promise<ApplyResult> {
    const document = this.document(params.uri);
    if (!document) return { applied: false, message: '文件未打开' };
    const { snippet } = await this.skeletonSnippet(params);
    const text = expandSnippet(snippet);
    const current = document.getText();
    let edit: TextEdit;
    if (current.trim() === '') edit = { range: { start: { line: 0, character: 0 }, end: endOf(current) }, newText: text };
    else if (params.position) edit = { range: { start: params.position, end: params.position }, newText: text };
    else return { applied: false, message: '文件已有内容：请给出插入位置（position），或在空白文件中运行' };
    return { applied: await this.apply('插入报告框架', document.uri, [edit]) };
  }

  private partEdits(report: AnalysedReport, params: PartEditsParams): PartEditsResult | null {
    return report.insertPart(params.key, params.renumber !== false);
  }

  private renumberEdits(report: AnalysedReport, params: RenumberParams): RenumberEditsResult {
    return report.renumber(params.line);
  }

  private async apply(label: string, uri: string, edits: TextEdit[]): Promise<boolean> {
    if (!this.applyEdit) throw new InvalidParams('此编辑器不支持 workspace/applyEdit');
    return this.applyEdit(label, { [uri]: edits });
  }
}

function endOf(text: string): { line: number; character: number } {
  return advance({ line: 0, character: 0 }, text);
}

function requiredString(value: unknown, name: string): string {
  const text = optionalString(value, name);
  if (text === undefined) throw new InvalidParams(`缺少 ${name}`);
  return text;
}

function skeletonParams(raw: Record<string, unknown>): SkeletonParams {
  const year = raw.reportYear;
  if (year !== undefined && year !== null && !isReportYear(year)) throw new InvalidParams('reportYear 应为 1990–2100 之间的年份');
  return {
    uri: optionalString(raw.uri, 'uri'),
    reportYear: (year as number | null | undefined) ?? null,
    position: raw.position === undefined || raw.position === null ? undefined : position(raw.position),
  };
}

function partParams(raw: Record<string, unknown>, uri: string): PartEditsParams {
  const key = optionalString(raw.key, 'key');
  if (!key || !(SECTION_KEYS as readonly string[]).includes(key)) throw new InvalidParams(`key 应为 ${SECTION_KEYS.join('、')} 之一`);
  return { uri, key: key as SectionKey, renumber: raw.renumber !== false };
}

function renumberParams(raw: Record<string, unknown>, uri: string): RenumberParams {
  return { uri, line: optionalCount(raw.line, 'line') ?? 0 };
}
